"""The code blocks of the README, the guides and CONTRIBUTING.md, and how the tests run them.

A block runs if it is Python (every Python block of one file runs in order, in one
namespace, as a reader pasting them would) or a shell block that starts
`dodb emulator` (run in bash against that emulator). Any other block carries the
comment `<!-- not run: REASON -->` on the line just above its fence.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import dodb
from dodb.emulator import Emulator
from tests.support.served import free_port

ROOT = Path(__file__).resolve().parents[2]

_FENCE = re.compile(r"^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```[ \t]*$", re.S | re.M)
_NOT_RUN = re.compile(r"<!--\s*not run:\s*(?P<reason>.*?)\s*-->\s*$")


@dataclass(frozen=True)
class Block:
    path: Path
    line: int
    lang: str
    body: str
    not_run: str | None  # the reason given, if the block is named as not run

    @property
    def where(self) -> str:
        shown = self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path
        return f"{shown}:{self.line}"

    @property
    def runs(self) -> bool:
        return self.lang == "python" or self.starts_emulator

    @property
    def starts_emulator(self) -> bool:
        return self.lang == "bash" and self.body.lstrip().startswith("dodb emulator")


def blocks(path: Path) -> list[Block]:
    """Every fenced block of a Markdown file, at the top level, in order."""
    text = path.read_text()
    found = []
    for match in _FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        above = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        reason = _NOT_RUN.search(above)
        found.append(
            Block(
                path=path,
                line=line,
                lang=match["lang"],
                body=match["body"],
                not_run=reason["reason"] if reason else None,
            )
        )
    return found


def unaccounted(found: list[Block]) -> list[str]:
    """Blocks that neither run nor say why not, and `not run` comments without a reason."""
    problems = []
    for block in found:
        if block.not_run is not None and not block.not_run:
            problems.append(f"{block.where}: `not run` without a reason")
        elif block.not_run is None and not block.runs:
            problems.append(f"{block.where}: a {block.lang or 'plain'} block neither run nor named")
    return problems


@contextmanager
def clients_to_emulator(monkeypatch: pytest.MonkeyPatch) -> Iterator[Emulator]:
    """`dodb.Client` and `dodb.AsyncClient` pointed at a served emulator: the one change
    to the blocks (the reference page's call otherwise goes to the real API)."""
    emulator = Emulator()
    with emulator.running() as url:

        class ToEmulator(dodb.Client):
            def __init__(self, token: str | None = None, **options: Any) -> None:
                options.setdefault("base_url", url)
                super().__init__(token, **options)

        class AsyncToEmulator(dodb.AsyncClient):
            def __init__(self, token: str | None = None, **options: Any) -> None:
                options.setdefault("base_url", url)
                super().__init__(token, **options)

        monkeypatch.setattr(dodb, "Client", ToEmulator)
        monkeypatch.setattr(dodb, "AsyncClient", AsyncToEmulator, raising=False)
        monkeypatch.setenv("DIGITALOCEAN_TOKEN", "docs-token")
        yield emulator


def run_python(found: list[Block]) -> dict[str, Any]:
    """Run the Python blocks in order in one namespace; the namespace afterwards."""
    namespace: dict[str, Any] = {"__name__": "docs"}
    for block in found:
        if block.lang != "python" or block.not_run is not None:
            continue
        try:
            exec(compile(block.body, block.where, "exec"), namespace)  # noqa: S102
        except Exception as exc:
            raise AssertionError(
                f"the Python block at {block.where} failed:\n{block.body}"
            ) from exc
    return namespace


def run_shell(block: Block, cwd: Path) -> str:
    """Run a block that starts `dodb emulator` in bash, on a free port; its output."""
    port = str(free_port())  # 8080 may be taken on this machine: the one change
    script = "set -euo pipefail\n" + block.body.replace("8080", port)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("DIGITALOCEAN_TOKEN", None)
    result = subprocess.run(
        ["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, (
        f"{block.where}:\n" + result.stdout[-2000:] + result.stderr[-2000:]
    )
    return result.stdout

"""The README's code runs as written, in order, against the emulator, so it cannot drift.

Python blocks run one after the other in one namespace, as a reader pasting
them would; `dodb.Client` and `dodb.AsyncClient` are pointed at a served
emulator (the only change: the reference page's call otherwise goes to the
real API). The command-line block runs in bash against its own emulator.
The other shell blocks are the project's set-up commands, named here.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import dodb
from dodb.emulator import Emulator
from tests.support.served import free_port

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()
BLOCKS = [(m.group(1), m.group(2)) for m in re.finditer(r"```(\w*)\n(.*?)```", README, re.S)]
PYTHON = [body for lang, body in BLOCKS if lang == "python"]
SHELL = [body for lang, body in BLOCKS if lang == "bash"]

# Shell blocks not run here, each for its reason.
NOT_RUN = {
    "bash scripts/demo.sh": "the README's main command: run by CI's fresh clone, not from inside the suite",
    "pip install .": "installs into the environment the tests run in",
    "DIGITALOCEAN_TOKEN=... .venv/bin/python -m tests.support.record": "needs a real token and cluster",
    "dodb spec > openapi.yaml": "run by tests/test_interop.py, with the Node and Go tool chains",
}


def test_every_shell_block_is_run_or_named() -> None:
    named = [b for b in SHELL if any(b.lstrip().startswith(k) for k in NOT_RUN)]
    commands = [b for b in SHELL if b.lstrip().startswith("dodb emulator")]
    assert len(named) == len(NOT_RUN)
    assert len(commands) == len(EMULATOR_BLOCKS) == 2
    assert len(named) + len(commands) == len(SHELL)


@pytest.mark.slow
def test_the_python_blocks_run_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(PYTHON) >= 8
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
        monkeypatch.setenv("DIGITALOCEAN_TOKEN", "readme-token")
        namespace: dict[str, Any] = {"__name__": "readme"}
        for number, block in enumerate(PYTHON, 1):
            try:
                exec(compile(block, f"README python block {number}", "exec"), namespace)  # noqa: S102
            except Exception as exc:
                raise AssertionError(f"README python block {number} failed:\n{block}") from exc
    users = {n for n in emulator.store.clusters["ab7bb7a"].users}
    assert users == {"doadmin", "app-01", "app-03"}  # app-02 was added, then deleted


EMULATOR_BLOCKS = [b for b in SHELL if b.lstrip().startswith("dodb emulator")]


def _run_block(block: str, tmp_path: Path) -> str:
    port = str(free_port())  # 8080 may be taken on this machine: the one change
    script = "set -euo pipefail\n" + block.replace("8080", port)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("DIGITALOCEAN_TOKEN", None)
    result = subprocess.run(
        ["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return result.stdout


@pytest.mark.slow
def test_the_command_line_block_runs_against_the_emulator(tmp_path: Path) -> None:
    (block,) = [b for b in EMULATOR_BLOCKS if "dodb users list" in b]
    out = _run_block(block, tmp_path)
    assert "doadmin" in out
    assert '"pg_allow_replication": true' in out
    assert f"dodb {dodb.__version__}" in out


@pytest.mark.slow
def test_the_provisioning_block_runs_against_the_emulator(tmp_path: Path) -> None:
    import stat

    (block,) = [b for b in EMULATOR_BLOCKS if "dodb users apply" in b]
    out = _run_block(block, tmp_path)
    lines = out.splitlines()
    assert "+ create    ab7bb7a/app-01" in lines
    assert "created e85d5820-3635-5ff4-ad44-4575c7436896/events" in lines
    assert "plan: 0 to change, 2 unchanged" in lines
    assert any(line.startswith("postgresql://app-01:**********@") for line in lines)
    written = tmp_path / "app-01.env"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    env = dict(line.split("=", 1) for line in written.read_text().splitlines())
    assert len(env["DATABASE_PASSWORD"]) == 16
    assert env["DATABASE_PASSWORD"] not in out  # secrets went to the file only
    assert f":{env['DATABASE_PASSWORD']}@" in env["DATABASE_URL"]  # the rotated one, in the URI

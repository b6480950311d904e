"""Tools come through their registries' own clients: the project names no download host."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ALLOWED = re.compile(
    r"(localhost|127\.[\d.]+|\[::1\]?|[\w.-]*\.invalid|api\.digitalocean\.com|[\w.]*example\.com"
    r"|10\.0\.0\.5|e|\{.*)(:.*)?(\?.*)?$"
)
"""Hosts a URL in the project may name: the API, loopback (templated ones too),
reserved names, and the documentation-only hosts tests use to show a refusal."""


def _tracked() -> list[Path]:
    names = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    return [ROOT / n for n in names if (ROOT / n).is_file()]


def test_no_url_names_a_host_other_than_the_api_or_loopback() -> None:
    found = []
    for path in _tracked():
        if path.suffix in {".png", ".jar", ".gz"} or path.name == "package-lock.json":
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in re.finditer(r"\bhttps?://([^/\s\"'`<>)\]]+)", text):
            host = match.group(1).split("@")[-1]
            if not ALLOWED.fullmatch(host):
                found.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
    assert found == []


def test_the_npm_lock_records_no_download_addresses() -> None:
    lock = json.loads((ROOT / "package-lock.json").read_text())
    resolved = [k for k, v in lock.get("packages", {}).items() if "resolved" in v]
    assert resolved == []

"""A temporary copy of the project, regenerated and installed, for spec-change tests."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def tracked_files() -> list[str]:
    out = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return [line for line in out.stdout.splitlines() if (ROOT / line).is_file()]


def digests(root: Path, files: list[str]) -> dict[str, str]:
    """Every file but the spec and what is generated from it, by content."""
    return {
        f: hashlib.sha256((root / f).read_bytes()).hexdigest()
        for f in files
        if not f.startswith("generated/") and f != "openapi.yaml"
    }


def copy_project(target: Path) -> list[str]:
    """The tracked files copied to `target`, sharing the project's .venv; their names."""
    files = tracked_files()
    for name in files:
        dest = target / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, dest)
    (target / ".venv").symlink_to(ROOT / ".venv")
    return files


def regenerate_and_install(copy: Path, site: Path) -> None:
    """The copy's own generation command, then the copy installed into `site`."""
    subprocess.run(["bash", "scripts/generate.sh"], cwd=copy, check=True, capture_output=True)
    if site.exists():
        shutil.rmtree(site)
    subprocess.run(
        [
            *(str(ROOT / ".venv/bin/python"), "-m", "pip", "install", "--quiet", "--no-deps"),
            *("--no-build-isolation", "--target", str(site), str(copy)),
        ],
        check=True,
        capture_output=True,
    )

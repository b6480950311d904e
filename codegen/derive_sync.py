"""Derive the sync client's I/O and resources from the async ones: `dodb/_async/` ->
`dodb/_sync/`.

unasync drops `async` and `await` and swaps the async names for their sync
twins (`Async<Name>` for `<Name>`, and the replacements below), as httpcore
derives its sync code. The
derived files are committed; a test derives them again and compares.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import unasync

REPLACEMENTS = {"aiter_raw": "iter_raw", "aclose": "close"}
"""Async names whose sync twins are not the name without its `Async` prefix."""
_PREFIXED = re.compile(r"\bAsync([A-Z]\w*)")


def _twins(files: list[str]) -> dict[str, str]:
    """Every `Async<Name>` the modules mention, as `<Name>`: the sync twin of a dodb class
    (`AsyncClient`) or of a generated one (`AsyncUsersCalls`). unasync alone would make it
    `Sync<Name>`, a name that exists nowhere."""
    found = {m.group(0): m.group(1) for f in files for m in _PREFIXED.finditer(Path(f).read_text())}
    return {**found, **REPLACEMENTS}


HEADER = (
    "# Derived from dodb/_async/{name} by scripts/generate.sh (unasync): do not edit;\n"
    "# edit the async file and regenerate.\n"
)


def derive(async_dir: Path, sync_dir: Path) -> list[Path]:
    """Write the sync twin of every module of `async_dir` into `sync_dir`."""
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "_async"
        shutil.copytree(async_dir, source, ignore=shutil.ignore_patterns("__pycache__"))
        files = sorted(str(p) for p in source.glob("*.py"))
        rule = unasync.Rule("/_async/", "/_sync/", additional_replacements=_twins(files))
        unasync.unasync_files(files, [rule])
        sync_dir.mkdir(parents=True, exist_ok=True)
        for made in sorted((Path(tmp) / "_sync").glob("*.py")):
            target = sync_dir / made.name
            target.write_text(HEADER.format(name=made.name) + made.read_text(encoding="utf-8"))
            written.append(target)
    return written

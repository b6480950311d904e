"""Derive the sync client's I/O and resources from the async ones: `dodb/_async/` ->
`dodb/_sync/`.

unasync drops `async` and `await` and swaps the async names for their sync
twins (the replacements below), as httpcore derives its sync code. The
derived files are committed; a test derives them again and compares.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import unasync

REPLACEMENTS = {
    "AsyncDriven": "Driven",
    "AsyncClient": "Client",
    "aiter_raw": "iter_raw",
    "aclose": "close",
    # The resources, and the generated calls they build on.
    **{
        f"Async{name}": name
        for name in (
            "Databases",
            "DatabasesCalls",
            "DatabaseUsers",
            "UsersCalls",
            "DatabaseDbs",
            "DbsCalls",
            "DatabasePools",
            "PoolsCalls",
            "DatabaseFirewall",
            "FirewallCalls",
        )
    },
}
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
        unasync.unasync_files(
            files, [unasync.Rule("/_async/", "/_sync/", additional_replacements=REPLACEMENTS)]
        )
        sync_dir.mkdir(parents=True, exist_ok=True)
        for made in sorted((Path(tmp) / "_sync").glob("*.py")):
            target = sync_dir / made.name
            target.write_text(HEADER.format(name=made.name) + made.read_text(encoding="utf-8"))
            written.append(target)
    return written

"""Exit 1 (naming the files) if the installed dodb differs from the source tree, else 0."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def stale_files() -> list[str]:
    """Source files whose installed copy is missing or differs."""
    import dodb
    import dodb_api

    stale = []
    for source, package in (
        (ROOT / "wrapper" / "dodb", dodb),
        (ROOT / "generated" / "dodb_api", dodb_api),
    ):
        installed = Path(package.__file__).parent
        for path in sorted(source.rglob("*.py")):
            copy = installed / path.relative_to(source)
            if not copy.is_file() or copy.read_bytes() != path.read_bytes():
                stale.append(str(path.relative_to(ROOT)))
    shipped = Path(dodb.__file__).parent / "openapi.yaml"
    spec = ROOT / "openapi.yaml"
    if not shipped.is_file() or shipped.read_bytes() != spec.read_bytes():
        stale.append("openapi.yaml")
    return stale


if __name__ == "__main__":
    found = stale_files()
    if found:
        print("stale: " + ", ".join(found), file=sys.stderr)
    sys.exit(1 if found else 0)

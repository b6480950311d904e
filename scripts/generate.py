"""Regenerate generated/dodb_api from openapi.yaml, and the sync I/O and resources from the
async ones.

The only way generated/ and wrapper/dodb/_sync/ are written. The drift tests run it
with --out and --sync-out into a temporary folder and compare the result with the
committed trees.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"
CONFIG = ROOT / "codegen" / "config.yaml"
TEMPLATES = ROOT / "codegen" / "templates"
RUNTIME = ROOT / "codegen" / "runtime" / "types.py"
DEFAULT_OUT = ROOT / "generated" / "dodb_api"
ASYNC_IO = ROOT / "wrapper" / "dodb" / "_async"
SYNC_IO = ROOT / "wrapper" / "dodb" / "_sync"


def generate(out: Path, spec: Path = SPEC) -> None:
    """Write the package generated from `spec` to `out`, replacing what was there."""
    bindir = Path(sys.executable).parent
    generator = bindir / "openapi-python-client"
    if not generator.exists():
        raise SystemExit(
            f"openapi-python-client not found next to {sys.executable}; "
            "run `bash scripts/setup.sh` first"
        )
    env = dict(os.environ)
    # The post-hooks call the pinned ruff of this environment, not another one.
    env["PATH"] = f"{bindir}{os.pathsep}{env.get('PATH', '')}"
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / out.name
        cmd = [
            str(generator),
            "generate",
            "--path",
            str(spec),
            "--config",
            str(CONFIG),
            "--custom-template-path",
            str(TEMPLATES),
            "--meta",
            "none",
            "--output-path",
            str(target),
            "--fail-on-warning",
        ]
        result = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if result.returncode != 0 or not target.is_dir():
            sys.stderr.write(result.stdout + result.stderr)
            raise SystemExit(f"code generation failed (exit {result.returncode})")
        # Left out: the generated HTTP client and its errors; dodb sends requests itself.
        for unused in ("client.py", "errors.py"):
            (target / unused).unlink(missing_ok=True)
        # The models' runtime is a real module (linted and type-checked where it is edited).
        shutil.copyfile(RUNTIME, target / "types.py")
        # The calls: what openapi-python-client's templates cannot see (`x-dodb-*`).
        sys.path.insert(0, str(ROOT / "codegen"))
        try:
            from surface import render
        finally:
            sys.path.pop(0)
        written = render(spec, target)
        for hook in (
            [
                "ruff",
                "check",
                "--fix-only",
                "--isolated",
                "--no-cache",
                "--quiet",
                "--select",
                "F401,I",
            ],
            ["ruff", "format", "--isolated", "--no-cache", "--quiet"],
        ):
            subprocess.run([*hook, *map(str, written)], env=env, check=True, cwd=target)
        # The typing marker makes mypy read the package when it is installed.
        (target / "py.typed").write_text("")
        if out.exists():
            shutil.rmtree(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(target, out)


def derive_sync(out: Path = SYNC_IO) -> None:
    """Write the sync client's I/O and resources, derived from the async ones
    (codegen/derive_sync.py)."""
    sys.path.insert(0, str(ROOT / "codegen"))
    try:
        from derive_sync import derive
    finally:
        sys.path.pop(0)
    written = derive(ASYNC_IO, out)
    bindir = Path(sys.executable).parent
    for hook in (["check", "--fix-only", "--quiet"], ["format", "--quiet"]):
        subprocess.run([str(bindir / "ruff"), *hook, *map(str, written)], check=True, cwd=ROOT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="package folder to write")
    parser.add_argument("--spec", type=Path, default=SPEC, help="OpenAPI document to read")
    parser.add_argument(
        "--sync-out",
        type=Path,
        default=SYNC_IO,
        help="folder for the derived sync I/O and resources",
    )
    args = parser.parse_args()
    generate(args.out.resolve(), args.spec.resolve())
    derive_sync(args.sync_out.resolve())
    print(f"generated {args.out} and {args.sync_out}")


if __name__ == "__main__":
    main()

"""How start-up and memory grow with the number of operations in the spec.

    .venv-bench/bin/python bench/scale.py [--operations 71] [--rounds 5]

The `databases` group of the API has 71 operations; today's spec has 8. This
makes a synthetic spec of the wanted size from today's: the six user
operations copied under new operationIds and paths (`/users_c01/...`), each
copy with its own renamed copies of the schemas they use, so that models
grow with operations as they will. It generates both specs with
`scripts/generate.py --spec X --out Y` (the dev environment's generator,
.venv) into a temporary folder, and measures each in fresh processes with
that folder first on PYTHONPATH, interleaved:

- `import dodb` + `Client()` (and bare httpx's, the yardstick);
- `import dodb` + `Client().databases` (the generated layer a first call needs);
- every generated operation module and model imported (what a client that
  exposed all of them up front would load);
- `dodb --help`, the whole command;
- peak memory after 2,000 typed calls, against pydo's.

A third column measures the bigger spec again with one change to the
generated code: a `models/__init__.py` that loads each model on first use
(PEP 562) instead of importing all of them, to size that cut.

The hand-written wrapper is the same for both: only the generated layer
grows. Results: bench/results/scale.json; bench/report.py renders them.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
USERS_PATH = "/v2/databases/{database_cluster_uuid}/users"
SCHEMA_REF = "#/components/schemas/"
SHARED_SCHEMAS = {"Error"}
MEASURES = {
    "httpx": "`import httpx` + `httpx.Client()` (yardstick)",
    "dodb": "`import dodb` + `dodb.Client()`",
    "dodb-ready": "`import dodb` + `dodb.Client().databases`",
    "dodb-all-operations": "`import dodb`, `Client()` and every generated operation and model",
    "dodb --help": "`dodb --help`, the whole command",
    "memory": "peak memory after 2,000 typed calls (MB)",
}


def operations(spec: dict[str, Any]) -> int:
    methods = {"get", "put", "post", "delete", "patch", "head", "options"}
    return sum(1 for item in spec["paths"].values() for m in item if m in methods)


def referenced_schemas(node: Any, schemas: dict[str, Any], found: set[str]) -> set[str]:
    """The names of the component schemas `node` refers to, transitively."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(SCHEMA_REF):
            name = ref[len(SCHEMA_REF) :]
            if name not in found:
                found.add(name)
                referenced_schemas(schemas[name], schemas, found)
        for value in node.values():
            referenced_schemas(value, schemas, found)
    elif isinstance(node, list):
        for value in node:
            referenced_schemas(value, schemas, found)
    return found


def renamed(node: Any, names: dict[str, str]) -> Any:
    """A deep copy of `node` whose schema references and titles follow `names`."""
    if isinstance(node, dict):
        out = {k: renamed(v, names) for k, v in node.items()}
        ref = out.get("$ref")
        if isinstance(ref, str) and ref.startswith(SCHEMA_REF):
            name = ref[len(SCHEMA_REF) :]
            out["$ref"] = SCHEMA_REF + names.get(name, name)
        if isinstance(out.get("title"), str) and out["title"] in names:
            out["title"] = names[out["title"]]
        return out
    if isinstance(node, list):
        return [renamed(v, names) for v in node]
    return copy.deepcopy(node)


def synthetic_spec(spec: dict[str, Any], wanted: int) -> dict[str, Any]:
    """`spec` grown to `wanted` operations by copies of its user operations and schemas."""
    spec = copy.deepcopy(spec)
    schemas = spec["components"]["schemas"]
    user_paths = {p: item for p, item in spec["paths"].items() if p.startswith(USERS_PATH)}
    user_schemas = referenced_schemas(user_paths, schemas, set()) - SHARED_SCHEMAS
    copy_number = 0
    while operations(spec) < wanted:
        copy_number += 1
        suffix = f"C{copy_number:02d}"
        names = {name: f"{name}{suffix}" for name in user_schemas}
        for name in user_schemas:
            schemas[names[name]] = renamed(schemas[name], names)
        for path, item in user_paths.items():
            new_path = path.replace(USERS_PATH, f"{USERS_PATH}_c{copy_number:02d}", 1)
            new_item: dict[str, Any] = {}
            for key, value in item.items():
                if key != "parameters" and operations(spec) + 1 > wanted:
                    break
                value = renamed(value, names)
                if isinstance(value, dict) and "operationId" in value:
                    value["operationId"] = f"{value['operationId']}_c{copy_number:02d}"
                    value["tags"] = [f"Database Users C{copy_number:02d}"]
                new_item[key] = value
                if key != "parameters":
                    spec["paths"][new_path] = new_item
        spec.setdefault("tags", []).append(
            {"name": f"Database Users C{copy_number:02d}", "description": "A synthetic copy."}
        )
    return spec


def generate(spec: dict[str, Any], folder: Path, generator_python: Path) -> Path:
    """Write `spec` to `folder` and generate its dodb_api there; the folder for PYTHONPATH."""
    folder.mkdir(parents=True)
    spec_file = folder / "openapi.yaml"
    spec_file.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True))
    out = folder / "site" / "dodb_api"
    started = time.time()
    subprocess.run(
        [
            str(generator_python),
            str(ROOT / "scripts" / "generate.py"),
            "--spec",
            str(spec_file),
            "--out",
            str(out),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"generated {operations(spec)} operations in {time.time() - started:.0f}s", flush=True)
    return out.parent


LAZY_INIT = '''"""The data models, each loaded on first use (PEP 562): a sketch by bench/scale.py."""

import importlib

_MODULES = {modules!r}
__all__ = tuple(_MODULES)


def __getattr__(name):
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {{__name__!r}} has no attribute {{name!r}}")
    value = getattr(importlib.import_module(f"{{__name__}}.{{module}}"), name)
    globals()[name] = value
    return value
'''


def lazy_models(site: Path, folder: Path) -> Path:
    """A copy of the generated package whose models/__init__ imports nothing up front
    (a change that codegen/ could make with its own models_init template)."""
    copy_site = folder / "site"
    shutil.copytree(site, copy_site)
    init = copy_site / "dodb_api" / "models" / "__init__.py"
    found = re.findall(r"^from \.(\w+) import (\w+)$", init.read_text(), flags=re.MULTILINE)
    init.write_text(LAZY_INIT.format(modules={name: module for module, name in found}))
    return copy_site


def measure(what: str, site: Path, url: str) -> float:
    """One figure for `what`, in a fresh process with `site` first on PYTHONPATH."""
    env = {**os.environ, "PYTHONPATH": str(site)}
    if what == "dodb --help":
        start = time.perf_counter()
        subprocess.run(
            [str(Path(sys.executable).parent / "dodb"), "--help"],
            env=env,
            stdout=subprocess.DEVNULL,
            check=True,
        )
        return (time.perf_counter() - start) * 1e3
    if what == "memory":
        args = ["memory", "dodb-typed", url, "2000", f"scale-{time.time_ns()}"]
    elif what == "memory-pydo":
        args = ["memory", "pydo", url, "2000", f"scale-{time.time_ns()}"]
    else:
        args = ["startup", what]
    out = subprocess.run(
        [sys.executable, str(HERE / "worker.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"worker {args} failed:\n{out.stderr[-2000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return float(
        result["peak_rss_mb"] if what.startswith("memory") else result["import_construct_ms"]
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--operations", type=int, default=71)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--generator-python",
        type=Path,
        default=ROOT / ".venv" / "bin" / "python",
        help="a Python with openapi-python-client (the dev environment, scripts/setup.sh)",
    )
    parser.add_argument("--output", type=Path, default=RESULTS / "scale.json")
    args = parser.parse_args()
    if not args.generator_python.exists():
        raise SystemExit(f"{args.generator_python} not found: run `bash scripts/setup.sh` first")
    from run import emulator  # bench/run.py

    today = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="dodb-scale-") as tmp:
        specs = {"today": today, "synthetic": synthetic_spec(today, args.operations)}
        sites = {
            name: generate(spec, Path(tmp) / name, args.generator_python)
            for name, spec in specs.items()
        }
        sites["synthetic-lazy"] = lazy_models(sites["synthetic"], Path(tmp) / "synthetic-lazy")
        specs["synthetic-lazy"] = specs["synthetic"]
        raw: dict[str, dict[str, list[float]]] = {name: {} for name in specs}
        rng = random.Random(11)
        with emulator() as url:
            for name in specs:  # first imports write the bytecode caches
                for what in ("dodb-all-operations", "dodb --help"):
                    measure(what, sites[name], url)
            for r in range(args.rounds):
                jobs = [(name, what) for name in specs for what in MEASURES if what != "memory"] * 3
                jobs += [(name, "memory") for name in specs] + [("today", "memory-pydo")]
                rng.shuffle(jobs)
                for name, what in jobs:
                    raw[name].setdefault(what, []).append(measure(what, sites[name], url))
                print(
                    f"round {r + 1}/{args.rounds} done ({time.time() - started:.0f}s)", flush=True
                )
    med = {
        name: {what: statistics.median(v) for what, v in found.items()}
        for name, found in raw.items()
    }
    t, s, lazy = med["today"], med["synthetic"], med["synthetic-lazy"]
    targets = [
        (
            "import + Client() with the bigger spec, dodb / bare httpx",
            s["dodb"] / s["httpx"],
            "<=",
            1.25,
        ),
        (
            "`dodb --help` with the bigger spec / with today's",
            s["dodb --help"] / t["dodb --help"],
            "<=",
            1.2,
        ),
        (
            "`dodb --help` with the bigger spec and lazy models / with today's",
            lazy["dodb --help"] / t["dodb --help"],
            "<=",
            1.2,
        ),
        (
            "peak memory after 2,000 calls with the bigger spec, dodb / pydo",
            s["memory"] / t["memory-pydo"],
            "<=",
            0.5,
        ),
    ]
    results = {
        "meta": {
            "command": f".venv-bench/bin/python bench/scale.py --operations {args.operations} --rounds {args.rounds}",
            "rounds": args.rounds,
            "operations": {name: operations(spec) for name, spec in specs.items()},
            "models": {name: len(spec["components"]["schemas"]) for name, spec in specs.items()},
            "labels": {
                "today": f"{operations(today)} operations (today)",
                "synthetic": f"{args.operations} operations",
                "synthetic-lazy": f"{args.operations} operations, lazy models/__init__",
            },
            "python": sys.version.split()[0],
            "seconds": round(time.time() - started),
        },
        "measures": MEASURES,
        "medians": med,
        "targets": [
            {
                "target": n,
                "measured": v,
                "op": op,
                "bound": b,
                "met": v <= b if op == "<=" else v >= b,
            }
            for n, v, op, b in targets
        ],
        "runs": raw,
    }
    args.output.write_text(json.dumps(results, indent=1) + "\n")
    from report import scale_markdown

    print(scale_markdown(results))
    print(f"\nwrote {args.output} in {time.time() - started:.0f}s")


if __name__ == "__main__":
    main()

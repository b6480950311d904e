"""A first call in a fresh process, for bench/scale.py; prints one JSON line.

    python bench/scale_probe.py URL CLUSTER

Three steps, timed from before `import dodb` (the process's own start-up left
out, as bench/worker.py does): `import dodb` + `Client()`, then
`client.databases`, then a first typed call, `client.databases.users.list`
against the emulator at URL. After each, it counts the modules of the
generated package (`dodb_api`) that are loaded: the operation rows
(`dodb_api.api.<tag>.<operation>`), the models (`dodb_api.models.<model>`) and
all of them. Imports only what bench/worker.py imports before its clock starts,
so the figures compare with its `import httpx` + `httpx.Client()`.
"""

from __future__ import annotations

import json
import os
import sys
import time

TOKEN = "bench-token"  # noqa: S105 - the emulator accepts any token
STEPS = ("dodb", "dodb-ready", "dodb-first-call")


def loaded() -> dict[str, int]:
    """How many modules of dodb_api are loaded: rows, models, all."""
    names = [n for n in list(sys.modules) if n == "dodb_api" or n.startswith("dodb_api.")]
    return {
        "rows": sum(1 for n in names if n.startswith("dodb_api.api.") and n.count(".") == 3),
        "models": sum(1 for n in names if n.startswith("dodb_api.models.")),
        "all": len(names),
    }


def main() -> None:
    url, cluster = sys.argv[1:]
    if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
        os.sched_setaffinity(0, {1})  # the clients' core, as bench/worker.py
    ms: dict[str, float] = {}
    modules: dict[str, dict[str, int]] = {}
    spent = 0.0

    start = time.perf_counter()
    import dodb

    client = dodb.Client(TOKEN, base_url=url, requests_per_minute=None)
    spent += time.perf_counter() - start
    ms[STEPS[0]], modules[STEPS[0]] = spent * 1e3, loaded()

    start = time.perf_counter()
    databases = client.databases
    spent += time.perf_counter() - start
    ms[STEPS[1]], modules[STEPS[1]] = spent * 1e3, loaded()

    start = time.perf_counter()
    users = databases.users.list(cluster)
    spent += time.perf_counter() - start
    ms[STEPS[2]], modules[STEPS[2]] = spent * 1e3, loaded()

    if not users:
        raise SystemExit(f"no users listed on {cluster}: not a seeded cluster of the emulator")
    print(json.dumps({"ms": ms, "modules": modules}))


if __name__ == "__main__":
    main()

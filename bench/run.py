"""dodb against the bare HTTP clients and the official client (pydo), side by side in one run.

    bash scripts/bench.sh            # sets up .venv-bench, runs this, then bench/report.py
    .venv-bench/bin/python bench/run.py [--rounds 5] [--calls 2000] [--async-calls 2000]

One `dodb emulator` serves every client on loopback, pinned to one core while
the clients run on the other. Every figure comes from a fresh process; runs
of different clients are interleaved and repeated, and the medians are
reported with their ratios. The yardsticks are the bare clients dodb sends
through: httpx.Client for the sync client, an aiohttp session for the async
one (the same pool size as dodb's). dodb runs without pacing and without
making adds on one cluster one at a time, as the bare clients do.

Measured: calls/s and client CPU per call (sync; async at 1, 8, 32 and 128
concurrent calls), import + client construction, `dodb --help` start-up
(the whole command, against a bare `python -c pass`), peak memory after
2,000 calls (sync, and async at 32). Results go to bench/results/results.json
and results.md; bench/report.py turns the JSON into docs/performance-figures.md.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.metadata
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from report import figures, results_markdown, targets  # bench/report.py: one renderer
from worker import SERVER_PID, WARM_UP

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
SYNC_CLIENTS = ["httpx", "dodb-reference", "dodb-typed", "pydo"]
ASYNC_CLIENTS = ["aiohttp", "dodb", "pydo", "httpx"]
CONCURRENCY = [1, 8, 32, 128]
STARTUP_CLIENTS = ["httpx", "dodb", "dodb-async", "dodb-ready", "aiohttp", "pydo"]
MEMORY_SYNC = ["httpx", "dodb-typed", "pydo"]
MEMORY_ASYNC = ["aiohttp", "dodb", "pydo"]
MEMORY_CALLS = 2000
MEMORY_CONCURRENCY = 32
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "dodb --help": [str(Path(sys.executable).parent / "dodb"), "--help"],
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def pin_to(core: int) -> Any:
    """A preexec_fn that keeps a child on `core` (when there are two cores or more)."""

    def pin() -> None:
        if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
            os.sched_setaffinity(0, {core})

    return pin


@contextlib.contextmanager
def emulator() -> Iterator[str]:
    """A `dodb emulator` on core 0, without a rate limit; yields its URL."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dodb.cli",
            "emulator",
            "--port",
            str(port),
            "--per-minute",
            "1000000000",
            "--per-hour",
            "1000000000",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=pin_to(0),
    )
    url = f"http://127.0.0.1:{port}"
    os.environ[SERVER_PID] = str(process.pid)  # for the workers: see worker.server_cpu
    try:
        for _ in range(300):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.05)
        yield url
    finally:
        del os.environ[SERVER_PID]
        process.terminate()
        process.wait(timeout=10)


def worker(*args: str) -> dict[str, Any]:
    """One measurement by bench/worker.py in a fresh process."""
    out = subprocess.run(
        [sys.executable, str(HERE / "worker.py"), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"worker {args} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def command_ms(name: str) -> dict[str, Any]:
    """Wall time of one whole command, start to exit, on the clients' core."""
    start = time.perf_counter()
    subprocess.run(COMMANDS[name], stdout=subprocess.DEVNULL, check=True, preexec_fn=pin_to(1))
    return {"wall_ms": (time.perf_counter() - start) * 1e3}


def distribution_size(
    name: str, extras: tuple[str, ...] = (), seen: set[str] | None = None
) -> tuple[int, set[str]]:
    """Bytes installed by a distribution and everything it requires (with `extras`)."""
    seen = set() if seen is None else seen
    key = re.sub(r"[-_.]+", "-", name).lower()
    if key in seen:
        return 0, seen
    seen.add(key)
    try:
        dist = importlib.metadata.distribution(name)
    except importlib.metadata.PackageNotFoundError:
        return 0, seen
    total = sum(f.size or 0 for f in dist.files or [])
    for requirement in dist.requires or []:
        spec, _, marker = requirement.partition(";")
        wanted = "extra" not in marker or any(f'extra == "{e}"' in marker for e in extras)
        if (
            "python_version < " in marker
            or 'sys_platform == "win32"' in marker
            or 'platform_system == "Windows"' in marker
        ):
            wanted = False
        if wanted:
            dep = re.split(r"[ <>=!~\[(;]", spec.strip(), maxsplit=1)[0]
            total += distribution_size(dep, (), seen)[0]
    return total, seen


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {m: statistics.median(r[m] for r in runs) for m in runs[0]}


def jobs_of_a_round() -> list[tuple[str, ...]]:
    jobs: list[tuple[str, ...]] = [("sync", k) for k in SYNC_CLIENTS]
    jobs += [("async", k, str(c)) for k in ASYNC_CLIENTS for c in CONCURRENCY]
    jobs += [("startup", k) for k in STARTUP_CLIENTS] * 4
    jobs += [("command", k) for k in COMMANDS] * 4
    jobs += [("memory", k) for k in MEMORY_SYNC]
    jobs += [("memory-async", k) for k in MEMORY_ASYNC]
    return jobs


def run_job(job: tuple[str, ...], url: str, args: argparse.Namespace, tag: str) -> dict[str, Any]:
    kind, client = job[0], job[1]
    if kind == "sync":
        return worker("sync", client, url, str(args.calls), tag)
    if kind == "async":
        return worker("async", client, url, str(args.async_calls), job[2], tag)
    if kind == "startup":
        return worker("startup", client)
    if kind == "command":
        return command_ms(client)
    if kind == "memory":
        return worker("memory", client, url, str(MEMORY_CALLS), tag)
    return worker("memory-async", client, url, str(MEMORY_CALLS), str(MEMORY_CONCURRENCY), tag)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=2000, help="sequential calls per sync run")
    parser.add_argument("--async-calls", type=int, default=2000, help="calls per async run")
    parser.add_argument("--output", type=Path, default=RESULTS, help="folder for the results")
    args = parser.parse_args()
    args.output.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    raw: dict[str, Any] = {
        "sync": {},
        "async": {},
        "startup": {},
        "command": {},
        "memory": {"sync": {}, "async": {}},
    }
    started = time.time()
    with emulator() as url:
        for r in range(args.rounds):
            jobs = jobs_of_a_round()
            rng.shuffle(jobs)
            for job in jobs:
                tag = f"r{r}-{'-'.join(job)}-{time.time_ns()}"
                result = run_job(job, url, args, tag)
                if job[0] == "async":
                    raw["async"].setdefault(job[1], {}).setdefault(job[2], []).append(result)
                elif job[0] in ("memory", "memory-async"):
                    part = raw["memory"]["sync" if job[0] == "memory" else "async"]
                    part.setdefault(job[1], []).append(result)
                else:
                    raw[job[0]].setdefault(job[1], []).append(result)
            print(f"round {r + 1}/{args.rounds} done ({time.time() - started:.0f}s)", flush=True)

    med: dict[str, Any] = {
        "sync": {k: medians(v) for k, v in raw["sync"].items()},
        "async": {k: {c: medians(runs) for c, runs in v.items()} for k, v in raw["async"].items()},
        "startup": {k: medians(v) for k, v in raw["startup"].items()},
        "command": {k: medians(v) for k, v in raw["command"].items()},
        "memory": {
            part: {k: medians(v) for k, v in raw["memory"][part].items()}
            for part in ("sync", "async")
        },
        "installed_mb": {
            "dodb": distribution_size("dodb")[0] / 1e6,
            "pydo": distribution_size("pydo", ("aio",))[0] / 1e6,
            "httpx": distribution_size("httpx")[0] / 1e6,
            "aiohttp": distribution_size("aiohttp")[0] / 1e6,
        },
    }
    results = {
        "meta": {
            "command": "bash scripts/bench.sh, i.e. .venv-bench/bin/python bench/run.py "
            f"--rounds {args.rounds} --calls {args.calls} --async-calls {args.async_calls}",
            "rounds": args.rounds,
            "calls": args.calls,
            "async_calls": args.async_calls,
            "memory_calls": MEMORY_CALLS,
            "memory_concurrency": MEMORY_CONCURRENCY,
            "warm_up": WARM_UP,
            "python": sys.version.split()[0],
            "cores": os.cpu_count(),
            "date": datetime.now(UTC).strftime("%Y-%m-%d"),
            "versions": {
                name: importlib.metadata.version(name)
                for name in ("dodb", "httpx", "aiohttp", "pydo")
            },
            "seconds": round(time.time() - started),
        },
        "medians": med,
        "runs": raw,
    }
    results["targets"] = targets(figures(results))  # the targets (bench/report.py)
    (args.output / "results.json").write_text(json.dumps(results, indent=1) + "\n")
    table = results_markdown(results)
    (args.output / "results.md").write_text(table + "\n")
    print(table)
    print(f"\nwrote {args.output}/results.json and results.md in {time.time() - started:.0f}s")


if __name__ == "__main__":
    main()

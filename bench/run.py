"""dodb against the official client (pydo) and bare httpx, side by side in one run.

    bash scripts/bench.sh            # sets up .venv-bench and runs this
    .venv-bench/bin/python bench/run.py [--rounds 5] [--calls 2000] [--async-calls 2000]

One `dodb emulator` serves every client on loopback, pinned to one core while
the clients run on the other. Every figure comes from a fresh process; runs
of different clients are interleaved and repeated, and the medians are
reported with their ratios. Results go to bench/results/.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import importlib.metadata
import io
import json
import os
import pstats
import random
import re
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
SYNC_CLIENTS = ["httpx", "dodb-reference", "dodb-typed", "pydo"]
ASYNC_CLIENTS = ["httpx", "dodb", "pydo"]
CONCURRENCY = [1, 8, 32, 128]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextlib.contextmanager
def emulator() -> Iterator[str]:
    port = free_port()

    def server_core() -> None:
        if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
            os.sched_setaffinity(0, {0})

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
        preexec_fn=server_core,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def worker(*args: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, str(HERE / "worker.py"), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"worker {args} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def median(values: list[float]) -> float:
    return statistics.median(values)


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


def profile_typed_calls(url: str, calls: int) -> str:
    """Where a typed sync call spends its time, grouped by layer."""
    import dodb

    client = dodb.Client("bench-token", base_url=url, requests_per_minute=None)
    for i in range(50):
        client.databases.users.add("ab7bb7a", f"prof-warm-{time.time_ns()}-{i}")
    profiler = cProfile.Profile(time.process_time)
    tag = time.time_ns()
    profiler.enable()
    for i in range(calls):
        client.databases.users.add("ab7bb7a", f"prof-{tag}-{i}")
    profiler.disable()
    stats = pstats.Stats(profiler)
    groups = {
        "dodb: building and checking the request (_calls, _options, _validation, _matching)": (
            "dodb/_validation.py",
            "dodb/_calls.py",
            "dodb/_options.py",
            "dodb/_matching.py",
        ),
        "dodb: reading and writing JSON (generated dodb_api models and types)": ("dodb_api/",),
        "dodb: retry plan and bookkeeping (_retry, _base, _response, _ratelimit, _config)": (
            "dodb/_retry.py",
            "dodb/_base.py",
            "dodb/_response.py",
            "dodb/_ratelimit.py",
            "dodb/_config.py",
            "dodb/_client.py",
            "dodb/resources/",
        ),
        "httpx, httpcore, h11": ("httpx/", "httpcore/", "h11/"),
        "json": ("json/",),
    }
    totals = dict.fromkeys([*groups, "sockets, selectors and the rest"], 0.0)
    all_time = 0.0
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        all_time += tottime
        for group, parts in groups.items():
            if any(part in filename for part in parts):
                totals[group] += tottime
                break
        else:
            totals["sockets, selectors and the rest"] += tottime
    lines = [f"Profile of {calls} typed sync add calls (client CPU, cProfile, process time):"]
    lines += [
        f"  {share / all_time:6.1%}  {group}"
        for group, share in sorted(totals.items(), key=lambda kv: -kv[1])
    ]
    top = io.StringIO()
    pstats.Stats(profiler, stream=top).sort_stats("tottime").print_stats(12)
    body = "\n".join(
        line
        for line in top.getvalue().splitlines()
        if line.strip()
        and "function calls" not in line
        and "Ordered by" not in line
        and "List reduced" not in line
    )
    return "\n".join(lines) + "\n\nTop functions by own time:\n" + body


def chart(results: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.2), dpi=110)
    labels = {
        "dodb": "dodb AsyncClient",
        "pydo": "pydo.aio.Client (official)",
        "httpx": "bare httpx.AsyncClient",
    }
    for client in ASYNC_CLIENTS:
        ys = [results["async"][client][str(c)]["calls_per_s"] for c in CONCURRENCY]
        ax.plot(CONCURRENCY, ys, marker="o", label=labels[client])
    ax.set_xscale("log", base=2)
    ax.set_xticks(CONCURRENCY, [str(c) for c in CONCURRENCY])
    ax.set_xlabel("concurrent calls")
    ax.set_ylabel("add_user calls per second (median)")
    ax.set_title("Async throughput against one local server (2 cores)")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=2000, help="sequential calls per sync run")
    parser.add_argument("--async-calls", type=int, default=2000, help="calls per async run")
    args = parser.parse_args()
    RESULTS.mkdir(exist_ok=True)
    rng = random.Random(7)
    raw: dict[str, Any] = {"sync": {}, "async": {}, "startup": {}, "memory": {}}
    started = time.time()
    with emulator() as url:
        for r in range(args.rounds):
            jobs: list[tuple[str, ...]] = [("sync", k) for k in SYNC_CLIENTS]
            jobs += [("async", k, str(c)) for k in ASYNC_CLIENTS for c in CONCURRENCY]
            jobs += [("startup", k) for k in ASYNC_CLIENTS] * 4
            jobs += [("memory", k) for k in ("httpx", "dodb-typed", "pydo")]
            rng.shuffle(jobs)
            for job in jobs:
                tag = f"r{r}-{'-'.join(job)}-{time.time_ns()}"
                if job[0] == "sync":
                    raw["sync"].setdefault(job[1], []).append(
                        worker("sync", job[1], url, str(args.calls), tag)
                    )
                elif job[0] == "async":
                    result = worker("async", job[1], url, str(args.async_calls), job[2], tag)
                    raw["async"].setdefault(job[1], {}).setdefault(job[2], []).append(result)
                elif job[0] == "startup":
                    raw["startup"].setdefault(job[1], []).append(worker("startup", job[1]))
                else:
                    raw["memory"].setdefault(job[1], []).append(
                        worker("memory", job[1], url, "2000", tag)
                    )
            print(f"round {r + 1}/{args.rounds} done ({time.time() - started:.0f}s)", flush=True)
        profile = profile_typed_calls(url, 2000)

    med: dict[str, Any] = {
        "sync": {k: {m: median([x[m] for x in v]) for m in v[0]} for k, v in raw["sync"].items()},
        "async": {
            k: {c: {m: median([x[m] for x in runs]) for m in runs[0]} for c, runs in v.items()}
            for k, v in raw["async"].items()
        },
        "startup": {
            k: {m: median([x[m] for x in v]) for m in v[0]} for k, v in raw["startup"].items()
        },
        "memory": {
            k: {m: median([x[m] for x in v]) for m in v[0]} for k, v in raw["memory"].items()
        },
        "installed_mb": {
            "dodb": distribution_size("dodb")[0] / 1e6,
            "pydo": distribution_size("pydo", ("aio",))[0] / 1e6,
            "httpx": distribution_size("httpx")[0] / 1e6,
        },
    }
    s, a, st, mem, size = (
        med["sync"],
        med["async"],
        med["startup"],
        med["memory"],
        med["installed_mb"],
    )
    cpu = {k: s[k]["cpu_us_per_call"] for k in s}
    targets = [
        (
            "sync CPU per call, reference-page call / bare httpx",
            cpu["dodb-reference"] / cpu["httpx"],
            "<= 1.15",
            cpu["dodb-reference"] / cpu["httpx"] <= 1.15,
        ),
        (
            "sync CPU per call, typed call / bare httpx",
            cpu["dodb-typed"] / cpu["httpx"],
            "<= 1.25",
            cpu["dodb-typed"] / cpu["httpx"] <= 1.25,
        ),
        (
            "async calls/s at 32, dodb / pydo.aio",
            a["dodb"]["32"]["calls_per_s"] / a["pydo"]["32"]["calls_per_s"],
            ">= 2.5",
            a["dodb"]["32"]["calls_per_s"] / a["pydo"]["32"]["calls_per_s"] >= 2.5,
        ),
        (
            "async calls/s, dodb at 128 / dodb at 32",
            a["dodb"]["128"]["calls_per_s"] / a["dodb"]["32"]["calls_per_s"],
            ">= 1.0",
            a["dodb"]["128"]["calls_per_s"] >= a["dodb"]["32"]["calls_per_s"],
        ),
        (
            "import + construction, dodb / bare httpx",
            st["dodb"]["import_construct_ms"] / st["httpx"]["import_construct_ms"],
            "<= 1.25",
            st["dodb"]["import_construct_ms"] / st["httpx"]["import_construct_ms"] <= 1.25,
        ),
        (
            "peak memory after 2,000 calls, dodb / pydo",
            mem["dodb-typed"]["peak_rss_mb"] / mem["pydo"]["peak_rss_mb"],
            "<= 0.5",
            mem["dodb-typed"]["peak_rss_mb"] / mem["pydo"]["peak_rss_mb"] <= 0.5,
        ),
    ]

    lines = [
        f"Medians of {args.rounds} interleaved rounds; {args.calls} sequential calls per sync run, {args.async_calls} per async run; "
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, one `dodb emulator` on loopback.",
        "",
        "| sync, add_user | calls/s | client CPU per call | CPU vs bare httpx |",
        "|---|---|---|---|",
    ]
    names = {
        "httpx": "bare httpx.Client",
        "dodb-reference": "dodb, reference-page call",
        "dodb-typed": "dodb, typed call",
        "pydo": "pydo.Client (official)",
    }
    for k in SYNC_CLIENTS:
        lines.append(
            f"| {names[k]} | {s[k]['calls_per_s']:.0f} | {cpu[k]:.0f} µs | {cpu[k] / cpu['httpx']:.2f}x |"
        )
    lines += [
        "",
        "| async, calls/s | " + " | ".join(f"c={c}" for c in CONCURRENCY) + " |",
        "|---" * (len(CONCURRENCY) + 1) + "|",
    ]
    anames = {
        "httpx": "bare httpx.AsyncClient",
        "dodb": "dodb AsyncClient",
        "pydo": "pydo.aio.Client (official)",
    }
    for k in ASYNC_CLIENTS:
        lines.append(
            f"| {anames[k]} | "
            + " | ".join(f"{a[k][str(c)]['calls_per_s']:.0f}" for c in CONCURRENCY)
            + " |"
        )
    lines += [
        "",
        "| start-up and footprint | bare httpx | dodb | pydo (official) |",
        "|---|---|---|---|",
        f"| import + client construction | {st['httpx']['import_construct_ms']:.0f} ms | {st['dodb']['import_construct_ms']:.0f} ms | {st['pydo']['import_construct_ms']:.0f} ms |",
        f"| whole process to a constructed client | {st['httpx']['process_ms']:.0f} ms | {st['dodb']['process_ms']:.0f} ms | {st['pydo']['process_ms']:.0f} ms |",
        f"| peak memory after 2,000 sync calls | {mem['httpx']['peak_rss_mb']:.1f} MB | {mem['dodb-typed']['peak_rss_mb']:.1f} MB | {mem['pydo']['peak_rss_mb']:.1f} MB |",
        f"| installed, with dependencies | {size['httpx']:.1f} MB | {size['dodb']:.1f} MB | {size['pydo']:.1f} MB (with `aio`) |",
        "",
        "| target | measured | wanted | met |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {name} | {value:.2f}x | {want} | {'yes' if ok else 'NO'} |"
        for name, value, want, ok in targets
    ]
    table = "\n".join(lines)
    (RESULTS / "results.md").write_text(table + "\n")
    (RESULTS / "profile.txt").write_text(profile + "\n")
    (RESULTS / "results.json").write_text(json.dumps({"medians": med, "runs": raw}, indent=1))
    chart(med, RESULTS / "async-throughput.png")
    print(table)
    print()
    print(profile)
    print(
        f"\nwrote {RESULTS}/results.md, results.json, profile.txt, async-throughput.png in {time.time() - started:.0f}s"
    )


if __name__ == "__main__":
    main()

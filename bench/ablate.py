"""What each of dodb's per-call costs saves when taken away: a guide to cuts, not a proposal.

    .venv-bench/bin/python bench/ablate.py [--rounds 5] [--calls 4000]

A profiler says where time is spent; it cannot say what the event loop
would not have done without, say, one more timer per request. So this
measures the client CPU per call of today's dodb with one mechanism at a
time replaced by a cheaper stand-in (monkeypatched in the benchmark's own
process; dodb's code is not changed), interleaved with unchanged dodb and
the bare client, in fresh processes, against one `dodb emulator`. Some
stand-ins drop a promise (they say which); they measure what the promise
costs as it is built today, so that a rewrite knows what keeping it more
cheaply can win. Results: stdout and bench/results/ablation.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import time
import types
from collections import defaultdict
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"


# The stand-ins --------------------------------------------------------------------


def no_asyncio_timeout() -> None:
    """AsyncClient's `asyncio.timeout(budget)` around each request becomes a no-op."""
    import asyncio

    import dodb._async_client as module

    names = {name: getattr(asyncio, name) for name in dir(asyncio) if not name.startswith("__")}
    stand_in = types.SimpleNamespace(**names)
    stand_in.timeout = lambda _budget: contextlib.nullcontext()
    module.asyncio = stand_in  # type: ignore[assignment]


def aiohttp_timeout(**parts: float | None) -> None:
    """AiohttpSender hands aiohttp this ClientTimeout instead of connect + sock_read."""
    import aiohttp

    from dodb._aiohttp import AiohttpSender

    fixed = aiohttp.ClientTimeout(**parts)  # type: ignore[arg-type]
    AiohttpSender._timeout = lambda self, timeout: fixed  # type: ignore[method-assign]


def body_read_at_once() -> None:
    """The body is read by one `read()` instead of 64 KiB chunks (as if the size were
    checked from Content-Length first; no size bound is kept here)."""
    from aiohttp import StreamReader

    def whole(self: StreamReader, n: int) -> AsyncIterator[bytes]:
        async def chunks() -> AsyncIterator[bytes]:
            data = await self.read()
            if data:
                yield data

        return chunks()

    StreamReader.iter_chunked = whole  # type: ignore[assignment, method-assign]


def no_last_response() -> None:
    """`last_response` is kept under one key for everyone: no task lookup, no new weak key."""
    import dodb._base as module

    class Everyone:
        pass

    key = Everyone()
    module._caller = lambda: key  # type: ignore[assignment]


def plain_sync_transport() -> None:
    """Client sends through httpx's own transport: socket reads and writes are no longer
    bounded by the call's deadline (only each read's timeout, and the body's chunk checks)."""
    import httpx

    import dodb._client as module

    module.DeadlineTransport = lambda *, trust_env: httpx.HTTPTransport(trust_env=trust_env)  # type: ignore[assignment, misc]
    module.deadline_at = lambda _moment: contextlib.nullcontext()  # type: ignore[assignment]


def no_gc() -> None:
    """Python's cyclic garbage collector off during the run: what the objects a call
    allocates cost in collections (which grow with the number of calls in flight)."""
    import gc

    gc.disable()


def one_timer() -> None:
    """The deadline and the attempt's timeout held by one aiohttp `total` timer per request,
    not asyncio.timeout + aiohttp's connect and per-read timers (drops the per-read idea of
    the read timeout: a whole attempt gets `timeout.read`)."""
    no_asyncio_timeout()
    aiohttp_timeout(total=30.0)


# variant -> (what it stands in for, the stand-ins), per mode
ASYNC_VARIANTS: dict[str, tuple[str, list[Callable[[], None]]]] = {
    "dodb": ("dodb AsyncClient as it is", []),
    "no-asyncio-timeout": (
        "without `asyncio.timeout(budget)` around each request (drops the wall-clock deadline)",
        [no_asyncio_timeout],
    ),
    "no-aiohttp-timers": (
        "without aiohttp's connect and per-read timers (drops the attempt timeout; keeps the deadline)",
        [lambda: aiohttp_timeout()],
    ),
    "one-timer": ("deadline and attempt timeout as one aiohttp `total` timer", [one_timer]),
    "read-at-once": ("body read in one `read()`, not an `iter_chunked` loop", [body_read_at_once]),
    "no-last-response": ("`last_response` without the per-task weak key", [no_last_response]),
    "all": (
        "one timer + read at once + no per-task key",
        [one_timer, body_read_at_once, no_last_response],
    ),
    "no-gc": ("with the cyclic garbage collector off", [no_gc]),
    "aiohttp-no-gc": ("bare aiohttp session, collector off", [no_gc]),
    "aiohttp": ("bare aiohttp session (the yardstick)", []),
}
SYNC_VARIANTS: dict[str, tuple[str, list[Callable[[], None]]]] = {
    "dodb-reference": ("dodb Client as it is (reference-page call)", []),
    "plain-transport": (
        "httpx's own transport, no per-socket-operation deadline",
        [plain_sync_transport],
    ),
    "no-last-response": ("`last_response` without the per-thread weak key", [no_last_response]),
    "all": ("both", [plain_sync_transport, no_last_response]),
    "no-gc": ("with the cyclic garbage collector off", [no_gc]),
    "httpx-no-gc": ("bare httpx.Client, collector off", [no_gc]),
    "httpx": ("bare httpx.Client (the yardstick)", []),
}
SCENARIOS = {"async-32": ("async", 32), "async-128": ("async", 128), "sync": ("sync", 1)}


def variants_of(mode: str) -> dict[str, tuple[str, list[Callable[[], None]]]]:
    return ASYNC_VARIANTS if mode == "async" else SYNC_VARIANTS


def client_of(mode: str, variant: str) -> str:
    """The bench/worker.py client a variant runs."""
    if variant.startswith(("aiohttp", "httpx")):
        return variant.split("-")[0]
    return "dodb" if mode == "async" else "dodb-reference"


def child(variant: str, mode: str, url: str, n: int, conc: int) -> None:
    import worker

    worker.pin(1)
    for stand_in in variants_of(mode)[variant][1]:
        stand_in()
    tag = f"abl-{time.time_ns()}"  # user names are at most 63 characters
    kind = client_of(mode, variant)
    if mode == "async":
        result = worker.run_async(kind, url, n, conc, tag)
    else:
        result = worker.run_sync(kind, url, n, tag)
    print(json.dumps(result))


def run_child(variant: str, mode: str, url: str, n: int, conc: int) -> float:
    args = [sys.executable, __file__, "--child", variant, mode, url, str(n), str(conc)]
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{variant} failed:\n{done.stderr[-2000:]}")
    return float(json.loads(done.stdout.strip().splitlines()[-1])["cpu_us_per_call"])


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        variant, mode, url, n, conc = sys.argv[2:7]
        child(variant, mode, url, int(n), int(conc))
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=4000)
    parser.add_argument("--only", choices=list(SCENARIOS), action="append")
    parser.add_argument("--output", type=Path, default=RESULTS / "ablation.md")
    args = parser.parse_args()
    from report import table
    from run import emulator

    started = time.time()
    rng = random.Random(5)
    names = args.only or list(SCENARIOS)
    cpu: dict[str, dict[str, list[float]]] = {name: defaultdict(list) for name in names}
    with emulator() as url:
        for r in range(args.rounds):
            jobs = [(name, v) for name in names for v in variants_of(SCENARIOS[name][0])]
            rng.shuffle(jobs)
            for name, variant in jobs:
                mode, conc = SCENARIOS[name]
                cpu[name][variant].append(run_child(variant, mode, url, args.calls, conc))
            print(f"round {r + 1}/{args.rounds} done ({time.time() - started:.0f}s)", flush=True)
    lines = [
        "# What dodb's per-call costs save when taken away",
        "",
        f"`.venv-bench/bin/python bench/ablate.py --rounds {args.rounds} --calls {args.calls}`: "
        f"client CPU per add_user call, median of {args.rounds} interleaved runs of "
        f"{args.calls} calls each, against one `dodb emulator`; Python "
        f"{sys.version.split()[0]}, {os.cpu_count()} cores shared with other work. Each "
        "stand-in is monkeypatched into the benchmark's process (bench/ablate.py says "
        "exactly what it replaces); dodb's code is unchanged.",
        "",
    ]
    summary: dict[str, Any] = {}
    for name in names:
        mode, conc = SCENARIOS[name]
        variants = variants_of(mode)
        med = {v: statistics.median(xs) for v, xs in cpu[name].items()}
        base = med[client_of(mode, "dodb")]
        bare_name = "aiohttp" if mode == "async" else "httpx"
        bare = med[bare_name]
        title = f"async, concurrency {conc}" if mode == "async" else "sync"
        rows = [
            [
                f"{variants[v][0]}",
                f"{med[v]:.0f}",
                f"{base - med[v]:+.0f}" if not v.startswith(bare_name) else "",
                f"{med[v] / bare:.2f}x",
            ]
            for v in variants
        ]
        lines += [f"## {title}", ""]
        lines += table(["variant", "µs per call", "saved vs dodb", f"vs bare {bare_name}"], rows)
        lines.append("")
        summary[name] = {"medians": med, "runs": cpu[name]}
    text = "\n".join(lines)
    args.output.write_text(text)
    args.output.with_suffix(".json").write_text(json.dumps(summary, indent=1) + "\n")
    print(text)
    print(f"wrote {args.output} in {time.time() - started:.0f}s")


if __name__ == "__main__":
    main()

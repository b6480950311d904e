"""What each of dodb's per-call costs saves when taken away: a guide to cuts, not a proposal.

    .venv-bench/bin/python bench/ablate.py [--rounds 3] [--blocks 16] [--block-calls 500]

A profiler says where time is spent; it cannot say what the event loop would
not have done without, say, one more timer per request. So this measures
the client CPU per call of today's dodb with one mechanism at a time
replaced by a stand-in (swapped into the benchmark's own process; dodb's
code is not changed). Async: `AsyncClient._record` a no-op (no-last-response),
the cyclic collector off (no-gc), aiohttp's per-read timer added to the one
timer per attempt (per-read-timer), and a bare aiohttp session (bare). Sync:
httpx's own transport and no `Deadline` scope (plain-transport),
`BaseClient._record` a no-op (no-last-response), no-gc, and bare httpx (bare).
A stand-in that drops a promise says which: it measures what the promise costs
as built today, so that a rewrite knows what keeping it more cheaply can win.
per-read-timer adds a promise dodb does not make instead, so what it "saves"
is negative: what that promise would cost.

And scaling: each client, dodb and bare aiohttp, at 32 concurrent calls against
itself at 128, to tell whether dodb gains from concurrency what the yardstick
gains (bench/run.py's separate processes differ by more than that).

On a shared machine, separate runs differ by ±25%, more than most of these
effects. So each comparison is made in one process, against one `dodb
emulator`: blocks of calls alternate between dodb as it is and the variant
(A B B A ...), the collector is run between blocks, and the figure is the
median of the paired differences, over all blocks of --rounds processes.
The bare client is measured the same way, paired with dodb. Results: stdout
and bench/results/ablation.md (and .json; --output elsewhere for a trial run).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import math
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
Patch = Callable[[], contextlib.AbstractContextManager[None]]


@contextlib.contextmanager
def swapped(owner: Any, name: str, value: Any) -> Iterator[None]:
    old = getattr(owner, name)
    setattr(owner, name, value)
    try:
        yield
    finally:
        setattr(owner, name, old)


# The stand-ins --------------------------------------------------------------------
#
# Each replaces one mechanism of today's call path (its docstring names the code) and
# says which promise it drops. `per-read-timer` instead adds what a promise dodb does
# not make would cost: its "saved" comes out negative.


def no_record_async() -> contextlib.AbstractContextManager[None]:
    """`AsyncClient._record` (dodb/_async_client.py) a no-op: no entry per task in the
    shared dict, no done-callback on a task's first call to drop it. Drops
    `last_response` (it stays None)."""
    from dodb._async_client import AsyncClient

    return swapped(AsyncClient, "_record", lambda self, result: None)


def no_record_sync() -> contextlib.AbstractContextManager[None]:
    """`BaseClient._record` (dodb/_base.py; `Client` does not override it) a no-op: no
    `threading.local` attribute set per call. Drops `last_response` (it stays None)."""
    from dodb._base import BaseClient

    return swapped(BaseClient, "_record", lambda self, result: None)


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """Python's cyclic garbage collector off (`gc.disable()`): what the objects a call
    allocates cost in collections, which grow with the calls in flight. Drops no promise
    of dodb's; a long-lived program that makes cycles would grow without it."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@contextlib.contextmanager
def _aiohttp_timers(**parts: float) -> Iterator[None]:
    """The sender hands aiohttp a timeout with `parts` (seconds of the benchmark's
    timeout, dodb's default), made once and reused as dodb's own is."""
    import aiohttp

    import dodb._aiohttp as module
    from dodb._config import DEFAULT_TIMEOUT

    made = aiohttp.ClientTimeout(
        sock_connect=DEFAULT_TIMEOUT.connect, ceil_threshold=math.inf, **parts
    )
    with swapped(module.AiohttpSender, "_connect_timer", lambda self, _c: made):
        yield


@contextlib.contextmanager
def per_request_timer() -> Iterator[None]:
    """Each attempt under a timer of its own, aiohttp's `total` (connect + read), as
    dodb's attempts were until `Deadlines` (dodb/_deadlines.py) kept them all with one
    timer, and as a bare aiohttp session's are by default: `attempt_seconds` answers
    "no bound", so nothing is watched, and aiohttp is given `total`. Drops nothing."""
    import dodb._aiohttp as module
    from dodb._config import DEFAULT_TIMEOUT

    total = (DEFAULT_TIMEOUT.connect or 0) + (DEFAULT_TIMEOUT.read or 0)
    with _aiohttp_timers(total=total), swapped(module, "attempt_seconds", lambda _t, _b: math.inf):
        yield


def per_read_timer() -> contextlib.AbstractContextManager[None]:
    """aiohttp's per-read timer, `sock_read=timeout.read`, on top of `Deadlines`' one
    timer, so that aiohttp cancels and schedules a timer on every read of the answer
    (`aiohttp/client_proto.py:ResponseHandler._reschedule_timeout`). Drops nothing; it
    adds a promise dodb does not make (an answer that stalls caught after `read`
    seconds rather than at the attempt's `connect + read`), and its cost."""
    from dodb._config import DEFAULT_TIMEOUT

    return _aiohttp_timers(sock_read=DEFAULT_TIMEOUT.read or 0)


def plain_transport_build() -> contextlib.AbstractContextManager[None]:
    """The Client is built on `httpx.HTTPTransport` instead of `DeadlineTransport`
    (dodb/_transport.py, whose sockets bound each read, write and connect by the time the
    call has left). Applied while the variant's client is built."""
    import httpx

    import dodb._client as module

    return swapped(
        module, "DeadlineTransport", lambda *, trust_env: httpx.HTTPTransport(trust_env=trust_env)
    )


_NO_DEADLINE = contextlib.nullcontext()


def no_deadline_scope() -> contextlib.AbstractContextManager[None]:
    """`Client._request`'s `with Deadline(ends):` (dodb/_transport.py: the call's
    deadline set for this thread's sockets) a shared `nullcontext`."""
    import dodb._client as module

    return swapped(module, "Deadline", lambda _moment: _NO_DEADLINE)


class Variant(NamedTuple):
    label: str
    run: tuple[Patch, ...] = ()  # applied while the variant's blocks run
    build: tuple[Patch, ...] = ()  # applied while the variant's client is built
    client: str | None = None  # a bench/worker.py client other than dodb's
    base: str | None = None  # the client of the other blocks, if not dodb's
    concurrency: int | None = None  # the variant's blocks at this concurrency instead


ASYNC_VARIANTS = {
    "no-last-response": Variant(
        "`AsyncClient._record` a no-op: no per-task entry nor done-callback "
        "(drops `last_response`)",
        (no_record_async,),
    ),
    "no-gc": Variant("cyclic garbage collector off", (no_gc,)),
    "per-request-timer": Variant(
        "a timer per attempt (aiohttp's `total`, as before `Deadlines` and as a bare "
        "session's default) instead of one for all (negative: a cost)",
        (per_request_timer,),
    ),
    "per-read-timer": Variant(
        "aiohttp's per-read timer (`sock_read`) as well: what a per-read timeout would add "
        "(negative: a cost)",
        (per_read_timer,),
    ),
    "bare": Variant("bare aiohttp session (the yardstick)", client="aiohttp"),
}
SYNC_VARIANTS = {
    "plain-transport": Variant(
        "`httpx.HTTPTransport` for `DeadlineTransport`, no `Deadline` scope "
        "(drops the deadline through a trickled answer's headers)",
        (no_deadline_scope,),
        (plain_transport_build,),
    ),
    "no-last-response": Variant(
        "`BaseClient._record` a no-op: no per-thread record (drops `last_response`)",
        (no_record_sync,),
    ),
    "no-gc": Variant("cyclic garbage collector off", (no_gc,)),
    "bare": Variant("bare httpx.Client (the yardstick)", client="httpx"),
}
SCALING_VARIANTS = {
    "dodb-at-128": Variant("dodb AsyncClient", concurrency=128),
    "bare-at-128": Variant(
        "bare aiohttp session (the yardstick)", client="aiohttp", base="aiohttp", concurrency=128
    ),
}
SCALING_CALLS = 4
"""The scaling blocks are this many times --block-calls (2,000 by default, as many as each
run of bench/run.py): starting 128 tasks then weighs on a block as it does there."""
# name -> (mode, concurrency, variants)
SCENARIOS = {
    "async-32": ("async", 32, ASYNC_VARIANTS),
    "async-128": ("async", 128, ASYNC_VARIANTS),
    "sync": ("sync", 1, SYNC_VARIANTS),
    "scaling": ("async", 32, SCALING_VARIANTS),
}


# The child: blocks of calls, A B B A ... ------------------------------------------


def order(blocks: int) -> list[bool]:
    """Which blocks run the variant: A B B A A B B A ..., so that drift cancels out."""
    return [(i // 2) % 2 == 0 if i % 2 else (i // 2) % 2 == 1 for i in range(blocks)]


def child(name: str, scenario: str, url: str, blocks: int, block_calls: int) -> None:
    import worker

    worker.pin(1)
    mode, conc, variants = SCENARIOS[scenario]
    variant = variants[name]
    dodb_kind = variant.base or ("dodb" if mode == "async" else "dodb-reference")
    tag = f"ab{time.time_ns() % 10**12}"  # user names are at most 63 characters
    cpu: dict[bool, list[float]] = {False: [], True: []}

    def patches(is_variant: bool) -> contextlib.ExitStack:
        stack = contextlib.ExitStack()
        for patch in variant.run if is_variant else []:
            stack.enter_context(patch())
        return stack

    def build(is_variant: bool) -> Any:
        with contextlib.ExitStack() as stack:
            for patch in variant.build if is_variant else []:
                stack.enter_context(patch())
            kind = (variant.client or dodb_kind) if is_variant else dodb_kind
            if mode == "async":
                return worker.async_caller(kind, url)
            return worker.sync_caller(kind, url)

    if mode == "sync":
        callers = {False: build(False), True: build(True)}
        for i, is_variant in enumerate([False, True, *order(blocks)]):
            gc.collect()
            with patches(is_variant):
                start = time.process_time()
                for j in range(block_calls):
                    callers[is_variant](f"{tag}-{i}-{j}")
                spent = time.process_time() - start
            if i >= 2:  # the first two blocks warm up
                cpu[is_variant].append(spent / block_calls * 1e6)
    else:
        import asyncio

        async def run() -> None:
            callers = {False: build(False), True: build(True)}
            for i, is_variant in enumerate([False, True, *order(blocks)]):
                gc.collect()
                with patches(is_variant):
                    add = callers[is_variant][0]
                    lanes = variant.concurrency or conc if is_variant else conc
                    start = time.process_time()
                    await worker.async_lanes(add, block_calls, lanes, f"{tag}-{i}")
                    spent = time.process_time() - start
                if i >= 2:
                    cpu[is_variant].append(spent / block_calls * 1e6)
            for _, close in callers.values():
                await close()

        asyncio.run(run())
    print(json.dumps({"dodb": cpu[False], "variant": cpu[True]}))


def run_child(name: str, scenario: str, url: str, args: argparse.Namespace) -> Any:
    calls = args.block_calls * (SCALING_CALLS if scenario == "scaling" else 1)
    cmd = [sys.executable, __file__, "--child", name, scenario, url]
    cmd += [str(args.blocks), str(calls)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{name} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# The parent -----------------------------------------------------------------------


def pairs(run: dict[str, list[float]], blocks: int) -> list[float]:
    """Variant minus dodb, for each adjacent pair of blocks."""
    diffs = []
    a, b = iter(run["dodb"]), iter(run["variant"])
    for _ in range(blocks // 2):
        diffs.append(next(b) - next(a))
    return diffs


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        name, scenario, url, blocks, block_calls = sys.argv[2:7]
        child(name, scenario, url, int(blocks), int(block_calls))
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3, help="processes per variant")
    parser.add_argument("--blocks", type=int, default=16, help="blocks per process (even)")
    parser.add_argument("--block-calls", type=int, default=500, help="calls per block")
    parser.add_argument("--only", choices=list(SCENARIOS), action="append")
    parser.add_argument("--output", type=Path, default=RESULTS / "ablation.md")
    args = parser.parse_args()
    from report import table
    from run import emulator

    started = time.time()
    names = args.only or list(SCENARIOS)
    found: dict[str, dict[str, list[dict[str, list[float]]]]] = {}
    with emulator() as url:
        for r in range(args.rounds):
            for scenario in names:
                for name in SCENARIOS[scenario][2]:
                    run = run_child(name, scenario, url, args)
                    found.setdefault(scenario, {}).setdefault(name, []).append(run)
            print(f"round {r + 1}/{args.rounds} done ({time.time() - started:.0f}s)", flush=True)
    lines = [
        "# What dodb's per-call costs save when taken away",
        "",
        f"`.venv-bench/bin/python bench/ablate.py --rounds {args.rounds} --blocks {args.blocks} "
        f"--block-calls {args.block_calls}`: client CPU per add_user call (the reference-page "
        "call, no pacing), against one `dodb emulator`; in each of "
        f"{args.rounds} processes per variant, {args.blocks} blocks of {args.block_calls} calls "
        "alternate between dodb as it is and the variant. Python "
        f"{sys.version.split()[0]}, {os.cpu_count()} cores shared with other work. Each "
        "stand-in is swapped into the benchmark's process (bench/ablate.py says exactly "
        "what it replaces); dodb's code is unchanged. *saved* is the median of the paired "
        "differences (negative: a cost the variant adds); the spread is their middle half.",
        "",
    ]
    summary: dict[str, Any] = {}
    for scenario in names:
        mode, conc, variants = SCENARIOS[scenario]
        rows = []
        summary[scenario] = {}
        for name, variant in variants.items():
            runs = found[scenario][name]
            diffs = sorted(d for run in runs for d in pairs(run, args.blocks))
            dodb_cpu = statistics.median(x for run in runs for x in run["dodb"])
            variant_cpu = statistics.median(x for run in runs for x in run["variant"])
            saved = -statistics.median(diffs)
            q1, q3 = -diffs[(3 * len(diffs)) // 4], -diffs[len(diffs) // 4]
            summary[scenario][name] = {
                "label": variant.label,
                "dodb_us": dodb_cpu,
                "variant_us": variant_cpu,
                "saved_us": saved,
                "saved_q1_q3": [q1, q3],
                "runs": runs,
            }
            if variant.concurrency is not None:
                rows.append(
                    [
                        variant.label,
                        f"{dodb_cpu:.1f}",
                        f"{variant_cpu:.1f}",
                        f"{saved:+.1f} ({q1:+.1f} to {q3:+.1f})",
                        f"calls/s at {variant.concurrency} / at {conc}: "
                        f"{dodb_cpu / variant_cpu:.3f}x",
                    ]
                )
            elif variant.client is not None:
                rows.append(
                    [
                        f"**{variant.label}**",
                        f"{dodb_cpu:.0f}",
                        f"{variant_cpu:.0f}",
                        f"dodb's own: {saved:.0f} ({q1:.0f} to {q3:.0f})",
                        f"dodb / bare: {dodb_cpu / variant_cpu:.2f}x",
                    ]
                )
            else:
                rows.append(
                    [
                        variant.label,
                        f"{dodb_cpu:.0f}",
                        f"{variant_cpu:.0f}",
                        f"{saved:+.0f} ({q1:+.0f} to {q3:+.0f})",
                        "",
                    ]
                )
        if scenario == "scaling":
            lines += [
                f"## async, concurrency {conc} against 128, each client on its own",
                "",
                f"Blocks of {args.block_calls * SCALING_CALLS} calls alternate between "
                f"{conc} and 128 tasks for the same client. The client's CPU is the whole "
                "of its core here, so its calls/s go as the inverse of its CPU per call.",
                "",
            ]
            head = ["client", f"µs/call at {conc}", "at 128", "cheaper at 128 (spread)", ""]
        else:
            title = f"async, concurrency {conc}" if mode == "async" else "sync"
            lines += [f"## {title}", ""]
            head = ["variant", "dodb µs/call", "variant µs/call", "saved µs/call (spread)", ""]
        lines += table(head, rows)
        lines.append("")
    text = "\n".join(lines)
    args.output.write_text(text)
    args.output.with_suffix(".json").write_text(json.dumps(summary, indent=1) + "\n")
    print(text)
    print(f"wrote {args.output} in {time.time() - started:.0f}s")


if __name__ == "__main__":
    main()

"""How much of dodb's own cost per async call is its code, and how much is what that
code does to the rest of the process.

    .venv-bench/bin/python bench/overhead.py [--calls 40000] [--repeats 5]

Two measurements, printed (bench/results/overhead.md too, or --output):

- **No network.** `AsyncClient`'s aiohttp sender is swapped for a coroutine that
  answers at once, as the emulator would (201, the same headers, the user named in
  the request), so a call runs all of dodb's code and no socket, event-loop turn or
  aiohttp code. Client CPU per call (best of --repeats), and the Python function
  calls per API call (counted with `sys.setprofile` in a separate pass, not timed;
  a coroutine's or generator's resumption counts as a call).
- **Event-loop callbacks per call**, dodb against a bare aiohttp session at
  concurrency 32, against one `dodb emulator` (bench/run.py's): whether dodb makes
  the loop do more than the bare client does (an extra wake-up per call would cost
  several µs that no profile of dodb's frames shows).

bench/ablate.py's paired figure for dodb's own cost, set against the first, says
how much of it is indirect: caches and the collector, paid in aiohttp's code.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import worker  # bench/worker.py
from run import emulator  # bench/run.py

HERE = Path(__file__).resolve().parent
RAW_HEADERS = (
    (b"date", b"Mon, 30 Nov 2026 12:00:00 GMT"),
    (b"server", b"uvicorn"),
    (b"content-length", b"71"),
    (b"content-type", b"application/json"),
    (b"x-request-id", b"4f0c0b8e7f5a4c0e9d1e2f3a4b5c6d7e"),
    (b"ratelimit-limit", b"5000"),
    (b"ratelimit-remaining", b"4999"),
    (b"ratelimit-reset", b"1796040000"),
)


def without_network() -> Callable[[], Any]:
    """An AsyncClient whose sender answers every add at once; returns its add function."""
    import dodb
    from dodb._aiohttp import AiohttpSender, _Response

    async def answer(
        self: AiohttpSender, method: str, url: str, content: bytes | None, *_: Any
    ) -> _Response:
        name = (content or b"").split(b'"')[3]  # {"name":"..."}: the request's user
        body = b'{"user":{"name":"' + name + b'","role":"normal","password":"x"}}'
        return _Response(201, RAW_HEADERS, body, method, url)

    AiohttpSender.request = answer  # type: ignore[method-assign,assignment]
    client = dodb.AsyncClient(
        worker.TOKEN,
        base_url="http://127.0.0.1:9",  # never reached
        requests_per_minute=None,
        serialize_user_changes=False,
    )
    return lambda name: client.databases.add_user(
        database_cluster_uuid=worker.CLUSTER, body={"name": name}
    )


def no_network_figures(calls: int, repeats: int) -> tuple[float, float]:
    """(best CPU µs per call, Python function calls per API call)."""
    add = without_network()

    async def run(n: int, tag: str) -> None:
        for i in range(n):
            await add(f"{tag}-{i}")

    asyncio.run(run(2000, "warm"))
    best = float("inf")
    for r in range(repeats):
        worker.settle()
        cpu = time.process_time()
        asyncio.run(run(calls, f"r{r}"))
        best = min(best, (time.process_time() - cpu) / calls * 1e6)
    python_calls = 0

    def count(frame: FrameType, event: str, arg: object) -> None:
        nonlocal python_calls
        python_calls += event == "call"

    sys.setprofile(count)
    try:
        asyncio.run(run(2000, "counted"))
    finally:
        sys.setprofile(None)
    return best, python_calls / 2000


def callbacks_per_call(url: str, kind: str, n: int = 3000, conc: int = 32) -> dict[str, float]:
    """Event-loop callbacks run per call, by callback, for a bench/worker.py client."""
    counts: Counter[str] = Counter()
    original = asyncio.events.Handle._run

    def counted(handle: asyncio.Handle) -> None:
        callback = handle._callback  # type: ignore[attr-defined]
        counts[getattr(callback, "__qualname__", type(callback).__name__)] += 1
        original(handle)

    async def main() -> None:
        add, close = worker.async_caller(kind, url)
        await worker.async_lanes(add, 300, conc, f"cb-warm-{kind}-{time.time_ns()}")
        asyncio.events.Handle._run = counted  # type: ignore[method-assign]
        try:
            await worker.async_lanes(add, n, conc, f"cb-{kind}-{time.time_ns()}")
        finally:
            asyncio.events.Handle._run = original  # type: ignore[method-assign]
        await close()

    asyncio.run(main())
    return {name: count / n for name, count in counts.most_common()}


def in_child(argv: list[str]) -> None:
    """One measurement in a fresh process (the swapped sender must not leak)."""
    if argv[0] == "no-network":
        best, calls = no_network_figures(int(argv[1]), int(argv[2]))
        print(f"{best} {calls}")
    else:
        found = callbacks_per_call(argv[1], argv[2])
        print(" ".join(f"{name}={value}" for name, value in found.items()))


def child(*args: str) -> str:
    import subprocess

    out = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=False
    )
    if out.returncode:
        raise RuntimeError(out.stderr[-2000:])
    return out.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--calls", type=int, default=40000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--output", type=Path, default=HERE / "results")
    args = parser.parse_args()
    best, calls = (
        float(x) for x in child("no-network", str(args.calls), str(args.repeats)).split()
    )
    lines = [
        "# dodb's own code per async call, and what the event loop does for it",
        "",
        f"`.venv-bench/bin/python bench/overhead.py --calls {args.calls} "
        f"--repeats {args.repeats}`; Python {sys.version.split()[0]}.",
        "",
        f"- With the network taken out (the sender answers at once): **{best:.1f} µs** of "
        f"client CPU per `add_user` (best of {args.repeats} runs of {args.calls:,}), "
        f"**{calls:.0f}** Python function calls per call.",
    ]
    with emulator() as url:
        for kind in ("aiohttp", "dodb"):
            found = dict(item.split("=") for item in child("callbacks", url, kind).split())
            total = sum(float(v) for v in found.values())
            top = ", ".join(f"`{k}` {float(v):.2f}" for k, v in list(found.items())[:6])
            lines.append(
                f"- Event-loop callbacks per call at concurrency 32, {kind}: "
                f"**{total:.2f}** ({top})."
            )
    text = "\n".join(lines) + "\n"
    args.output.mkdir(parents=True, exist_ok=True)
    (args.output / "overhead.md").write_text(text)
    print(text)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        in_child(sys.argv[2:])
    else:
        main()

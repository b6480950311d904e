"""Bulk adds at the rate limit: dodb with its defaults against the official client.

    .venv-bench/bin/python bench/bulk.py [--per-minute 60] [--adds 72] [--concurrency 16]

(`bash scripts/bench.sh bulk` sets up .venv-bench and runs this.) Each client
adds ADDS users at CONCURRENCY against a fresh emulator that allows
PER-MINUTE requests a minute, the API's sliding rule scaled down so a run
takes about a minute. The floor is the time the limit itself imposes. A
second part measures what making adds one at a time per cluster costs, on
an emulator with 50 ms of latency per request.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import time
from typing import Any

from dodb import AsyncClient, DodbError
from dodb.emulator import CLUSTER_IDS, Emulator, Faults

CLUSTER = CLUSTER_IDS["pg"]


def floor(adds: int, per_minute: int) -> float:
    """Seconds the limit imposes: each further batch of PER-MINUTE waits a minute."""
    return 60.0 * (math.ceil(adds / per_minute) - 1)


async def run_dodb(url: str, adds: int, concurrency: int, **options: Any) -> tuple[int, int]:
    async with AsyncClient("bulk-token", base_url=url, **options) as client:
        gate = asyncio.Semaphore(concurrency)

        async def one(i: int) -> bool:
            async with gate:
                try:
                    await client.databases.users.add(CLUSTER, f"bulk-{i:04d}")
                    return True
                except DodbError:
                    return False

        done = await asyncio.gather(*(one(i) for i in range(adds)))
    return sum(done), adds - sum(done)


async def run_pydo(url: str, adds: int, concurrency: int) -> tuple[int, int]:
    import pydo.aio

    async with pydo.aio.Client("bulk-token", endpoint=url) as official:
        gate = asyncio.Semaphore(concurrency)

        async def one(i: int) -> bool:
            async with gate:
                try:
                    await official.databases.add_user(
                        CLUSTER, {"name": f"bulk-{i:04d}"}, enforce_https=False
                    )
                    return True
                except Exception:
                    return False

        done = await asyncio.gather(*(one(i) for i in range(adds)))
    return sum(done), adds - sum(done)


def measure(label: str, job: Any, emulator: Emulator, limit_floor: float) -> dict[str, Any]:
    with emulator.running() as url:
        started = time.monotonic()
        ok, failed = asyncio.run(job(url))
        wall = time.monotonic() - started
    row = {
        "client": label,
        "added": ok,
        "failed": failed,
        "429s": emulator.limiter.refused,
        "wall_s": wall,
        "floor_s": limit_floor,
        "vs_floor": wall / limit_floor if limit_floor else float("nan"),
    }
    print(
        f"| {label} | {ok} | {failed} | {row['429s']} | {wall:.1f} | {limit_floor:.0f} | "
        f"{row['vs_floor']:.2f}x |",
        flush=True,
    )
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-minute", type=int, default=60)
    parser.add_argument("--adds", type=int, default=72)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    limit_floor = floor(args.adds, args.per_minute)

    print(
        f"{args.adds} adds at concurrency {args.concurrency}, emulator limit "
        f"{args.per_minute}/minute (floor {limit_floor:.0f} s)\n"
    )
    print("| client | added | failed | 429s | wall s | floor s | wall / floor |")
    print("|---|---|---|---|---|---|---|")
    for label, job in (
        ("dodb AsyncClient, defaults", lambda url: run_dodb(url, args.adds, args.concurrency)),
        ("pydo.aio.Client (official)", lambda url: run_pydo(url, args.adds, args.concurrency)),
    ):
        measure(label, job, Emulator(per_minute=args.per_minute), limit_floor)

    print(
        "\nAdds on one cluster, 50 ms latency per request, no rate limit (the cost of serialising):\n"
    )
    print("| dodb AsyncClient | adds | wall s | adds/s |")
    print("|---|---|---|---|")
    for serialise in (True, False):
        emulator = Emulator(faults=Faults(latency=0.05), per_minute=10**9, per_hour=10**9)
        with emulator.running() as url:
            started = time.monotonic()
            ok, _ = asyncio.run(
                run_dodb(url, 200, args.concurrency, serialize_user_changes=serialise)
            )
            wall = time.monotonic() - started
        label = (
            "one at a time per cluster (default)" if serialise else "serialize_user_changes=False"
        )
        print(f"| {label} | {ok} | {wall:.1f} | {ok / wall:.0f} |", flush=True)


if __name__ == "__main__":
    main()

"""One measurement in a fresh process; prints one JSON line. Run by bench/run.py.

    python bench/worker.py sync CLIENT URL N TAG
    python bench/worker.py async CLIENT URL N CONCURRENCY TAG
    python bench/worker.py startup CLIENT
    python bench/worker.py memory CLIENT URL N TAG
    python bench/worker.py memory-async CLIENT URL N CONCURRENCY TAG

CLIENT is one of: dodb-reference, dodb-typed, pydo, httpx (sync); dodb, pydo, httpx,
aiohttp (async); for startup: dodb, dodb-async, dodb-ready, dodb-all-operations, pydo,
httpx, aiohttp.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

CLUSTER = "ab7bb7a"
TOKEN = "bench-token"  # noqa: S105 - the emulator accepts any token
_START = time.perf_counter()


SERVER_PID = "DODB_BENCH_SERVER_PID"
"""Environment variable naming the emulator's process (set by bench/run.py)."""


def server_cpu() -> float | None:
    """CPU seconds the emulator has used so far (Linux, with its pid given), else None."""
    pid = os.environ.get(SERVER_PID)
    if not pid:
        return None
    try:
        with open(f"/proc/{pid}/stat") as stat:
            # Fields after the command name, which is in parentheses and may hold spaces:
            # utime and stime are the 14th and 15th of the whole line, in clock ticks.
            fields = stat.read().rpartition(")")[2].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed(n: int, cpu: float, wall: float, server: float | None) -> dict[str, Any]:
    """The figures of `n` calls, from the differences the caller measured around them."""
    result = {"calls_per_s": n / wall, "cpu_us_per_call": cpu / n * 1e6}
    now = None if server is None else server_cpu()
    if server is not None and now is not None:
        # Whether the server kept up: on its own core, it must spend less per call
        # than the client does, or the figures measure the server.
        result["server_cpu_us_per_call"] = (now - server) / n * 1e6
    return result


def pin(core: int) -> None:
    """Keep the client on one core and the server on the other, for steadier figures."""
    if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
        os.sched_setaffinity(0, {core})


def sync_caller(kind: str, url: str) -> Any:
    """A function that adds the user it is given, the way a user of `kind` would."""
    if kind in ("dodb-reference", "dodb-typed"):
        import dodb

        # The local emulator has no rate limit to keep to: no pacing, as for bare httpx.
        client = dodb.Client(
            TOKEN, base_url=url, requests_per_minute=None, serialize_user_changes=False
        )
        if kind == "dodb-reference":
            return lambda name: client.databases.add_user(
                database_cluster_uuid=CLUSTER, body={"name": name}
            )
        return lambda name: client.databases.users.add(CLUSTER, name)
    if kind == "pydo":
        import pydo

        official = pydo.Client(TOKEN, endpoint=url)
        # azure-core refuses bearer tokens over plain http unless told otherwise.
        return lambda name: official.databases.add_user(
            database_cluster_uuid=CLUSTER, body={"name": name}, enforce_https=False
        )
    if kind == "httpx":
        import httpx

        http = httpx.Client(base_url=url, headers={"Authorization": f"Bearer {TOKEN}"})

        def add(name: str) -> Any:
            response = http.post(f"/v2/databases/{CLUSTER}/users", json={"name": name})
            response.raise_for_status()
            return response.json()

        return add
    raise SystemExit(f"unknown sync client {kind}")


def async_caller(kind: str, url: str) -> tuple[Any, Any]:
    """(add coroutine function, close coroutine function) for an async client of `kind`."""
    if kind == "dodb":
        import dodb

        # Like for like with the other clients, which send concurrently: adds on the one
        # cluster are not made one at a time here (the README gives what that costs).
        client = dodb.AsyncClient(
            TOKEN, base_url=url, requests_per_minute=None, serialize_user_changes=False
        )
        return (
            lambda name: client.databases.add_user(
                database_cluster_uuid=CLUSTER, body={"name": name}
            )
        ), client.close
    if kind == "pydo":
        import pydo.aio

        official = pydo.aio.Client(TOKEN, endpoint=url)

        def add(name: str) -> Any:
            return official.databases.add_user(
                database_cluster_uuid=CLUSTER, body={"name": name}, enforce_https=False
            )

        return add, official.close
    if kind == "httpx":
        import httpx

        http = httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {TOKEN}"})

        async def add_httpx(name: str) -> Any:
            response = await http.post(f"/v2/databases/{CLUSTER}/users", json={"name": name})
            response.raise_for_status()
            return response.json()

        return add_httpx, http.aclose
    if kind == "aiohttp":
        import aiohttp

        # The yardstick for dodb's AsyncClient, which sends through aiohttp itself: the
        # same pool size as dodb's sender (256), so the pool is not the difference.
        session = aiohttp.ClientSession(
            url,
            headers={"Authorization": f"Bearer {TOKEN}"},
            connector=aiohttp.TCPConnector(limit=256, limit_per_host=0),
        )
        path = f"/v2/databases/{CLUSTER}/users"

        async def add_aiohttp(name: str) -> Any:
            async with session.post(path, json={"name": name}) as response:
                response.raise_for_status()
                return await response.json()

        return add_aiohttp, session.close
    raise SystemExit(f"unknown async client {kind}")


WARM_UP = 200
"""Calls made before timing, by every client alike: its lazy imports, connections and the
interpreter's specialising of hot code are start-up, measured on their own."""


def settle() -> None:
    """Collect start-up's garbage before timing, for every client alike: a fresh process's
    first full collection otherwise falls inside the timed calls of a client that
    imports more (as dodb's generated layer does) and not inside another's."""
    import gc

    gc.collect()


def run_sync(kind: str, url: str, n: int, tag: str) -> dict[str, Any]:
    add = sync_caller(kind, url)
    for i in range(WARM_UP):
        add(f"{tag}-warm-{i}")
    settle()
    server, cpu, wall = server_cpu(), time.process_time(), time.perf_counter()
    for i in range(n):
        add(f"{tag}-{i}")
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return timed(n, cpu, wall, server)


async def async_lanes(add: Any, n: int, concurrency: int, tag: str) -> None:
    """`n` adds made by `concurrency` tasks, each taking the next name when it is free."""
    import asyncio

    names = iter(range(n))

    async def lane() -> None:
        for i in names:
            await add(f"{tag}-{i}")

    await asyncio.gather(*(lane() for _ in range(concurrency)))


def run_async(kind: str, url: str, n: int, concurrency: int, tag: str) -> dict[str, Any]:
    import asyncio

    async def main() -> dict[str, Any]:
        add, close = async_caller(kind, url)
        await async_lanes(add, max(WARM_UP, concurrency), concurrency, f"{tag}-warm")
        settle()
        server, cpu, wall = server_cpu(), time.process_time(), time.perf_counter()
        await async_lanes(add, n, concurrency, tag)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        figures = timed(n, cpu, wall, server)
        await close()
        return figures

    return asyncio.run(main())


def run_startup(kind: str) -> dict[str, Any]:
    start = time.perf_counter()
    if kind == "dodb":
        import dodb

        dodb.Client(TOKEN)
    elif kind == "dodb-async":
        import dodb

        dodb.AsyncClient(TOKEN)
    elif kind == "dodb-ready":
        import dodb

        # Ready to make a first call: `client.databases` loads the generated layer.
        assert dodb.Client(TOKEN).databases is not None
    elif kind == "dodb-all-operations":
        import importlib
        import pkgutil

        import dodb
        import dodb_api.api
        import dodb_api.models

        # What a client exposing every operation of the spec up front would load.
        dodb.Client(TOKEN)
        for module in pkgutil.walk_packages(dodb_api.api.__path__, "dodb_api.api."):
            importlib.import_module(module.name)
        assert dodb_api.models.__all__
    elif kind == "aiohttp":
        import aiohttp

        # A session is made inside a running loop; the import is what costs.
        assert aiohttp.ClientSession is not None
    elif kind == "pydo":
        import pydo

        pydo.Client(TOKEN)
    elif kind == "httpx":
        import httpx

        httpx.Client(headers={"Authorization": f"Bearer {TOKEN}"})
    else:
        raise SystemExit(f"unknown client {kind}")
    done = time.perf_counter()
    return {"import_construct_ms": (done - start) * 1e3, "process_ms": (done - _START) * 1e3}


def peak_rss_mb() -> float:
    """This process's own peak resident memory. Linux's ru_maxrss carries the parent's
    peak across fork and exec (a big parent shows as a big child); VmHWM does not."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_memory(kind: str, url: str, n: int, tag: str) -> dict[str, Any]:
    add = sync_caller(kind, url)
    for i in range(n):
        add(f"{tag}-{i}")
    return {"peak_rss_mb": peak_rss_mb()}


def run_memory_async(kind: str, url: str, n: int, concurrency: int, tag: str) -> dict[str, Any]:
    import asyncio

    async def main() -> None:
        add, close = async_caller(kind, url)
        await async_lanes(add, n, concurrency, tag)
        await close()

    asyncio.run(main())
    return {"peak_rss_mb": peak_rss_mb()}


def main() -> None:
    mode, kind, *rest = sys.argv[1:]
    pin(1)
    if mode == "sync":
        url, n, tag = rest
        result = run_sync(kind, url, int(n), tag)
    elif mode == "async":
        url, n, concurrency, tag = rest
        result = run_async(kind, url, int(n), int(concurrency), tag)
    elif mode == "startup":
        result = run_startup(kind)
    elif mode == "memory":
        url, n, tag = rest
        result = run_memory(kind, url, int(n), tag)
    elif mode == "memory-async":
        url, n, concurrency, tag = rest
        result = run_memory_async(kind, url, int(n), int(concurrency), tag)
    else:
        raise SystemExit(__doc__)
    print(json.dumps(result))


if __name__ == "__main__":
    main()

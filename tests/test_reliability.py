"""Chaos and load against the emulator: no lost or duplicated users, no unexpected errors."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import pytest

import dodb
from dodb.emulator import CLUSTER_IDS, Emulator, Faults
from tests.support.figures import report
from tests.support.served import emulator_process

pytestmark = [
    pytest.mark.slow,
    pytest.mark.real_time(
        reason="a served emulator, whose rate limits and read lag keep wall-clock time"
    ),
]

WORKERS = 8
USERS_PER_WORKER = 200
PG, MYSQL = CLUSTER_IDS["pg"], CLUSTER_IDS["mysql"]
# About 20% of requests spoiled: a fifth of them before acting, the rest after or throttled.
CHAOS = Faults(
    error_before=0.04, error_after=0.06, throttle=0.03, drop_after=0.07, throttle_retry_after=1
)


def chaos_emulator(seed: int) -> Emulator:
    return Emulator(faults=attrs_evolve(CHAOS, seed=seed), per_minute=10**9, per_hour=10**9)


def attrs_evolve(faults: Faults, **changes: Any) -> Faults:
    import attrs

    return attrs.evolve(faults, **changes)


def target(worker: int, index: int) -> tuple[str, dict[str, Any]]:
    """Where a user goes and with what options: PostgreSQL and MySQL users, plain and not."""
    if worker % 2 == 0:
        return PG, {"pg_allow_replication": True} if index % 2 else {}
    return MYSQL, {"mysql_auth_plugin": "mysql_native_password"} if index % 2 else {}


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.passwords: dict[tuple[str, str], str] = {}
        self.unexpected: list[BaseException] = []

    def record(self, cluster: str, name: str, user: dodb.DatabaseUser) -> None:
        with self.lock:
            assert (cluster, name) not in self.passwords
            self.passwords[(cluster, name)] = user.password.reveal() if user.password else ""


def check(
    mode: str, emulator: Emulator, tally: Tally, stats: list[dodb.ClientStats], seconds: float
) -> None:
    expected = {
        (target(w, i)[0], f"{mode}-w{w}-u{i}")
        for w in range(WORKERS)
        for i in range(USERS_PER_WORKER)
    }
    stored = {
        (cluster_id, name): user
        for cluster_id in (PG, MYSQL)
        for name, user in emulator.store.clusters[cluster_id].users.items()
        if name.startswith(f"{mode}-")
    }
    lost = expected - set(stored)
    extra = set(stored) - expected
    wrong = [
        key
        for key, password in tally.passwords.items()
        if stored.get(key, {}).get("password") != password
    ]
    faults = sum(emulator.fault_counts.values())
    report(
        f"chaos/{mode}: {len(expected)} adds by {WORKERS} workers in {seconds:.1f}s; "
        f"faults injected {faults} ({emulator.fault_counts}); "
        f"requests {sum(s.requests for s in stats)}, retries {sum(s.retries for s in stats)}, "
        f"reconciliations {sum(s.reconciliations for s in stats)} (confirmed {sum(s.confirmed for s in stats)}); "
        f"users lost {len(lost)}, duplicates {len(extra)}, wrong passwords {len(wrong)}, "
        f"unexpected exceptions {len(tally.unexpected)}"
    )
    assert tally.unexpected == []
    assert lost == set()
    assert extra == set()
    assert wrong == []
    assert faults > 0.15 * len(expected)
    for key, user in stored.items():
        name = key[1]
        index = int(name.rsplit("-u", 1)[1])
        options = target(int(name.split("-w")[1].split("-")[0]), index)[1]
        if "pg_allow_replication" in options:
            assert user["settings"] == {"pg_allow_replication": True}
        if "mysql_auth_plugin" in options:
            assert user["mysql_settings"] == {"auth_plugin": "mysql_native_password"}


def test_chaos_sync() -> None:
    emulator = chaos_emulator(seed=11)
    tally = Tally()
    clients = [emulator.client(max_retries=10) for _ in range(WORKERS)]
    seconds = add_in_threads(clients, "sync", USERS_PER_WORKER, tally)
    emulator.close()
    check("sync", emulator, tally, [c.stats for c in clients], seconds)


def add_in_threads(clients: list[Any], prefix: str, per_worker: int, tally: Tally) -> float:
    """WORKERS threads (worker w uses clients[w]) each add `per_worker` users; the seconds taken."""

    def work(worker: int) -> None:
        client = clients[worker]
        for i in range(per_worker):
            cluster, options = target(worker, i)
            name = f"{prefix}-w{worker}-u{i}"
            try:
                tally.record(cluster, name, client.databases.users.add(cluster, name, **options))
            except BaseException as exc:
                tally.unexpected.append(exc)

    start = time.monotonic()
    threads = [threading.Thread(target=work, args=(w,)) for w in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return time.monotonic() - start


def test_chaos_against_the_realism_profile() -> None:
    """The same faults, on a server that behaves like the real API: reads lag behind adds,
    GET omits settings and spells values its own way, and overlapping changes on one
    cluster fail. Eight threads share one client, as a provisioning service would."""
    realistic = Faults.realistic(
        read_lag=0.2, error_before=0.04, error_after=0.06, throttle=0.03, drop_after=0.07, seed=5
    )
    emulator = Emulator(faults=realistic, per_minute=10**9, per_hour=10**9)
    client = emulator.client(max_retries=10)
    tally = Tally()
    per_worker = 15
    seconds = add_in_threads([client] * WORKERS, "real", per_worker, tally)
    emulator.close()
    expected = {
        (target(w, i)[0], f"real-w{w}-u{i}") for w in range(WORKERS) for i in range(per_worker)
    }
    stored = {
        (c, n): u
        for c in (PG, MYSQL)
        for n, u in emulator.store.clusters[c].users.items()
        if n.startswith("real-")
    }
    wrong = [k for k, pw in tally.passwords.items() if pw and stored[k]["password"] != pw]
    stats = client.stats
    report(
        f"chaos/realistic: {len(expected)} adds by {WORKERS} threads sharing one client in "
        f"{seconds:.1f}s; faults injected {sum(emulator.fault_counts.values())}; "
        f"reconciliations {stats.reconciliations} (confirmed {stats.confirmed}); "
        f"users lost {len(expected - set(stored))}, duplicates {len(set(stored) - expected)}, "
        f"wrong passwords {len(wrong)}, unexpected exceptions {len(tally.unexpected)}"
    )
    assert tally.unexpected == []
    assert set(stored) == expected
    assert wrong == []
    assert stats.confirmed > 0


@pytest.mark.anyio
async def test_chaos_async() -> None:
    emulator = chaos_emulator(seed=12)
    tally = Tally()
    clients = [emulator.async_client(max_retries=10) for _ in range(WORKERS)]

    async def work(worker: int) -> None:
        client = clients[worker]
        for i in range(USERS_PER_WORKER):
            cluster, options = target(worker, i)
            name = f"async-w{worker}-u{i}"
            try:
                tally.record(
                    cluster, name, await client.databases.users.add(cluster, name, **options)
                )
            except BaseException as exc:
                tally.unexpected.append(exc)

    start = time.monotonic()
    await asyncio.gather(*(work(w) for w in range(WORKERS)))
    check("async", emulator, tally, [c.stats for c in clients], time.monotonic() - start)
    for client in clients:
        await client.close()


LOAD_REQUESTS = 20_000
LOAD_CLIENTS = 64


@pytest.mark.anyio
async def test_load_over_loopback() -> None:
    """20,000 requests from 64 concurrent async clients to `dodb emulator` over loopback."""
    errors: list[BaseException] = []
    last_written: dict[str, bool] = {}
    sent = [0]

    async def work(worker: int, budget: int, url: str) -> None:
        name = f"load-{worker}"
        async with dodb.AsyncClient(
            f"token-{worker}", base_url=url, max_retries=0, requests_per_minute=None
        ) as client:
            users = client.databases.users
            try:
                await users.add(PG, name)
                sent[0] += 1
                value = False
                for step in range(budget - 1):
                    if step % 2 == 0:
                        value = not value
                        await users.update(PG, name, pg_allow_replication=value)
                        last_written[name] = value
                    else:
                        seen = await users.get(PG, name)
                        assert seen.settings is not None
                        assert seen.settings.pg_allow_replication is value, "an update was lost"
                    sent[0] += 1
            except BaseException as exc:
                errors.append(exc)

    budgets = [
        LOAD_REQUESTS // LOAD_CLIENTS + (1 if w < LOAD_REQUESTS % LOAD_CLIENTS else 0)
        for w in range(LOAD_CLIENTS)
    ]
    assert sum(budgets) == LOAD_REQUESTS
    with emulator_process("--per-minute", "1000000000", "--per-hour", "1000000000") as url:
        start = time.monotonic()
        await asyncio.wait_for(
            asyncio.gather(*(work(w, b, url) for w, b in enumerate(budgets))), timeout=240
        )
        seconds = time.monotonic() - start
        async with dodb.AsyncClient("checker", base_url=url) as checker:
            final = {u.name: u for u in await checker.databases.users.list(PG)}
    lost = [
        n
        for n, v in last_written.items()
        if final[n].settings is None or final[n].settings.pg_allow_replication is not v
    ]
    report(
        f"load: {sent[0]} requests from {LOAD_CLIENTS} async clients to `dodb emulator` over loopback "
        f"in {seconds:.1f}s ({sent[0] / seconds:.0f}/s); errors {len(errors)}, lost updates {len(lost)}"
    )
    assert errors == []
    assert sent[0] == LOAD_REQUESTS
    assert lost == []
    assert len(last_written) == LOAD_CLIENTS

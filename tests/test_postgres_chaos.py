"""Chaos on the real PostgreSQL backend: adds under injected faults leave exactly one
role per user, each with the password the client was given (a real login proves it)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest

from dodb.emulator import ClusterSpec, Emulator, Faults
from tests.support.figures import report

pytestmark = pytest.mark.postgres

CLUSTER = "chaos-pg"
WORKERS = 4
USERS_PER_WORKER = 25
# Faults that act on the request and then fail the answer are the ones that could leave a
# role behind, or two; a throttle neither acts nor reaches the server, so it is left out.
CHAOS = Faults(error_before=0.06, error_after=0.1, drop_after=0.1, seed=21)


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    with Emulator(
        seed=False,
        clusters=[ClusterSpec(CLUSTER, CLUSTER, "pg")],
        faults=CHAOS,
        per_minute=10**9,
        per_hour=10**9,
        postgres=True,
    ) as emulator:
        yield emulator


def replication_for(index: int) -> bool:
    return index % 2 == 1


def add_under_chaos(emulator: Emulator) -> tuple[dict[str, str], list[BaseException]]:
    """WORKERS threads add their users, half with `add`, half with `ensure`; the
    password each add returned, by user, and anything unexpected."""
    passwords: dict[str, str] = {}
    unexpected: list[BaseException] = []
    lock = threading.Lock()

    def work(worker: int) -> None:
        client = emulator.client(max_retries=10)
        client._sleep = lambda seconds: None  # retries back off without really waiting
        users = client.databases.users
        for index in range(USERS_PER_WORKER):
            name = f"chaos-w{worker}-u{index}"
            options = {"pg_allow_replication": True} if replication_for(index) else {}
            try:
                if worker % 2 == 0:
                    user = users.add(CLUSTER, name, **options)
                else:
                    user = users.ensure(CLUSTER, name, **options).user
                assert user.password is not None
                with lock:
                    passwords[name] = user.password.reveal()
            except BaseException as exc:
                with lock:
                    unexpected.append(exc)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return passwords, unexpected


def test_adds_under_faults_leave_one_role_per_user_with_the_returned_password(
    emulator: Emulator,
) -> None:
    assert emulator.postgres is not None
    passwords, unexpected = add_under_chaos(emulator)
    assert unexpected == []
    expected = {f"chaos-w{w}-u{i}" for w in range(WORKERS) for i in range(USERS_PER_WORKER)}
    assert set(passwords) == expected
    faults: dict[str, int] = emulator.fault_counts
    assert faults["error_after"] + faults["drop_after"] >= 10, faults

    host, port = emulator.postgres.endpoint(CLUSTER)
    admin_password = emulator.store.clusters[CLUSTER].users["doadmin"]["password"]
    where: dict[str, Any] = {"host": host, "port": port, "dbname": "defaultdb"}
    with psycopg.connect(user="doadmin", password=admin_password, **where) as conn:
        roles = conn.execute(
            "SELECT rolname, rolreplication FROM pg_roles WHERE rolname LIKE 'chaos-%'"
        ).fetchall()
    names = [name for name, _ in roles]
    assert sorted(names) == sorted(expected)  # each once, none left over
    for name, replication in roles:
        assert replication is replication_for(int(name.rsplit("-u", 1)[1])), name
    stored = emulator.store.clusters[CLUSTER].users
    refused = []
    for name, password in sorted(passwords.items()):
        assert stored[name]["password"] == password
        try:
            with psycopg.connect(user=name, password=password, **where) as conn:
                assert conn.execute("SELECT current_user").fetchone() == (name,)
        except psycopg.OperationalError:
            refused.append(name)
    report(
        f"chaos/postgres: {len(expected)} adds by {WORKERS} threads, faults injected "
        f"{sum(faults.values())} ({faults}); roles {len(names)} for {len(expected)} users; "
        f"real logins with the returned password {len(passwords) - len(refused)}/{len(passwords)}"
    )
    assert refused == []

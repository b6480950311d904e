"""dodb against the real API's documented behaviours, reproduced by the emulator's realism profile.

Sources: terraform-provider-digitalocean, `digitalocean/database/resource_database_user.go`
(GET without settings, blank MongoDB passwords, permission spellings, one change per
cluster at a time) and its issues #360, #493, #1038 (read-after-write lag), #1380
(MongoDB roles cannot change).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import httpx
import pytest

import dodb
from dodb.emulator import CLUSTER_IDS, Emulator, Faults
from dodb.emulator._transport import SyncASGITransport

PG, MYSQL, KAFKA, MONGO = (CLUSTER_IDS[e] for e in ("pg", "mysql", "kafka", "mongodb"))
ADDS = "/users"


def _is_add(request: httpx.Request) -> bool:
    return request.method == "POST" and request.url.path.endswith(ADDS)


class LoseAnswers(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Passes requests to the emulator, then loses the answer to the first `lose` adds:
    the server acted, the client sees a 500 (or a timeout)."""

    def __init__(self, emulator: Emulator, lose: int = 1, how: str = "500") -> None:
        self.sync = SyncASGITransport(emulator.app)
        self.asgi = httpx.ASGITransport(app=emulator.app)
        self.lose = lose
        self.how = how

    def _spoil(self, request: httpx.Request, response: httpx.Response) -> httpx.Response:
        if _is_add(request) and self.lose > 0:
            self.lose -= 1
            if self.how == "timeout":
                raise httpx.ReadTimeout("the answer was lost", request=request)
            return httpx.Response(500, json={"id": "server_error", "message": "lost"})
        return response

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._spoil(request, self.sync.handle_request(request))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.asgi.handle_async_request(request)
        await response.aread()
        return self._spoil(request, response)


def sync_client(transport: LoseAnswers, **options: Any) -> dodb.Client:
    http = httpx.Client(transport=transport)
    return dodb.Client("t", base_url="http://localhost", http_client=http, **options)


def async_client(transport: LoseAnswers, **options: Any) -> dodb.AsyncClient:
    http = httpx.AsyncClient(transport=transport)
    return dodb.AsyncClient("t", base_url="http://localhost", http_client=http, **options)


# (cluster, typed keywords, the same as a raw body): each meets a different real behaviour.
CASES = {
    "kafka, produceconsume read back as produce_consume, ACL items with more fields": (
        KAFKA,
        {"kafka_acls": [("events.*", "produceconsume"), ("audit", "consume")]},
        {
            "settings": {
                "acl": [
                    {"topic": "events.*", "permission": "produceconsume"},
                    {"topic": "audit", "permission": "consume"},
                ]
            }
        },
    ),
    "mongodb, default databases filled in, blank password on GET": (
        MONGO,
        {"mongo_role": "readWrite"},
        {"settings": {"mongo_user_settings": {"role": "readWrite"}}},
    ),
    "postgres, replication false left out": (
        PG,
        {"pg_allow_replication": False},
        {"settings": {"pg_allow_replication": False}},
    ),
    "mysql, the server's default plugin": (MYSQL, {}, {}),
}


def _only_one(emulator: Emulator, cluster: str, name: str) -> None:
    names = [n for n in emulator.store.clusters[cluster].users if n == name]
    assert names == [name]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("style", ["typed", "reference"])
@pytest.mark.parametrize("how", ["500", pytest.param("timeout", marks=pytest.mark.slow)])
def test_a_lost_add_is_confirmed_through_the_real_apis_reads_sync(
    case: str, style: str, how: str
) -> None:
    cluster, keywords, body = CASES[case]
    emulator = Emulator(faults=Faults.realistic(read_lag=0.1))
    client = sync_client(LoseAnswers(emulator, how=how))
    if style == "typed":
        user = client.databases.users.add(cluster, "app-01", **keywords)
        assert user.name == "app-01"
    else:
        answer = client.databases.add_user(cluster, {"name": "app-01", **body})
        assert answer["user"]["name"] == "app-01"
    assert client.stats.confirmed == 1
    _only_one(emulator, cluster, "app-01")
    emulator.close()


@pytest.mark.slow
@pytest.mark.anyio
@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("style", ["typed", "reference"])
async def test_a_lost_add_is_confirmed_through_the_real_apis_reads_async(
    case: str, style: str
) -> None:
    cluster, keywords, body = CASES[case]
    emulator = Emulator(faults=Faults.realistic(read_lag=0.1))
    async with async_client(LoseAnswers(emulator)) as client:
        if style == "typed":
            user = await client.databases.users.add(cluster, "app-01", **keywords)
            assert user.name == "app-01"
        else:
            answer = await client.databases.add_user(cluster, {"name": "app-01", **body})
            assert answer["user"]["name"] == "app-01"
        assert client.stats.confirmed == 1
    _only_one(emulator, cluster, "app-01")


def test_without_the_normalisation_the_same_add_would_be_reported_failed() -> None:
    """The realism profile bites: an exact comparison takes the found user for another's."""
    from dodb._matching import contradicts
    from dodb_api.models import DatabaseUser
    from dodb_api.types import ModelReader

    sent = CASES["kafka, produceconsume read back as produce_consume, ACL items with more fields"][
        2
    ]
    found = {
        "settings": {
            "acl": [
                {"id": "a", "topic": "audit", "permission": "consume", "kind": "literal"},
                {
                    "id": "b",
                    "topic": "events.*",
                    "permission": "produce_consume",
                    "kind": "literal",
                },
            ]
        }
    }
    user = ModelReader(DatabaseUser)
    assert not contradicts(sent, found, user)
    assert contradicts(sent, found, reader=None)  # read without the spec's schema: a mismatch
    other = {
        "settings": {
            "acl": [
                {"topic": "audit", "permission": "consume"},
                {"topic": "events.*", "permission": "produce"},
            ]
        }
    }
    assert contradicts(sent, other, user)


def test_a_password_that_cannot_be_recovered_is_said_not_faked(
    caplog: pytest.LogCaptureFixture,
) -> None:
    emulator = Emulator(faults=Faults.realistic(read_lag=0.0))
    client = sync_client(LoseAnswers(emulator))
    with caplog.at_level(logging.WARNING, logger="dodb"):
        user = client.databases.users.add(MONGO, "app-01", mongo_role="readWrite")
    assert not user.password  # GET on MongoDB answers a blank password
    assert "did not return the password" in caplog.text
    assert "reset_auth" in caplog.text
    fresh = client.databases.users.reset_auth(MONGO, "app-01")
    assert fresh.password  # the way to a working password


@pytest.mark.slow
@pytest.mark.real_time(
    reason="a served emulator, whose rate limits and read lag keep wall-clock time"
)
def test_a_resent_add_refused_as_existing_is_looked_up_again() -> None:
    # The new user stays invisible longer than the client trusts a 404 (2 s): the client
    # resends, the API refuses the name, and a second lookup finds the user after all.
    emulator = Emulator(faults=Faults.realistic(read_lag=2.6))
    client = sync_client(LoseAnswers(emulator))
    user = client.databases.users.add(PG, "app-01", pg_allow_replication=True)
    assert user.name == "app-01"
    assert client.stats.confirmed == 1
    _only_one(emulator, PG, "app-01")
    emulator.close()


def test_someone_elses_user_of_that_name_is_still_reported_when_reads_show_it() -> None:
    # When GET omits settings (the real API), nothing can contradict the request, and a
    # user of that name counts as this add's: the README says so. Here reads show them.
    emulator = Emulator(faults=Faults.realistic(read_lag=0.0, get_omits_settings=False))
    emulator.store.add_user(
        KAFKA, {"name": "app-01", "settings": {"acl": [{"topic": "t", "permission": "produce"}]}}
    )
    client = sync_client(LoseAnswers(emulator))
    with pytest.raises(dodb.UnprocessableEntityError, match="already exists"):
        client.databases.users.add(KAFKA, "app-01", kafka_acls=[("t", "consume")])
    assert client.stats.confirmed == 0
    emulator.close()


def test_a_mongodb_role_cannot_change_after_creation() -> None:
    emulator = Emulator()
    client = emulator.client()
    client.databases.users.add(MONGO, "app-01", mongo_role="readOnly", mongo_databases=["orders"])
    with pytest.raises(dodb.UnprocessableEntityError, match="cannot be changed"):
        client.databases.users.update(MONGO, "app-01", mongo_role="readWrite")
    same = client.databases.users.update(
        MONGO, "app-01", mongo_role="readOnly", mongo_databases=["orders", "invoices"]
    )
    assert same.settings is not None
    emulator.close()


async def _adds_at_once(client: dodb.AsyncClient, cluster: str, count: int) -> list[Any]:
    async def one(i: int) -> Any:
        try:
            return await client.databases.users.add(cluster, f"app-{i:02d}")
        except dodb.DodbError as exc:
            return exc

    return await asyncio.gather(*(one(i) for i in range(count)))


@pytest.mark.anyio
async def test_concurrent_adds_on_one_cluster_go_one_at_a_time_by_default() -> None:
    emulator = Emulator(faults=Faults(conflicting_changes=True))
    async with emulator.async_client() as client:
        results = await _adds_at_once(client, PG, 12)
    assert [r for r in results if isinstance(r, Exception)] == []
    assert len(emulator.store.clusters[PG].users) == 13  # with doadmin


@pytest.mark.anyio
async def test_the_emulator_reproduces_the_failure_that_serialising_guards_against() -> None:
    emulator = Emulator(faults=Faults(conflicting_changes=True))
    async with emulator.async_client(serialize_user_changes=False) as client:
        results = await _adds_at_once(client, PG, 12)
    failures = [r for r in results if isinstance(r, dodb.UnprocessableEntityError)]
    assert failures
    assert all("in progress" in str(f) for f in failures)


@pytest.mark.anyio
async def test_a_cluster_is_free_again_after_a_call_on_it_fails_or_is_cancelled() -> None:
    """The per-cluster lock a user change holds is let go whatever ends the call."""
    emulator = Emulator(faults=Faults(latency=0.2))  # a request to cancel midway
    async with emulator.async_client() as client:
        await client.databases.users.add(PG, "app-01")
        with pytest.raises(dodb.UnprocessableEntityError):
            await client.databases.users.add(PG, "app-01")  # the name is taken
        await asyncio.wait_for(client.databases.users.add(PG, "app-02"), 5)

        started = asyncio.create_task(client.databases.users.add(PG, "app-03"))
        await asyncio.sleep(0.05)  # it takes the lock, its request is under way
        assert client._lock(PG).locked()
        started.cancel()
        with pytest.raises(asyncio.CancelledError):
            await started
        await asyncio.wait_for(client.databases.users.add(PG, "app-04"), 5)
    emulator.close()


def test_a_sync_cluster_is_free_again_after_a_call_on_it_fails() -> None:
    import threading

    emulator = Emulator()
    client = emulator.client()
    client.databases.users.add(PG, "app-01")
    with pytest.raises(dodb.UnprocessableEntityError):
        client.databases.users.add(PG, "app-01")
    after = threading.Thread(target=client.databases.users.add, args=(PG, "app-02"), daemon=True)
    after.start()
    after.join(5)
    assert not after.is_alive()
    assert "app-02" in emulator.store.clusters[PG].users
    emulator.close()


def test_sync_threads_sharing_a_client_also_go_one_at_a_time() -> None:
    import threading

    emulator = Emulator(faults=Faults(conflicting_changes=True))
    client = emulator.client()
    errors: list[Exception] = []

    def add(i: int) -> None:
        try:
            client.databases.users.add(PG, f"t-{i}")
        except dodb.DodbError as exc:
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    emulator.close()


@pytest.mark.slow
@pytest.mark.real_time(
    reason="a served emulator, whose rate limits and read lag keep wall-clock time"
)
@pytest.mark.anyio
@pytest.mark.parametrize("client_budget", [None, 250], ids=["paced-to-the-limit", "unaware"])
async def test_a_bulk_job_past_the_per_minute_limit_completes_every_add(
    monkeypatch: pytest.MonkeyPatch, client_budget: int | None
) -> None:
    """1.2x the per-minute limit at concurrency 16, with a 2 s "minute" so it runs fast.

    Paced to the limit the client meets no 429 at all; unaware of it (budget 250), it
    meets a few, holds back, and still completes every add. Wall times against the
    real one-minute window are in `bench/bulk.py`, not here."""
    import dodb._pacing

    monkeypatch.setattr(dodb._pacing, "WINDOW", 2.0)
    # The window is 30 times shorter than the API's, the delays between planning a
    # request and its arrival are not: the spare share is scaled up to match (100 ms).
    monkeypatch.setattr(dodb._pacing, "MARGIN", 0.05)
    emulator = Emulator(per_minute=20)
    emulator.limiter.minute = 2.0
    options: dict[str, Any] = (
        {} if client_budget is None else {"requests_per_minute": client_budget}
    )
    async with emulator.async_client(**options) as client:
        semaphore = asyncio.Semaphore(16)

        async def one(i: int) -> Any:
            async with semaphore:
                return await client.databases.users.add(PG, f"bulk-{i:02d}")

        results = await asyncio.gather(*(one(i) for i in range(24)), return_exceptions=True)
    assert [r for r in results if isinstance(r, BaseException)] == []
    assert len([n for n in emulator.store.clusters[PG].users if n.startswith("bulk-")]) == 24
    if client_budget is None:
        assert emulator.limiter.refused == 0
    else:
        assert 0 < emulator.limiter.refused <= 16

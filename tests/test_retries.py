"""The retry policy: what is resent, when, how unsure adds are reconciled, and time bounds."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

import dodb
from tests.conftest import TOKEN, USER, async_client, json_response, sync_client

Outcome = httpx.Response | Exception
ERR = {"id": "server_error", "message": "Unexpected server-side error"}
LIMITED = {"id": "too_many_requests", "message": "API Rate limit exceeded."}
MISSING = {"id": "not_found", "message": "The resource you requested could not be found."}


def scripted(*outcomes: Outcome) -> Callable[[httpx.Request], httpx.Response]:
    pending = list(outcomes)

    def handler(request: httpx.Request) -> httpx.Response:
        outcome = pending.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    return handler


def make(*outcomes: Outcome, **options: Any) -> tuple[Any, Any, list[float]]:
    client, recorder = sync_client(scripted(*outcomes), **options)
    waits: list[float] = []
    client._sleep = waits.append
    return client, recorder, waits


def calls(recorder: Any) -> list[str]:
    return [f"{r.method} {r.url.path}" for r in recorder.requests]


POST = "POST /v2/databases/c/users"
LOOKUP = "GET /v2/databases/c/users/app-01"


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_reads_are_retried_on_transient_statuses(status: int) -> None:
    client, recorder, waits = make(json_response(status, ERR), json_response(200, USER))
    user = client.databases.users.get("c", "app-01")
    assert user.name == "app-01"
    assert len(recorder.requests) == 2
    assert len(waits) == 1
    assert client.last_response.attempts == 2
    assert client.stats.retries == 1


def test_501_is_not_retried() -> None:
    client, recorder, _ = make(json_response(501, ERR))
    with pytest.raises(dodb.InternalServerError):
        client.databases.users.get("c", "app-01")
    assert len(recorder.requests) == 1


@pytest.mark.parametrize(
    "failure",
    [
        json_response(500, ERR),
        json_response(502, ERR),
        json_response(503, ERR),
        json_response(504, ERR),
        httpx.ReadTimeout("no answer"),
        httpx.RemoteProtocolError("peer closed connection without sending complete message body"),
        httpx.ReadError("connection reset"),
    ],
    ids=["500", "502", "503", "504", "read-timeout", "dropped", "reset"],
)
def test_an_unsure_add_that_took_effect_is_confirmed_not_resent(failure: Outcome) -> None:
    found = {"user": {**USER["user"], "password": "from-the-lookup"}}
    client, recorder, _ = make(failure, json_response(200, found))
    user = client.databases.users.add("c", "app-01")
    assert calls(recorder) == [POST, LOOKUP]
    assert user.password is not None
    assert user.password.reveal() == "from-the-lookup"  # the user as looked up
    assert client.stats.reconciliations == 1
    assert client.stats.confirmed == 1


def test_an_unsure_add_that_did_not_take_effect_is_sent_again() -> None:
    # A 404 is looked at again for up to `read_lag` (2 s): 0.25 + 0.5 + 1 + 0.25.
    resent = {"user": {**USER["user"], "password": "from-the-second-post"}}
    client, recorder, waits = make(
        json_response(500, ERR), *[json_response(404, MISSING)] * 5, json_response(201, resent)
    )
    assert client.databases.add_user("c", {"name": "app-01"}) == resent  # the resend's answer
    assert calls(recorder) == [POST, *[LOOKUP] * 5, POST]
    assert waits[:4] == [0.25, 0.5, 1.0, 0.25]
    assert len(waits) == 5  # and one backoff before the resend
    assert client.stats.confirmed == 0
    assert client.stats.reconciliations == 1


def test_someone_elses_user_of_that_name_is_not_taken_for_ours() -> None:
    other = {
        "user": {
            "name": "app-01",
            "role": "normal",
            "mysql_settings": {"auth_plugin": "caching_sha2_password"},
        }
    }
    taken = {"id": "unprocessable_entity", "message": "a user named 'app-01' already exists"}
    client, recorder, _ = make(
        json_response(500, ERR),
        json_response(200, other),
        json_response(422, taken),
        json_response(200, other),  # looked up again after the 422: still not ours
    )
    with pytest.raises(dodb.UnprocessableEntityError, match="already exists"):
        client.databases.users.add("c", "app-01", mysql_auth_plugin="mysql_native_password")
    assert calls(recorder) == [POST, LOOKUP, POST, LOOKUP]


def test_kafka_acl_ids_do_not_stop_a_match() -> None:
    made = {
        "user": {
            "name": "app-01",
            "settings": {"acl": [{"id": "acl1", "topic": "t.*", "permission": "produce"}]},
        }
    }
    client, recorder, _ = make(httpx.ReadTimeout("slow"), json_response(200, made))
    user = client.databases.users.add("c", "app-01", kafka_acls=[("t.*", "produce")])
    assert user.settings is not None
    assert calls(recorder) == [POST, LOOKUP]


def test_when_the_lookup_fails_too_the_original_error_is_raised_and_nothing_resent() -> None:
    client, recorder, _ = make(
        json_response(500, ERR), *[json_response(503, ERR)] * 3, max_retries=2
    )
    with pytest.raises(dodb.InternalServerError) as info:
        client.databases.users.add("c", "app-01")
    assert info.value.status_code == 500
    assert calls(recorder) == [POST, LOOKUP, LOOKUP, LOOKUP]


def test_add_is_resent_after_429_waiting_retry_after() -> None:
    client, recorder, waits = make(
        json_response(429, LIMITED, **{"retry-after": "3"}), json_response(201, USER)
    )
    client.databases.add_user("c", {"name": "app-01"})
    assert calls(recorder) == [POST, POST]
    assert waits == [3.0]


def test_429_without_retry_after_waits_for_the_reset_when_nothing_remains() -> None:
    reset = int(time.time()) + 5
    client, _, waits = make(
        json_response(429, LIMITED, **{"ratelimit-remaining": "0", "ratelimit-reset": str(reset)}),
        json_response(200, USER),
    )
    client.databases.users.get("c", "app-01")
    assert 3.5 <= waits[0] <= 5.0


def test_a_rate_limit_wait_is_outside_the_deadline_and_is_no_retry() -> None:
    client, recorder, waits = make(
        json_response(429, LIMITED, **{"retry-after": "30"}),
        json_response(429, LIMITED, **{"retry-after": "30"}),
        json_response(200, USER),
        deadline=10,
        max_retries=1,
    )
    client.databases.users.get("c", "app-01")
    assert waits == [30.0, 30.0]
    assert len(recorder.requests) == 3


def test_a_rate_limit_wait_past_the_patience_is_not_started() -> None:
    client, recorder, waits = make(
        json_response(429, LIMITED, **{"retry-after": "300", "ratelimit-reset": "1795392000"}),
        deadline=10,
    )
    with pytest.raises(dodb.RateLimitError) as info:
        client.databases.users.get("c", "app-01")
    assert waits == []
    assert len(recorder.requests) == 1
    assert info.value.retry_after == 300
    assert info.value.reset_at == 1795392000
    assert info.value.attempts == 1


def test_connect_errors_are_retried_for_any_method() -> None:
    client, recorder, _ = make(
        httpx.ConnectError("refused"), httpx.ConnectTimeout("slow"), json_response(201, USER)
    )
    client.databases.users.add("c", "app-01")
    assert calls(recorder) == [POST, POST, POST]


def test_reset_auth_is_resent_after_an_unsure_attempt() -> None:
    """Each reset replaces the password, so the last answer's password is the one that works."""
    fresh = {"user": {"name": "app-01", "role": "normal", "password": "n4b8v2c6x0z3m7q1"}}
    client, recorder, _ = make(
        json_response(502, ERR), httpx.ReadTimeout("slow"), json_response(200, fresh), max_retries=3
    )
    user = client.databases.users.reset_auth("c", "app-01")
    assert user.password is not None
    assert user.password.reveal() == "n4b8v2c6x0z3m7q1"
    assert [r.method for r in recorder.requests] == ["POST"] * 3


def test_a_delete_resent_after_an_unsure_attempt_takes_404_as_done() -> None:
    client, recorder, _ = make(json_response(503, ERR), json_response(404, MISSING))
    assert client.databases.users.delete("c", "app-01") is None
    assert [r.method for r in recorder.requests] == ["DELETE", "DELETE"]


def test_a_first_delete_of_a_missing_user_still_raises() -> None:
    client, _, _ = make(json_response(404, MISSING))
    with pytest.raises(dodb.NotFoundError):
        client.databases.users.delete("c", "app-01")


def test_a_delete_retried_after_429_does_not_hide_a_real_404() -> None:
    client, _, _ = make(
        json_response(429, LIMITED, **{"retry-after": "1"}), json_response(404, MISSING)
    )
    with pytest.raises(dodb.NotFoundError):
        client.databases.users.delete("c", "app-01")


def test_update_is_retried_as_idempotent() -> None:
    client, recorder, _ = make(
        json_response(500, ERR), httpx.RemoteProtocolError("dropped"), json_response(201, USER)
    )
    client.databases.users.update("c", "app-01", pg_allow_replication=True)
    assert [r.method for r in recorder.requests] == ["PUT", "PUT", "PUT"]


def test_attempts_are_bounded_and_reported() -> None:
    client, recorder, waits = make(*[json_response(503, ERR)] * 4, max_retries=3)
    with pytest.raises(dodb.InternalServerError) as info:
        client.databases.users.list("c")
    assert len(recorder.requests) == 4
    assert info.value.attempts == 4
    assert "after 4 attempts" in str(info.value)
    assert all(0 < w <= 8 for w in waits)
    assert waits[2] > waits[0]  # 0.5-1 s, then 2-4 s: exponential even with jitter


def test_max_retries_zero_sends_once_and_never_looks_up() -> None:
    client, recorder, _ = make(json_response(500, ERR), max_retries=0)
    with pytest.raises(dodb.InternalServerError) as info:
        client.databases.users.add("c", "app-01")
    assert calls(recorder) == [POST]
    assert info.value.attempts == 1


def test_per_call_overrides_share_connections_and_state() -> None:
    client, recorder, _ = make(
        json_response(503, ERR), json_response(503, ERR), json_response(200, USER)
    )
    strict = client.with_options(max_retries=0, deadline=5, timeout=2)
    assert (strict.max_retries, strict.deadline, strict.timeout.read) == (0, 5.0, 2.0)
    assert (client.max_retries, client.deadline) == (2, 60.0)
    with pytest.raises(dodb.InternalServerError):
        strict.databases.users.get("c", "app-01")
    client.databases.users.get("c", "app-01")
    assert len(recorder.requests) == 3
    assert strict.stats is client.stats
    assert strict.stats.requests == 3
    strict.close()
    assert not client._http.is_closed
    with pytest.raises(dodb.ConfigurationError):
        client.with_options(deadline=0)


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A loopback server that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    server.close()


@pytest.mark.slow
def test_a_server_that_never_answers_fails_within_the_deadline(silent_server: str) -> None:
    with dodb.Client(TOKEN, base_url=silent_server, deadline=1.5, timeout=30) as client:
        start = time.monotonic()
        with pytest.raises(dodb.APITimeoutError):
            client.databases.users.list("c")
        elapsed = time.monotonic() - start
    assert 1.0 <= elapsed < 2.5


@pytest.mark.slow
@pytest.mark.anyio
async def test_async_server_that_never_answers_fails_within_the_deadline(
    silent_server: str,
) -> None:
    async with dodb.AsyncClient(TOKEN, base_url=silent_server, deadline=1.0) as client:
        start = time.monotonic()
        with pytest.raises(dodb.APITimeoutError):
            await client.databases.users.get("c", "u")
        assert time.monotonic() - start < 2.0


def test_default_time_bounds() -> None:
    client = dodb.Client(TOKEN)
    assert client.deadline == dodb.DEFAULT_DEADLINE == 60.0
    assert (client.timeout.connect, client.timeout.read) == (10.0, 30.0)
    assert client.max_retries == 2


@pytest.mark.anyio
async def test_async_client_follows_the_same_policy() -> None:
    client, recorder = async_client(
        scripted(
            json_response(503, ERR),
            json_response(200, USER),
            httpx.RemoteProtocolError("dropped"),
            json_response(200, USER),
        )
    )
    waits: list[float] = []

    async def no_sleep(seconds: float) -> None:
        waits.append(seconds)

    client._sleep = no_sleep
    await client.databases.users.get("c", "app-01")
    user = await client.databases.users.add("c", "app-01")
    assert user.name == "app-01"
    assert calls(recorder) == [LOOKUP, LOOKUP, POST, LOOKUP]
    assert len(waits) == 1
    assert client.stats.confirmed == 1


def test_a_test_cannot_really_wait_for_a_rate_limit() -> None:
    """conftest's guard: a client built in a test without a fake sleep fails the test
    instead of sleeping out a 429's retry-after."""
    answers = iter(
        [
            json_response(
                429, {"id": "too_many_requests", "message": "slow"}, **{"retry-after": "30"}
            ),
            json_response(200, {"users": []}),
        ]
    )
    client, _ = sync_client(lambda r: next(answers), max_retries=1)
    with pytest.raises(pytest.fail.Exception, match="really waited 30"):
        client.databases.users.list("c")

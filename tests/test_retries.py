"""The basic retry policy: what is resent, when, and how the attempts are reported."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

import dodb
from tests.conftest import USER, async_client, json_response, sync_client

Outcome = httpx.Response | Exception


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


ERR = {"id": "server_error", "message": "Unexpected server-side error"}
LIMITED = {"id": "too_many_requests", "message": "API Rate limit exceeded."}


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_reads_are_retried_on_transient_statuses(status: int) -> None:
    client, recorder, waits = make(json_response(status, ERR), json_response(200, USER))
    user = client.databases.users.get("c", "app-01")
    assert user.name == "app-01"
    assert len(recorder.requests) == 2
    assert len(waits) == 1
    assert client.last_response.attempts == 2


def test_501_is_not_retried() -> None:
    client, recorder, _ = make(json_response(501, ERR))
    with pytest.raises(dodb.InternalServerError):
        client.databases.users.get("c", "app-01")
    assert len(recorder.requests) == 1


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_add_is_not_resent_after_a_server_error(status: int) -> None:
    """The server may have created the user: a blind resend could make it twice."""
    client, recorder, _ = make(json_response(status, ERR), json_response(201, USER))
    with pytest.raises(dodb.InternalServerError) as info:
        client.databases.users.add("c", "app-01")
    assert len(recorder.requests) == 1
    assert info.value.attempts == 1


def test_add_is_resent_after_429_waiting_retry_after() -> None:
    client, recorder, waits = make(
        json_response(429, LIMITED, **{"retry-after": "3"}), json_response(201, USER)
    )
    client.databases.add_user("c", {"name": "app-01"})
    assert len(recorder.requests) == 2
    assert waits == [3.0]


def test_429_without_retry_after_waits_for_the_reset_when_nothing_remains() -> None:
    import time

    reset = int(time.time()) + 5
    client, _, waits = make(
        json_response(429, LIMITED, **{"ratelimit-remaining": "0", "ratelimit-reset": str(reset)}),
        json_response(200, USER),
    )
    client.databases.users.get("c", "app-01")
    assert 3.5 <= waits[0] <= 5.0


def test_a_rate_limit_wait_too_long_raises_at_once_with_the_reset_time() -> None:
    client, recorder, waits = make(
        json_response(429, LIMITED, **{"retry-after": "3600", "ratelimit-reset": "1795392000"})
    )
    with pytest.raises(dodb.RateLimitError) as info:
        client.databases.users.get("c", "app-01")
    assert waits == []
    assert len(recorder.requests) == 1
    assert info.value.retry_after == 3600
    assert info.value.reset_at == 1795392000


def test_connect_errors_are_retried_for_any_method() -> None:
    client, recorder, _ = make(
        httpx.ConnectError("refused"), httpx.ConnectTimeout("slow"), json_response(201, USER)
    )
    client.databases.users.add("c", "app-01")
    assert len(recorder.requests) == 3


def test_add_is_not_resent_after_a_read_timeout() -> None:
    client, recorder, _ = make(httpx.ReadTimeout("no answer"), json_response(201, USER))
    with pytest.raises(dodb.APITimeoutError, match="timed out"):
        client.databases.users.add("c", "app-01")
    assert len(recorder.requests) == 1


def test_reads_are_retried_after_a_read_timeout_and_a_dropped_connection() -> None:
    client, recorder, _ = make(
        httpx.ReadTimeout("no answer"),
        httpx.RemoteProtocolError("dropped"),
        json_response(200, USER),
    )
    client.databases.users.get("c", "app-01")
    assert len(recorder.requests) == 3


def test_delete_and_update_are_retried_as_idempotent() -> None:
    client, recorder, _ = make(
        json_response(503, ERR),
        httpx.Response(204),
        json_response(500, ERR),
        json_response(201, USER),
    )
    client.databases.users.delete("c", "app-01")
    client.databases.users.update("c", "app-01", pg_allow_replication=True)
    assert [r.method for r in recorder.requests] == ["DELETE", "DELETE", "PUT", "PUT"]


def test_attempts_are_bounded_and_reported() -> None:
    client, recorder, waits = make(*[json_response(503, ERR)] * 4, max_retries=3)
    with pytest.raises(dodb.InternalServerError) as info:
        client.databases.users.list("c")
    assert len(recorder.requests) == 4
    assert info.value.attempts == 4
    assert "after 4 attempts" in str(info.value)
    assert all(0 < w <= 8 for w in waits)
    assert waits[2] > waits[0] / 2  # backoff grows (with jitter)


def test_max_retries_zero_sends_once() -> None:
    client, recorder, _ = make(httpx.ConnectError("refused"), max_retries=0)
    with pytest.raises(dodb.APIConnectionError) as info:
        client.databases.users.list("c")
    assert len(recorder.requests) == 1
    assert info.value.attempts == 1
    assert not isinstance(info.value, dodb.APITimeoutError)


@pytest.mark.anyio
async def test_async_client_follows_the_same_policy() -> None:
    client, recorder = async_client(
        scripted(json_response(503, ERR), json_response(200, USER), json_response(500, ERR))
    )
    waits: list[float] = []

    async def no_sleep(seconds: float) -> None:
        waits.append(seconds)

    client._sleep = no_sleep
    await client.databases.users.get("c", "app-01")
    with pytest.raises(dodb.InternalServerError):
        await client.databases.users.add("c", "app-01")
    assert [r.method for r in recorder.requests] == ["GET", "GET", "POST"]
    assert len(waits) == 1

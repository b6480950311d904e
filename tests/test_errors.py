"""Error responses of every shape become the right typed error, with a short message."""

from __future__ import annotations

import json

import httpx
import pytest

import dodb
from tests.conftest import USER, async_client, json_response, sync_client

HTML = "<html><head><title>502 Bad Gateway</title></head><body>" + "x" * 5000 + "</body></html>"


def answer(status: int, content: bytes | str, content_type: str = "text/html", **headers: str):  # type: ignore[no-untyped-def]
    body = content.encode() if isinstance(content, str) else content
    return lambda request: httpx.Response(
        status, content=body, headers={"content-type": content_type, **headers}
    )


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, dodb.BadRequestError),
        (401, dodb.AuthenticationError),
        (403, dodb.PermissionDeniedError),
        (404, dodb.NotFoundError),
        (409, dodb.ConflictError),
        (422, dodb.UnprocessableEntityError),
        (429, dodb.RateLimitError),
        (500, dodb.InternalServerError),
        (502, dodb.InternalServerError),
        (503, dodb.InternalServerError),
        (520, dodb.InternalServerError),
        (418, dodb.APIStatusError),
    ],
)
def test_each_status_raises_its_class(status: int, cls: type[dodb.APIStatusError]) -> None:
    client, _ = sync_client(
        lambda r: json_response(status, {"id": "some_id", "message": "went wrong"}), max_retries=0
    )
    with pytest.raises(cls) as info:
        client.databases.users.get("ab7bb7a", "app-01")
    error = info.value
    assert type(error) is cls
    assert isinstance(error, dodb.APIError)
    assert isinstance(error, dodb.DodbError)
    assert error.status_code == status
    assert error.error_id == "some_id"
    assert error.message == "went wrong"
    assert str(error) == f"{status} some_id: went wrong"
    assert error.response.status_code == status


def test_404_raises_where_the_official_client_returns_the_body() -> None:
    client, _ = sync_client(
        lambda r: json_response(
            404, {"id": "not_found", "message": "The resource you requested could not be found."}
        )
    )
    with pytest.raises(dodb.NotFoundError, match="not_found"):
        client.databases.get_user("ab7bb7a", "nobody")


@pytest.mark.parametrize(
    ("status", "handler", "fragment"),
    [
        (502, answer(502, HTML), "not JSON (text/html, "),
        (520, answer(520, HTML), "not JSON (text/html, "),
        (500, answer(500, b"", "application/json"), "an empty body"),
        (503, answer(503, '{"id": "server_err', "application/json"), "not JSON (application/json"),
        (500, answer(500, "[1, 2]", "application/json"), "JSON that is not an error"),
        (401, answer(401, "Unauthorized", "text/plain"), "not JSON (text/plain"),
    ],
)
def test_odd_error_bodies_give_a_short_readable_status_error(
    status: int, handler, fragment: str
) -> None:  # type: ignore[no-untyped-def]
    client, _ = sync_client(handler, max_retries=0)
    with pytest.raises(dodb.APIStatusError) as info:
        client.databases.get_user("ab7bb7a", "app-01")
    error = info.value
    assert error.status_code == status
    assert error.error_id is None
    assert fragment in str(error)
    assert "<html" not in str(error)
    assert len(str(error)) < 200


@pytest.mark.parametrize(
    ("handler", "fragment"),
    [
        (answer(201, HTML), "not JSON (text/html"),
        (answer(201, b"", "application/json"), "an empty body"),
        (answer(201, '{"user": {"name": "ap', "application/json"), "not JSON"),
        (answer(201, '{"users": []}', "application/json"), "does not match the documented schema"),
        (answer(201, '{"user": {"role": "normal"}}', "application/json"), "user.name is required"),
        (answer(201, '["a"]', "application/json"), "does not match the documented schema"),
    ],
)
def test_a_success_status_with_a_bad_body_is_a_validation_error(handler, fragment: str) -> None:  # type: ignore[no-untyped-def]
    client, _ = sync_client(handler)
    with pytest.raises(dodb.APIResponseValidationError) as info:
        client.databases.users.add("ab7bb7a", "app-01")
    assert fragment in str(info.value)
    assert "<html" not in str(info.value)
    assert info.value.status_code == 201
    assert not isinstance(info.value, json.JSONDecodeError | KeyError)


def test_the_reference_call_also_refuses_a_non_json_success_body() -> None:
    client, _ = sync_client(answer(201, HTML))
    with pytest.raises(dodb.APIResponseValidationError, match="not JSON"):
        client.databases.add_user("ab7bb7a", {"name": "app-01"})


def test_request_id_comes_from_the_body_else_the_header() -> None:
    body = {"id": "server_error", "message": "boom", "request_id": "from-body"}
    client, _ = sync_client(
        lambda r: json_response(500, body, **{"x-request-id": "from-header"}), max_retries=0
    )
    with pytest.raises(dodb.InternalServerError) as info:
        client.databases.get_user("c", "u")
    assert info.value.request_id == "from-body"
    assert "(request id from-body)" in str(info.value)

    body.pop("request_id")
    with pytest.raises(dodb.InternalServerError) as info:
        client.databases.get_user("c", "u")
    assert info.value.request_id == "from-header"


def test_rate_limit_error_carries_reset_and_retry_after() -> None:
    headers = {
        "RateLimit-Limit": "250",
        "ratelimit-remaining": "0",
        "rateLimit-reset": "1795392000",
        "Retry-After": "7",
    }
    client, _ = sync_client(
        lambda r: json_response(
            429, {"id": "too_many_requests", "message": "API Rate limit exceeded."}, **headers
        ),
        max_retries=0,
    )
    with pytest.raises(dodb.RateLimitError) as info:
        client.databases.users.list("ab7bb7a")
    error = info.value
    assert error.rate_limit == dodb.RateLimit(
        limit=250, remaining=0, reset_at=1795392000, retry_after=7.0
    )
    assert error.reset_at == 1795392000
    assert error.retry_after == 7.0
    assert client.rate_limit == error.rate_limit


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({}, None),
        (
            {
                "ratelimit-limit": "5000",
                "ratelimit-remaining": "4816",
                "ratelimit-reset": "1444931833",
            },
            dodb.RateLimit(5000, 4816, 1444931833, None),
        ),
        (
            {"RATELIMIT-LIMIT": "5000", "RateLimit-Remaining": "1", "rateLimit-reset": "9"},
            dodb.RateLimit(5000, 1, 9, None),
        ),
        ({"ratelimit-limit": "lots", "ratelimit-remaining": "", "ratelimit-reset": "1.5"}, None),
        ({"ratelimit-limit": "5000", "retry-after": "-3"}, dodb.RateLimit(5000, None, None, None)),
        # Any one header is enough to report.
        ({"ratelimit-limit": "5000"}, dodb.RateLimit(5000, None, None, None)),
        ({"ratelimit-remaining": "7"}, dodb.RateLimit(None, 7, None, None)),
        ({"ratelimit-reset": "9"}, dodb.RateLimit(None, None, 9, None)),
        ({"retry-after": "0"}, dodb.RateLimit(None, None, None, 0.0)),
        # Numbers of 10**12 and beyond, either sign, are nonsense, taken as absent.
        (
            {"ratelimit-limit": "999999999999", "ratelimit-reset": "1000000000000"},
            dodb.RateLimit(999999999999, None, None, None),
        ),
        (
            {"ratelimit-remaining": "-999999999999", "ratelimit-reset": "-1000000000000"},
            dodb.RateLimit(None, -999999999999, None, None),
        ),
        (
            {"ratelimit-limit": "1", "retry-after": "1000000000000"},
            dodb.RateLimit(1, None, None, None),
        ),
    ],
)
def test_rate_limit_headers_are_read_case_insensitively_and_leniently(
    headers: dict[str, str], expected: dodb.RateLimit | None
) -> None:
    """Through a client, from the response's raw headers, whose names keep the case the
    server sent (httpx's `items()` would lower-case them and hide a case-sensitive read)."""
    response = httpx.Response(200, headers=list(headers.items()), json={"users": []})
    assert [name for name, _ in response.headers.raw][: len(headers)] == [
        k.encode() for k in headers
    ]
    client, _ = sync_client(lambda r: response)
    client.databases.users.list("ab7bb7a")
    assert client.last_response is not None
    assert client.last_response.rate_limit == expected
    assert dodb.RateLimit.from_headers(httpx.Headers(headers)) == expected


def test_the_clients_rate_limit_is_the_last_one_an_answer_gave() -> None:
    """Read only when asked for, yet as if read from every answer: an answer without the
    headers leaves the last one standing, however many answers came in between, and an
    answer whose body is refused still counts (the server counted its request)."""
    answers: list[httpx.Response] = []
    client, _ = sync_client(lambda request: answers.pop(0))

    def users(remaining: int | None, body: object = None) -> httpx.Response:
        headers = {} if remaining is None else {"ratelimit-remaining": str(remaining)}
        return json_response(200, {"users": []} if body is None else body, **headers)

    answers[:] = [users(40)]
    client.databases.users.list("ab7bb7a")
    answers[:] = [users(None) for _ in range(100)]  # more than are ever kept unread
    for _ in range(100):
        client.databases.users.list("ab7bb7a")
    assert client.rate_limit == dodb.RateLimit(remaining=40)

    answers[:] = [users(remaining) for remaining in range(39, -1, -1)]  # 39 down to 0
    for _ in range(40):
        client.databases.users.list("ab7bb7a")
    assert client.rate_limit == dodb.RateLimit(remaining=0)

    answers[:] = [users(7, body={"users": "not a list"})]
    with pytest.raises(dodb.APIResponseValidationError):
        client.databases.users.list("ab7bb7a")
    assert client.rate_limit == dodb.RateLimit(remaining=7)


def test_seconds_until_reset() -> None:
    rate = dodb.RateLimit(reset_at=1000)
    assert rate.seconds_until_reset(now=990.5) == 9.5
    assert rate.seconds_until_reset(now=2000) == 0.0
    assert dodb.RateLimit().seconds_until_reset() is None


def test_last_response_gives_status_headers_and_parsed_body() -> None:
    client, _ = sync_client(
        lambda r: json_response(201, USER, **{"x-request-id": "req-1", "ratelimit-remaining": "41"})
    )
    assert client.last_response is None
    user = client.databases.users.add("ab7bb7a", "app-01")
    last = client.last_response
    assert last is not None
    assert last.status_code == 201
    assert last.headers["x-request-id"] == "req-1"
    assert last.request_id == "req-1"
    assert last.parsed is user
    assert last.rate_limit == dodb.RateLimit(remaining=41)
    assert last.attempts == 1
    assert "jge5lfxtzhx42iff" not in repr(last)


def _found_then_missing(request: httpx.Request) -> httpx.Response:
    if request.url.path.endswith("/gone"):
        return json_response(404, {"id": "not_found", "message": "no such user"})
    return json_response(200, {"user": {"name": "here"}})


def test_last_response_is_none_after_a_failed_call_never_the_call_before() -> None:
    client, _ = sync_client(_found_then_missing)
    client.databases.users.get("c", "here")
    assert client.last_response is not None
    with pytest.raises(dodb.NotFoundError) as caught:
        client.databases.users.get("c", "gone")
    assert client.last_response is None  # not the 200 before it
    assert caught.value.status_code == 404  # what came back is on the error
    client.databases.users.get("c", "here")
    assert client.last_response is not None
    assert client.last_response.status_code == 200


@pytest.mark.anyio
async def test_async_last_response_is_none_after_a_failed_call() -> None:
    client, _ = async_client(_found_then_missing)
    await client.databases.users.get("c", "here")
    assert client.last_response is not None
    with pytest.raises(dodb.NotFoundError):
        await client.databases.users.get("c", "gone")
    assert client.last_response is None
    await client.databases.users.get("c", "here")
    assert client.last_response is not None
    assert client.last_response.status_code == 200


@pytest.mark.anyio
async def test_async_last_response_is_per_task() -> None:
    import asyncio

    def handler(request: httpx.Request) -> httpx.Response:
        name = request.url.path.rsplit("/", 1)[1]
        return json_response(200, {"user": {"name": name}}, **{"x-request-id": name})

    client, _ = async_client(handler)

    async def one(name: str) -> str | None:
        await client.databases.users.get("c", name)
        await asyncio.sleep(0)
        last = client.last_response
        return last.request_id if last else None

    results = await asyncio.gather(*(one(f"user-{i}") for i in range(20)))
    assert results == [f"user-{i}" for i in range(20)]


@pytest.mark.anyio
async def test_async_last_response_goes_when_its_task_is_done() -> None:
    """Kept per task, not for the client's life: once the task is done, its last
    response (and any password in it) is no longer held."""
    import asyncio
    import gc
    import weakref

    client, _ = async_client(lambda request: json_response(200, {"user": {"name": "u"}}))

    async def one() -> weakref.ref[httpx.Response]:
        await client.databases.users.get("c", "u")
        last = client.last_response
        assert last is not None
        assert last.http_response is not None
        return weakref.ref(last.http_response)

    kept = await asyncio.create_task(one())
    await asyncio.sleep(0)  # the finished task's callbacks run
    gc.collect()
    assert kept() is None
    assert client.last_response is None  # this task made no call


@pytest.mark.anyio
async def test_async_errors_match_sync_errors() -> None:
    client, _ = async_client(answer(502, HTML), max_retries=0)
    with pytest.raises(dodb.InternalServerError, match="not JSON"):
        await client.databases.users.get("c", "u")

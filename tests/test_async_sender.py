"""AsyncClient's default aiohttp sender behaves exactly like the httpx path, over real sockets."""

from __future__ import annotations

import asyncio
import gzip
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import aiohttp
import httpx
import pytest

import dodb
from dodb._aiohttp import AiohttpSender, _transport_error, attempt_seconds
from dodb.emulator import Emulator
from tests.conftest import TOKEN
from tests.support.served import free_port

SEEN: list[dict[str, str]] = []


class GzipAPI(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        SEEN.append({k.lower(): v for k, v in self.headers.items()})
        body = gzip.compress(json.dumps({"user": {"name": "zipped", "role": "normal"}}).encode())
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-encoding", "gzip")
        self.send_header("content-length", str(len(body)))
        self.send_header("RateLimit-Remaining", "12")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def gzip_api() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), GzipAPI)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def served() -> Iterator[tuple[Emulator, str]]:
    emulator = Emulator()
    with emulator.running() as url:
        yield emulator, url


def test_async_client_sends_through_aiohttp_by_default() -> None:
    client = dodb.AsyncClient(TOKEN)
    assert isinstance(client._http, AiohttpSender)
    own = httpx.AsyncClient()
    assert dodb.AsyncClient(TOKEN, http_client=own)._http is own


@pytest.mark.anyio
async def test_results_errors_and_rate_limits_match_the_httpx_path(
    served: tuple[Emulator, str],
) -> None:
    emulator, url = served
    async with (
        dodb.AsyncClient(TOKEN, base_url=url) as fast,
        dodb.AsyncClient(TOKEN, base_url=url, http_client=httpx.AsyncClient()) as plain,
    ):
        for client, name in ((fast, "fast"), (plain, "plain")):
            added = await client.databases.add_user("ab7bb7a", {"name": name})
            assert (
                added["user"]["password"]
                == emulator.store.clusters["ab7bb7a"].users[name]["password"]
            )
            typed = await client.databases.users.get("ab7bb7a", name)
            assert typed.name == name
            assert client.rate_limit is not None
            assert client.rate_limit.limit == 5000
            last = client.last_response
            assert last is not None
            assert last.status_code == 200
            assert last.request_id is not None
            assert last.request_id == last.headers["x-request-id"]
            with pytest.raises(dodb.NotFoundError) as info:
                await client.databases.users.get("ab7bb7a", "nobody")
            error = info.value
            assert error.error_id == "not_found"
            assert error.request_id == error.response.headers["x-request-id"]
            assert error.response.request.method == "GET"
            assert str(error.response.request.url) == f"{url}/v2/databases/ab7bb7a/users/nobody"
        await plain._http.aclose()


@pytest.mark.anyio
async def test_the_aiohttp_senders_answers_behave_as_httpx_responses(
    served: tuple[Emulator, str],
) -> None:
    """Made without httpx's constructor (headers and request built when read), they still
    answer everything an httpx.Response does, the same as the httpx path's."""
    import pickle

    _, url = served
    async with (
        dodb.AsyncClient(TOKEN, base_url=url) as fast,
        dodb.AsyncClient(TOKEN, base_url=url, http_client=httpx.AsyncClient()) as plain,
    ):
        answers = []
        for client in (fast, plain):
            await client.databases.users.get("ab7bb7a", "doadmin")
            last = client.last_response
            assert last is not None
            assert last.http_response is not None
            answers.append(last.http_response)
            with pytest.raises(dodb.NotFoundError) as info:
                await client.databases.users.get("ab7bb7a", "nobody")
            with pytest.raises(httpx.HTTPStatusError, match="404"):
                info.value.response.raise_for_status()
        await plain._http.aclose()
    ours, theirs = answers
    assert type(ours) is not type(theirs)  # the aiohttp sender's own kind of response
    for response in answers:
        assert response.raise_for_status() is response
        assert response.headers["content-type"].startswith("application/json")
        assert response.json() == json.loads(response.text)
        assert response.json()["user"]["name"] == "doadmin"
        assert (response.reason_phrase, response.http_version) == ("OK", "HTTP/1.1")
        assert response.is_success
        assert response.request.method == "GET"
        assert response.request.url.path == "/v2/databases/ab7bb7a/users/doadmin"
        assert b"".join(response.iter_bytes()) == response.content
        back = pickle.loads(pickle.dumps(response))
        assert (back.status_code, back.content) == (200, response.content)
        assert back.headers["content-type"] == response.headers["content-type"]


@pytest.mark.anyio
async def test_gzip_bodies_are_decoded_and_headers_are_dodbs(gzip_api: str) -> None:
    SEEN.clear()
    async with dodb.AsyncClient(TOKEN, base_url=gzip_api) as client:
        user = await client.databases.users.get("c", "zipped")
    assert user.name == "zipped"
    assert client.rate_limit == dodb.RateLimit(remaining=12)
    (headers,) = SEEN
    assert headers["authorization"] == f"Bearer {TOKEN}"
    assert headers["user-agent"] == f"dodb/{dodb.__version__}"
    assert headers["accept"] == "application/json"


def test_one_client_serves_several_event_loops(served: tuple[Emulator, str]) -> None:
    _, url = served
    client = dodb.AsyncClient(TOKEN, base_url=url)
    for name in ("first-loop", "second-loop"):
        assert asyncio.run(client.databases.users.add("ab7bb7a", name)).name == name
    asyncio.run(client.close())
    assert client._http.is_closed


@pytest.mark.anyio
async def test_refused_connections_are_retried_and_reported() -> None:
    async with dodb.AsyncClient(
        TOKEN, base_url=f"http://127.0.0.1:{free_port()}", max_retries=2
    ) as client:
        client._sleep = lambda seconds: asyncio.sleep(0)
        with pytest.raises(dodb.APIConnectionError) as info:
            await client.databases.users.add("ab7bb7a", "x")
    assert info.value.attempts == 3
    assert isinstance(info.value.__cause__, httpx.ConnectError)
    assert client.stats.requests == 3


@pytest.mark.anyio
async def test_a_closed_client_refuses_to_send(served: tuple[Emulator, str]) -> None:
    _, url = served
    client = dodb.AsyncClient(TOKEN, base_url=url)
    await client.close()
    with pytest.raises(RuntimeError, match="closed"):
        await client.databases.users.list("ab7bb7a")


class _Key:
    def __init__(self) -> None:
        self.host, self.port, self.ssl = "127.0.0.1", 1, None


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (aiohttp.ConnectionTimeoutError("connect timed out"), httpx.ConnectTimeout),
        (aiohttp.ClientConnectorError(_Key(), OSError(111, "refused")), httpx.ConnectError),  # type: ignore[arg-type]
        (aiohttp.SocketTimeoutError("read timed out"), httpx.ReadTimeout),
        (TimeoutError(), httpx.ReadTimeout),
        (aiohttp.ServerDisconnectedError(), httpx.RemoteProtocolError),
        (aiohttp.ClientPayloadError("truncated"), httpx.RemoteProtocolError),
        (aiohttp.ClientOSError(104, "reset"), httpx.ReadError),
        (aiohttp.ClientError("other"), httpx.TransportError),
    ],
)
def test_aiohttp_errors_map_to_the_httpx_errors_that_mean_the_same(
    error: BaseException, expected: type[httpx.TransportError]
) -> None:
    mapped = _transport_error(error)
    assert type(mapped) is expected
    # Only a failure to connect means "surely not sent", as the retry plan assumes.
    not_sent = isinstance(mapped, httpx.ConnectError | httpx.ConnectTimeout)
    assert not_sent == isinstance(
        error, aiohttp.ClientConnectorError | aiohttp.ConnectionTimeoutError
    )


def test_each_attempt_is_bounded_by_its_own_calls_settings() -> None:
    """`with_options` copies share the sender: each call's own timeout and deadline bound
    its attempt, whatever the call before had."""
    import math

    base, short = httpx.Timeout(5.0), httpx.Timeout(5.0, connect=1.0, read=2.0)
    assert attempt_seconds(base, math.inf) == 10.0
    assert attempt_seconds(short, math.inf) == 3.0
    assert attempt_seconds(base, 4.0) == 4.0  # the deadline nearer than connect + read
    assert attempt_seconds(httpx.Timeout(None), 7.5) == 7.5
    assert attempt_seconds(httpx.Timeout(None), math.inf) == math.inf  # then nothing to watch
    sender = AiohttpSender()
    # aiohttp's own timer bounds only a new connection, by the call's `connect`.
    first, other = sender._connect_timer(1.0), sender._connect_timer(5.0)
    assert (first.total, first.sock_connect, other.sock_connect) == (None, 1.0, 5.0)
    assert sender._connect_timer(1.0) is first

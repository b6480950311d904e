"""Regression tests for what an adversarial review found: leaks of memory and of the token."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import dodb
from dodb.emulator import Emulator

SHORT_LIVED_CLIENTS = textwrap.dedent(
    """
    import asyncio, gc, json, weakref
    import httpx, dodb

    USER = {"user": {"name": "u", "role": "normal", "password": "p" * 16}}
    httpx.HTTPTransport.handle_request = lambda self, request: httpx.Response(200, json=USER)

    def rss_mb():
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * 4096 / 2**20

    def one_client():
        client = dodb.Client("t")          # its own connection pool and TLS context
        client.databases.users.get("c", "u")
        response = weakref.ref(client.last_response.http_response)
        client.close()
        return response

    one_client()  # warm up: imports, first allocations
    gc.collect()
    before = rss_mb()
    responses = [one_client() for _ in range(1500)]
    gc.collect()
    after = rss_mb()

    async def in_one_long_task():
        refs = []
        for _ in range(300):
            http = httpx.AsyncClient(transport=httpx.MockTransport(lambda r: httpx.Response(200, json=USER)))
            client = dodb.AsyncClient("t", http_client=http)
            await client.databases.users.get("c", "u")
            refs.append(weakref.ref(client.last_response.http_response))
            await http.aclose()
        return refs

    async_refs = asyncio.run(in_one_long_task())
    gc.collect()
    print(json.dumps({
        "growth_mb": after - before,
        "alive": sum(r() is not None for r in responses),
        "async_alive": sum(r() is not None for r in async_refs),
    }))
    """
)


@pytest.mark.slow
def test_short_lived_clients_leave_nothing_behind() -> None:
    import json

    out = subprocess.run(
        [sys.executable, "-c", SHORT_LIVED_CLIENTS], capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-3000:]
    figures = json.loads(out.stdout)
    assert figures["alive"] == 0  # no response (nor the password in it) outlives its client
    assert figures["async_alive"] == 0
    assert figures["growth_mb"] < 60, figures


def test_last_response_is_per_thread_and_dies_with_the_client() -> None:
    import gc
    import weakref

    emulator = Emulator()
    client = emulator.client()
    client.databases.users.list("ab7bb7a")
    seen: list[object] = []

    def look(other: dodb.Client) -> None:
        seen.append(other.last_response)

    thread = threading.Thread(target=look, args=(client,))
    thread.start()
    thread.join()
    assert seen == [None]  # another thread has made no call
    assert client.last_response is not None
    last = weakref.ref(client.last_response.http_response)
    del client
    gc.collect()
    assert last() is None
    emulator.close()


@pytest.fixture
def recording_proxy() -> Iterator[tuple[str, list[bytes]]]:
    """A TCP server that records whatever is sent to it and answers 502."""
    received: list[bytes] = []
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(1)
                with contextlib.suppress(TimeoutError):
                    received.append(conn.recv(65536))
                conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", received
    stop.set()
    thread.join()
    server.close()


@pytest.mark.parametrize("variable", ["HTTP_PROXY", "http_proxy", "ALL_PROXY"])
def test_the_token_never_goes_to_a_proxy_for_a_plain_http_api(
    monkeypatch: pytest.MonkeyPatch, recording_proxy: tuple[str, list[bytes]], variable: str
) -> None:
    proxy, received = recording_proxy
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(variable, proxy)
    with Emulator() as emulator, emulator.running() as url:
        client = dodb.Client("secret-token-abcdef", base_url=url, max_retries=0)
        users = client.databases.users.list("ab7bb7a")
        assert [u.name for u in users] == ["doadmin"]  # straight to the loopback API
    assert received == []


# One URL encoder for both senders -------------------------------------------------------

NAMES = ["a;b=c@d", "x+y", "q!$&'()*,:", "ünï"]


async def _request_lines(names: list[str], use_async: bool) -> list[str]:
    import asyncio

    lines: list[str] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        data = await reader.readuntil(b"\r\n\r\n")
        lines.append(data.split(b"\r\n")[0].decode())
        writer.write(b"HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 2\r\n\r\n{}")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    if use_async:
        async with dodb.AsyncClient("t", base_url=url, max_retries=0) as client:
            for name in names:
                with contextlib.suppress(dodb.NotFoundError):
                    await client.databases.users.get("ab7bb7a", name)
    else:
        sync = dodb.Client("t", base_url=url, max_retries=0)

        def run_all() -> None:
            for name in names:
                with contextlib.suppress(dodb.NotFoundError):
                    sync.databases.users.get("ab7bb7a", name)

        await asyncio.get_running_loop().run_in_executor(None, run_all)
    server.close()
    return lines


def test_both_senders_send_the_same_request_line_for_reserved_characters() -> None:
    import asyncio
    from urllib.parse import quote

    sync_lines = asyncio.run(_request_lines(NAMES, use_async=False))
    async_lines = asyncio.run(_request_lines(NAMES, use_async=True))
    expected = [f"GET /v2/databases/ab7bb7a/users/{quote(n, safe='')} HTTP/1.1" for n in NAMES]
    assert sync_lines == expected
    assert async_lines == expected


def test_the_async_senders_errors_do_not_chain_aiohttps_request_details() -> None:
    import asyncio

    async def go() -> BaseException:
        async with dodb.AsyncClient(
            "tok-secret-0123456789", base_url="http://127.0.0.1:1", max_retries=0
        ) as client:
            try:
                await client.databases.users.list("c")
            except dodb.APIConnectionError as exc:
                return exc
        raise AssertionError("no error")

    error = asyncio.run(go())
    chain = []
    link: BaseException | None = error
    while link is not None:
        chain.append(link)
        link = link.__cause__ or link.__context__
    assert not any("aiohttp" in type(e).__module__ for e in chain)
    assert all("tok-secret" not in repr(e) and "tok-secret" not in repr(e.args) for e in chain)


# Settings that cannot work are refused at construction -------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"timeout": float("inf")}, "timeout must be a positive number"),
        ({"timeout": float("nan")}, "timeout must be a positive number"),
        ({"deadline": float("inf")}, "deadline must be a positive number"),
        ({"deadline": float("nan")}, "deadline must be a positive number"),
    ],
)
def test_infinite_or_nan_settings_are_refused(options: dict[str, float], message: str) -> None:
    import httpx

    with pytest.raises(dodb.ConfigurationError, match=message):
        dodb.Client("t", **options)
    with pytest.raises(dodb.ConfigurationError, match="finite"):
        dodb.Client("t", timeout=httpx.Timeout(5.0, read=float("inf")))


@pytest.mark.parametrize("token", ["tökén-secret", "\ufefftoken-secret", "token-sécret"])
def test_a_token_that_no_header_can_carry_is_refused_without_showing_it(token: str) -> None:
    with pytest.raises(dodb.ConfigurationError, match="token must be ASCII text") as info:
        dodb.Client(token)
    assert "secret" not in str(info.value)
    assert "secret" not in repr(info.value)


# Errors travel between processes, without the token --------------------------------------


def _raise_not_found() -> None:
    import httpx

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            404, json={"id": "not_found", "message": "gone"}, headers={"x-request-id": "r1"}
        )

    http = httpx.Client(transport=httpx.MockTransport(handler))
    dodb.Client("tok-secret-0123456789", http_client=http).databases.users.get("c", "u")


def test_errors_pickle_to_the_same_type_and_fields_without_the_token() -> None:
    import pickle

    with pytest.raises(dodb.NotFoundError) as info:
        _raise_not_found()
    data = pickle.dumps(info.value)
    assert b"tok-secret" not in data
    back = pickle.loads(data)
    assert type(back) is dodb.NotFoundError
    assert (back.status_code, back.error_id, back.message, back.request_id, back.attempts) == (
        404,
        "not_found",
        "gone",
        "r1",
        1,
    )
    assert str(back) == str(info.value)
    assert back.response is None


@pytest.mark.slow
def test_an_error_raised_in_a_process_pool_arrives_as_itself() -> None:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1) as pool:
        future = pool.submit(_raise_not_found)
        with pytest.raises(dodb.NotFoundError, match="gone"):
            future.result(timeout=60)


def test_last_response_pickles_without_the_token() -> None:
    import pickle

    emulator = Emulator()
    client = emulator.client("tok-secret-0123456789")
    client.databases.users.list("ab7bb7a")
    data = pickle.dumps(client.last_response)
    assert b"tok-secret" not in data
    back = pickle.loads(data)
    assert back.status_code == 200
    assert back.http_response is None
    last = client.last_response
    assert last is not None
    for field in ("status_code", "headers", "parsed", "rate_limit", "request_id", "attempts"):
        assert getattr(back, field) == getattr(last, field)  # every other field kept
    emulator.close()


# The emulator: API-shaped answers to anything --------------------------------------------


def _raw(emulator: Emulator, method: str, path: str, **kwargs: object) -> Any:
    import asyncio

    import httpx

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=emulator.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as http:
            return await http.request(method, path, headers={"authorization": "Bearer t"}, **kwargs)  # type: ignore[arg-type]

    return asyncio.run(go())


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"per_minute": 0}, "per_minute must be a whole number of at least 1, not 0"),
        ({"per_hour": -5}, "per_hour must be a whole number of at least 1, not -5"),
    ],
)
def test_the_emulator_refuses_limits_that_cannot_work(
    options: dict[str, int], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        Emulator(**options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--per-minute", "0"], "--per-minute must be a whole number of at least 1, not 0"),
        (["--port", "70000"], "a port is 0 to 65535, not 70000"),
    ],
)
def test_the_emulator_command_refuses_bad_settings_in_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    from dodb.cli import main

    try:
        code = main(["emulator", *args])
    except SystemExit as stop:  # argparse's own usage error
        code = int(stop.code or 0)
    assert code == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_nested_json_and_oversized_bodies_get_json_errors() -> None:
    emulator = Emulator()
    nested = _raw(emulator, "POST", "/v2/databases/ab7bb7a/users", content=b"[" * 20_000)
    assert nested.status_code == 400
    assert nested.json()["id"] == "bad_request"
    big = _raw(
        emulator,
        "POST",
        "/v2/databases/ab7bb7a/users",
        content=b'{"name": "' + b"x" * 200_000 + b'"}',
    )
    assert big.status_code == 413
    assert big.json()["id"] == "request_entity_too_large"


def test_rotating_tokens_keep_the_limiters_state_bounded() -> None:
    from dodb.emulator._ratelimit import MAX_TOKENS, RateLimiter

    limiter = RateLimiter()
    for i in range(3 * MAX_TOKENS):
        limiter.check(f"token-{i}")
    assert len(limiter._hour) <= MAX_TOKENS
    assert len(limiter._minute) <= MAX_TOKENS
    assert limiter.check("token-2999").remaining == 4998  # the most recent are remembered


def test_the_primary_user_cannot_be_deleted() -> None:
    emulator = Emulator()
    client = emulator.client()
    with pytest.raises(dodb.UnprocessableEntityError, match="primary user"):
        client.databases.users.delete("ab7bb7a", "doadmin")
    assert "doadmin" in emulator.store.clusters["ab7bb7a"].users
    emulator.close()


# Every failure is a DodbError, and the deadline holds ------------------------------------


async def _serve_raw(
    answer: bytes, trickle: float = 0.0, *, trickle_head: bool = False
) -> tuple[Any, str]:
    import asyncio

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(Exception):
            await reader.readuntil(b"\r\n\r\n")
            if trickle_head:
                for byte in answer:  # the status line and headers too, a byte at a time
                    writer.write(bytes([byte]))
                    await writer.drain()
                    await asyncio.sleep(trickle)
            elif trickle:
                head, _, body = answer.partition(b"\r\n\r\n")
                writer.write(head + b"\r\n\r\n")  # at once; then the body a byte at a time
                for byte in body:
                    writer.write(bytes([byte]))
                    await writer.drain()
                    await asyncio.sleep(trickle)
            else:
                writer.write(answer)
                await writer.drain()
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    return server, f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"


def _answer(body: bytes, *headers: str) -> bytes:
    head = "\r\n".join(
        ["HTTP/1.1 200 OK", "connection: close", f"content-length: {len(body)}", *headers]
    )
    return head.encode() + b"\r\n\r\n" + body


@pytest.mark.slow
def test_the_async_deadline_holds_against_a_server_that_trickles() -> None:
    import asyncio
    import time

    async def go() -> float:
        server, url = await _serve_raw(_answer(b'{"users": []}' + b" " * 100), trickle=0.2)
        started = time.monotonic()
        async with dodb.AsyncClient("t", base_url=url, deadline=1.0, max_retries=0) as client:
            with pytest.raises(dodb.APITimeoutError):
                await client.databases.users.list("c")
        server.close()
        return time.monotonic() - started

    assert asyncio.run(go()) < 2.0


@pytest.mark.slow
def test_an_async_attempt_on_the_default_sender_is_bounded_by_connect_plus_read() -> None:
    """One bound per attempt on the aiohttp sender: a body trickled a byte every 0.1 s
    never leaves a read idle for 0.5 s, yet the attempt ends after connect + read
    (1 s here), long before the 30 s deadline."""
    import asyncio
    import time

    async def go() -> float:
        server, url = await _serve_raw(_answer(b'{"users": []}' + b" " * 100), trickle=0.1)
        started = time.monotonic()
        async with dodb.AsyncClient(
            "t", base_url=url, timeout=httpx.Timeout(0.5), deadline=30.0, max_retries=0
        ) as client:
            with pytest.raises(dodb.APITimeoutError, match="ReadTimeout"):
                await client.databases.users.list("c")
        server.close()
        return time.monotonic() - started

    assert 0.9 < asyncio.run(go()) < 2.5


@pytest.mark.slow
def test_the_in_process_emulator_honours_timeouts_and_the_deadline() -> None:
    import asyncio
    import time

    from dodb.emulator import Faults

    emulator = Emulator(faults=Faults(latency=5))
    started = time.monotonic()
    with pytest.raises(dodb.APITimeoutError):
        emulator.client(deadline=1, max_retries=0).databases.users.list("ab7bb7a")
    assert time.monotonic() - started < 2.5

    async def go() -> None:
        async with emulator.async_client(deadline=1, max_retries=0) as client:
            await client.databases.users.list("ab7bb7a")

    started = time.monotonic()
    with pytest.raises(dodb.APITimeoutError):
        asyncio.run(go())
    assert time.monotonic() - started < 2.5
    emulator.close()


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (_answer(b"not gzip at all", "content-encoding: gzip"), dodb.APIConnectionError),
        (
            _answer(b"[" * 5000 + b"]" * 5000, "content-type: application/json"),
            dodb.APIResponseValidationError,
        ),
    ],
    ids=["bad-gzip", "deeply-nested-json"],
)
@pytest.mark.parametrize("use_async", [False, True], ids=["sync", "async"])
def test_odd_bodies_raise_dodb_errors(
    answer: bytes, error: type[Exception], use_async: bool
) -> None:
    import asyncio

    async def go() -> None:
        server, url = await _serve_raw(answer)
        try:
            if use_async:
                async with dodb.AsyncClient("t", base_url=url, max_retries=0) as client:
                    await client.databases.users.list("c")
            else:
                client = dodb.Client("t", base_url=url, max_retries=0)
                await asyncio.get_running_loop().run_in_executor(
                    None, client.databases.users.list, "c"
                )
        finally:
            server.close()

    with pytest.raises(error):
        asyncio.run(go())


def test_absurd_rate_limit_numbers_are_taken_as_absent() -> None:
    from dodb import RateLimit

    rate = RateLimit.from_headers(
        {"ratelimit-reset": "9" * 400, "ratelimit-limit": "5000", "retry-after": "1e400"}
    )
    assert rate is not None
    assert (rate.limit, rate.reset_at, rate.retry_after) == (5000, None, None)


def test_a_closed_client_says_so() -> None:
    import asyncio

    client = dodb.Client("t")
    client.close()
    with pytest.raises(dodb.ClientStateError, match="closed"):
        client.databases.users.list("c")

    async def go() -> None:
        async_client = dodb.AsyncClient("t")
        await async_client.close()
        await async_client.databases.users.list("c")

    with pytest.raises(dodb.ClientStateError, match="closed"):
        asyncio.run(go())


def test_a_callers_closed_httpx_client_says_so_too() -> None:
    """The check sits with each sender: a caller's httpx client, closed, is refused
    by dodb before httpx is asked, with dodb's error and nothing sent."""
    import asyncio

    import httpx

    http = httpx.Client()
    http.close()
    with pytest.raises(dodb.ClientStateError, match="closed"):
        dodb.Client("t", http_client=http, max_retries=0).databases.users.list("c")

    async def go() -> None:
        async_http = httpx.AsyncClient()
        await async_http.aclose()
        client = dodb.AsyncClient("t", http_client=async_http, max_retries=0)
        await client.databases.users.list("c")

    with pytest.raises(dodb.ClientStateError, match="closed"):
        asyncio.run(go())


def test_one_async_client_in_two_event_loops_is_a_clear_error() -> None:
    import asyncio

    emulator = Emulator()
    with emulator.running() as url:
        client = dodb.AsyncClient("t", base_url=url)
        loop = asyncio.new_event_loop()
        loop.run_until_complete(client.databases.users.list("ab7bb7a"))
        with pytest.raises(dodb.ClientStateError, match="one client per loop"):
            asyncio.run(client.databases.users.list("ab7bb7a"))
        loop.run_until_complete(client.close())
        loop.close()


# The command line shows server-sent text safely --------------------------------------------


def test_the_cli_shows_server_sent_text_safely(capsys: pytest.CaptureFixture[str]) -> None:
    from dodb.cli import main

    emulator = Emulator()
    evil = "x\x1b]0;pwned\x07\x1b[31m"
    emulator.store.clusters["ab7bb7a"].users[evil] = {"name": evil, "role": "normal"}
    with emulator.running() as url:
        assert main(["users", "--token", "t", "--api-url", url, "list", "ab7bb7a"]) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out
        assert "\\x1b]0;pwned\\x07" in out

        long_message = "line one\nline two " + "y" * 5_000_000
        emulator.store.clusters["ab7bb7a"].spec = emulator.store.clusters[
            "ab7bb7a"
        ].spec  # unchanged
        from dodb.emulator import _state

        original = _state.not_found
        _state.not_found = lambda: _state.ApiError(404, "not_found", long_message)  # type: ignore[assignment]
        try:
            code = main(["users", "--token", "t", "--api-url", url, "get", "ab7bb7a", "nobody"])
        finally:
            _state.not_found = original  # type: ignore[assignment]
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1
    assert len(err) <= 520
    assert "line one\\x0aline two" in err


def _gzip_bomb(size: int) -> bytes:
    import gzip

    return gzip.compress(b"{" + b" " * size + b"}", compresslevel=9)


@pytest.mark.slow
@pytest.mark.parametrize("use_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("what", ["plain", "gzip-bomb"])
def test_answers_past_the_size_limit_are_refused(what: str, use_async: bool) -> None:
    import asyncio
    import resource

    if what == "plain":
        answer = _answer(b'{"users": []' + b" " * 3_000_000 + b"}")
    else:
        answer = _answer(_gzip_bomb(300_000_000), "content-encoding: gzip")

    async def go() -> None:
        server, url = await _serve_raw(answer)
        try:
            options = {"max_retries": 0, "max_response_size": 1_000_000}
            if use_async:
                async with dodb.AsyncClient("t", base_url=url, **options) as client:
                    await client.databases.users.list("c")
            else:
                client = dodb.Client("t", base_url=url, **options)
                await asyncio.get_running_loop().run_in_executor(
                    None, client.databases.users.list, "c"
                )
        finally:
            server.close()

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(dodb.ResponseTooLargeError, match="more than 1000000 bytes"):
        asyncio.run(go())
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 100  # the 300 MB the bomb expands to was never made


@pytest.mark.slow
@pytest.mark.parametrize("head", [False, True], ids=["body", "status-line-and-headers"])
def test_the_sync_deadline_holds_against_a_server_that_trickles(head: bool) -> None:
    """dodb's own transport bounds every socket read by the call's time left, so a
    server sending a byte every 0.2 s cannot stretch a 1 s call (per-read timeouts
    alone would let it run for the whole answer: ~25 s here)."""
    import asyncio
    import time

    async def go() -> float:
        answer = _answer(b'{"users": []}' + b" " * 100)
        server, url = await _serve_raw(answer, trickle=0.2, trickle_head=head)
        client = dodb.Client("t", base_url=url, deadline=1.0, max_retries=0)
        started = time.monotonic()
        with pytest.raises(dodb.APITimeoutError):
            await asyncio.get_running_loop().run_in_executor(None, client.databases.users.list, "c")
        server.close()
        return time.monotonic() - started

    assert asyncio.run(go()) < 2.0


def test_a_size_limit_that_cannot_work_is_refused() -> None:
    with pytest.raises(dodb.ConfigurationError, match="max_response_size"):
        dodb.Client("t", max_response_size=10)


# Bytes left over on a kept-alive connection ----------------------------------------------


def _user_answer(name: str, password: str) -> bytes:
    body = json.dumps({"user": {"name": name, "role": "normal", "password": password}}).encode()
    head = f"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {len(body)}"
    return head.encode() + b"\r\n\r\n" + body


async def _serve_with_leftovers() -> tuple[Any, str]:
    """Answers every request about user `a`, followed at once by a second, unasked
    answer about user `other`: httpx keeps those bytes and reads them as the answer
    to the next request on that connection."""
    import asyncio

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(Exception):
            while True:
                await reader.readuntil(b"\r\n\r\n")
                writer.write(_user_answer("a", "pw-a") + _user_answer("other", "pw-other"))
                await writer.drain()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    return server, f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"


def test_an_answer_about_another_user_is_refused_not_returned() -> None:
    import asyncio

    def calls(url: str) -> list[str]:
        seen = []
        with dodb.Client("t", base_url=url, max_retries=0) as client:
            assert client.databases.users.get("c", "a").name == "a"
            for call in (
                lambda: client.databases.users.get("c", "b"),
                lambda: client.databases.get_user("c", "b"),
                lambda: client.databases.users.update("c", "b", pg_allow_replication=True),
            ):
                with pytest.raises(dodb.APIResponseValidationError) as caught:
                    call()
                seen.append(str(caught.value))
        return seen

    async def go() -> list[str]:
        server, url = await _serve_with_leftovers()
        try:
            return await asyncio.get_running_loop().run_in_executor(None, calls, url)
        finally:
            server.close()

    messages = asyncio.run(go())
    assert "answered 200 about user 'other', not 'b'" in messages[0]
    assert all("not 'b'" in message for message in messages)
    assert not any("pw-" in message for message in messages)


def test_the_async_client_refuses_an_answer_about_another_user_too() -> None:
    import asyncio

    async def go() -> None:
        server, url = await _serve_with_leftovers()
        async with dodb.AsyncClient("t", base_url=url, max_retries=0) as client:
            with pytest.raises(dodb.APIResponseValidationError, match="about user 'a', not 'b'"):
                await client.databases.users.get("c", "b")
            assert (await client.databases.users.get("c", "A")).name == "a"  # case folded
        server.close()

    asyncio.run(go())

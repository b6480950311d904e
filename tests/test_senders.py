"""Every sender behaves the same: both clients, dodb's own HTTP stack and a caller's.

One raw loopback server answers with exactly the bytes a test gives it; each
test runs against all four ways a call can leave dodb: `Client` on its own
httpx client, `Client` on the caller's `httpx.Client`, `AsyncClient` on its
aiohttp sender, and `AsyncClient` on the caller's `httpx.AsyncClient`.
A check that lived on one side only would fail here for the others.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import json
import os
import socket
import socketserver
import subprocess
import sys
import textwrap
import threading
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

import dodb

SENDERS = ["sync-own", "sync-httpx", "async-aiohttp", "async-httpx"]


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    answers: list[bytes]

    def next_answer(self) -> bytes:
        return self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]


class _Handler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        server: Any = self.server
        data = b""
        with contextlib.suppress(OSError):
            while b"\r\n\r\n" not in data:
                chunk = self.request.recv(65536)
                if not chunk:
                    return
                data += chunk
            head, _, rest = data.partition(b"\r\n\r\n")
            length = next(
                (
                    int(line.split(b":", 1)[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                ),
                0,
            )
            while len(rest) < length:
                rest += self.request.recv(65536)
            self.request.sendall(server.next_answer())  # in one write
            self.request.shutdown(socket.SHUT_WR)


@contextlib.contextmanager
def serving(*answers: bytes) -> Iterator[str]:
    server = _Server(("127.0.0.1", 0), _Handler)
    server.answers = list(answers)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def answer(body: bytes, *headers: str, status: str = "200 OK") -> bytes:
    head = "\r\n".join(
        [
            f"HTTP/1.1 {status}",
            "connection: close",
            "content-type: application/json",
            f"content-length: {len(body)}",
            *headers,
        ]
    )
    return head.encode() + b"\r\n\r\n" + body


def call(kind: str, url: str, use: Callable[[Any], Any], **options: Any) -> Any:
    """Build a client of `kind` on `url`, run `use(client)` (awaited if async), close it."""
    options.setdefault("max_retries", 0)
    if kind.startswith("sync"):
        http = httpx.Client() if kind == "sync-httpx" else None
        try:
            with dodb.Client("t", base_url=url, http_client=http, **options) as client:
                return use(client)
        finally:
            if http is not None:
                http.close()

    async def go() -> Any:
        http = httpx.AsyncClient() if kind == "async-httpx" else None
        try:
            async with dodb.AsyncClient("t", base_url=url, http_client=http, **options) as client:
                return await use(client)
        finally:
            if http is not None:
                await http.aclose()

    return asyncio.run(go())


USERS = {"users": [{"name": "doadmin", "role": "primary"}, {"name": "app-01", "role": "normal"}]}


@pytest.fixture(params=SENDERS)
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_a_body_past_the_size_limit_is_refused(kind: str) -> None:
    """2,000,013 bytes against a 1,000,000-byte limit: refused by every sender (an
    AsyncClient on a caller's httpx client once accepted it)."""
    body = b'{"users": []' + b" " * 2_000_000 + b"}"
    assert len(body) == 2_000_013
    with serving(answer(body)) as url, pytest.raises(dodb.ResponseTooLargeError) as caught:
        call(kind, url, lambda c: c.databases.list_users("c"), max_response_size=1_000_000)
    assert "more than 1000000 bytes" in str(caught.value)


def test_a_body_within_the_limit_is_read_whole(kind: str) -> None:
    body = json.dumps(USERS).encode() + b" " * 900_000
    with serving(answer(body)) as url:
        found = call(kind, url, lambda c: c.databases.list_users("c"), max_response_size=1_000_000)
    assert found == USERS


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("gzip", lambda b: gzip.compress(b)),
        ("deflate", zlib.compress),
        ("deflate", lambda b: zlib.compress(b)[2:-4]),  # raw deflate, as some servers send
        ("identity", lambda b: b),
    ],
    ids=["gzip", "deflate", "raw-deflate", "identity"],
)
def test_compressed_bodies_are_decoded(
    kind: str, encoding: str, encode: Callable[[bytes], bytes]
) -> None:
    raw = json.dumps(USERS).encode()
    with serving(answer(encode(raw), f"content-encoding: {encoding}")) as url:
        users = call(kind, url, lambda c: c.databases.users.list("c"))
    assert [u.name for u in users] == ["doadmin", "app-01"]


def test_a_body_that_does_not_decode_is_a_dodb_error(kind: str) -> None:
    with (
        serving(answer(b"not gzip at all", "content-encoding: gzip")) as url,
        pytest.raises(dodb.APIConnectionError, match="undecodable body"),
    ):
        call(kind, url, lambda c: c.databases.list_users("c"))


def test_an_encoding_dodb_did_not_ask_for_is_a_dodb_error(kind: str) -> None:
    with (
        serving(answer(b"\x00\x01", "content-encoding: br")) as url,
        pytest.raises(dodb.APIConnectionError, match="unsupported content-encoding 'br'"),
    ):
        call(kind, url, lambda c: c.databases.list_users("c"))


def test_every_sender_asks_only_for_what_the_body_reader_decodes(kind: str) -> None:
    seen: list[bytes] = []

    class Recording(_Handler):
        def handle(self) -> None:
            seen.append(self.request.recv(65536))
            self.request.sendall(answer(json.dumps(USERS).encode()))

    server = _Server(("127.0.0.1", 0), Recording)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        call(
            kind,
            f"http://127.0.0.1:{server.server_address[1]}",
            lambda c: c.databases.list_users("c"),
        )
    finally:
        server.shutdown()
        server.server_close()
    head = seen[0].lower()
    assert b"\r\naccept-encoding: gzip, deflate\r\n" in head


def test_a_retried_503_then_success_gives_the_answer(kind: str) -> None:
    busy = answer(b'{"id": "server_error", "message": "busy"}', status="503 Service Unavailable")
    ok = answer(json.dumps(USERS).encode())
    with serving(busy, ok) as url:
        client_calls: list[Any] = []

        def use(client: Any) -> Any:
            client._sleep = _no_sleep(client)
            client_calls.append(client)
            return client.databases.list_users("c")

        found = call(kind, url, use, max_retries=2)
    assert found == USERS
    assert client_calls[0].stats.retries == 1


@pytest.mark.parametrize("pacing", [250, None], ids=["paced", "unpaced"])
def test_a_first_try_success_starts_no_plan_and_anything_else_goes_on_by_it(
    kind: str, pacing: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A call on its own sends its first attempt straight away; the retry plan is made
    only for an outcome that is not a success, and takes over from it."""
    from dodb import _base

    plans: list[Any] = []
    real_plan = _base.plan

    def counted(*args: Any, **kwargs: Any) -> Any:
        plans.append(kwargs.get("sent"))
        return real_plan(*args, **kwargs)

    monkeypatch.setattr(_base, "plan", counted)
    with serving(answer(json.dumps(USERS).encode())) as url:
        assert call(kind, url, lambda c: c.databases.list_users("c"), requests_per_minute=pacing)
    assert plans == []

    busy = answer(b'{"id": "server_error", "message": "busy"}', status="503 Service Unavailable")
    with serving(busy, answer(json.dumps(USERS).encode())) as url:

        def use(client: Any) -> Any:
            client._sleep = _no_sleep(client)
            return client.databases.list_users("c")

        assert call(kind, url, use, max_retries=1, requests_per_minute=pacing) == USERS
    assert len(plans) == 1
    outcome, _started = plans[0]
    assert outcome.status_code == 503  # the first attempt's, which the plan goes on from


@pytest.mark.timeout(30)
def test_a_clusters_lock_is_let_go_when_a_call_on_it_raises_on_its_first_attempt(
    kind: str,
) -> None:
    """An add holds its cluster's lock; an answer past the size limit ends it with a dodb
    error, and the next add on the cluster goes ahead (a lock kept would hang it)."""
    huge = answer(b'{"user": {"name": "app-01", "pad": "' + b"x" * 4096 + b'"}}')
    fine = answer(json.dumps({"user": {"name": "app-02", "role": "normal"}}).encode())
    with serving(huge, fine) as url:

        async def both_async(client: Any) -> Any:
            with pytest.raises(dodb.ResponseTooLargeError):
                await client.databases.add_user("c", {"name": "app-01"})
            assert not client._lock("c").locked()
            return await client.databases.add_user("c", {"name": "app-02"})

        def both(client: Any) -> Any:
            if isinstance(client, dodb.AsyncClient):
                return both_async(client)
            with pytest.raises(dodb.ResponseTooLargeError):
                client.databases.add_user("c", {"name": "app-01"})
            assert not client._lock("c").locked()
            return client.databases.add_user("c", {"name": "app-02"})

        found = call(kind, url, both, max_response_size=1024, requests_per_minute=None)
    assert found["user"]["name"] == "app-02"


def _no_sleep(client: Any) -> Any:
    if isinstance(client, dodb.Client):
        return lambda seconds: None

    async def nap(seconds: float) -> None:
        return None

    return nap


def test_an_error_status_raises_the_typed_error_with_its_fields(kind: str) -> None:
    body = b'{"id": "not_found", "message": "The resource was not found."}'
    with (
        serving(answer(body, "x-request-id: req-42", status="404 Not Found")) as url,
        pytest.raises(dodb.NotFoundError) as caught,
    ):
        call(kind, url, lambda c: c.databases.get_user("c", "nobody"))
    assert caught.value.status_code == 404
    assert caught.value.error_id == "not_found"
    assert caught.value.request_id == "req-42"


@pytest.mark.parametrize("pacing", [250, None], ids=["paced", "unpaced"])
def test_an_answer_about_another_user_is_refused(kind: str, pacing: int | None) -> None:
    """On the plan's path and on an unpaced call's first attempt, which has no plan."""
    body = json.dumps({"user": {"name": "other", "role": "normal", "password": "pw"}}).encode()
    with (
        serving(answer(body)) as url,
        pytest.raises(dodb.APIResponseValidationError, match="not 'b'") as caught,
    ):
        call(kind, url, lambda c: c.databases.users.get("c", "b"), requests_per_minute=pacing)
    assert "pw" not in str(caught.value)


# Memory: a small compressed body that expands to 256 MB -------------------------------

_BOMB_SCRIPT = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[3])
    from test_senders import answer, call, serving
    import dodb

    bomb = open(sys.argv[2], "rb").read()
    with serving(answer(bomb, "content-encoding: gzip")) as url:
        try:
            call(sys.argv[1], url, lambda c: c.databases.list_users("c"))
        except dodb.ResponseTooLargeError:
            print("refused")
    # This process's own peak (ru_maxrss would count the parent's, kept across exec).
    status = open("/proc/self/status").read()
    print(int(status.split("VmHWM:")[1].split()[0]) // 1024)
    """
)


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bomb") / "256mb.json.gz"
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    with path.open("wb") as out:
        out.write(compressor.compress(b'{"users": ['))
        spaces = b" " * (1 << 20)
        for _ in range(256):
            out.write(compressor.compress(spaces))
        out.write(compressor.compress(b"]}"))
        out.write(compressor.flush())
    return path


@pytest.mark.slow
def test_a_gzip_bomb_is_refused_without_expanding_it(kind: str, bomb: Path) -> None:
    """256 MB of JSON gzipped to a few hundred KB, sent in one write, default size limit
    (16 MiB): refused, and the process never holds the expansion (peak under 100 MB)."""
    assert bomb.stat().st_size < 1_000_000
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, "-c", _BOMB_SCRIPT, kind, str(bomb), str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    refused, peak_mb = result.stdout.split()
    assert refused == "refused"
    assert int(peak_mb) < 100, f"peak {peak_mb} MB"


def test_an_answer_too_large_reaches_the_flow_as_any_failed_call_does(kind: str) -> None:
    """A flow (ensure, apply) hears of a refused answer as of any error of its calls,
    and goes on with what it decides: nothing escapes around it."""
    from dodb import _calls as calls

    def flow() -> Any:
        try:
            yield calls.typed("databases_list_users", ("c",), {}, {})
        except dodb.ResponseTooLargeError as exc:
            return f"caught: {type(exc).__name__}"
        return "not refused"

    body = b'{"users": []' + b" " * 5_000 + b"}"
    with serving(answer(body)) as url:
        found = call(kind, url, lambda c: c._drive(flow()), max_response_size=2_000)
    assert found == "caught: ResponseTooLargeError"

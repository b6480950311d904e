"""What the clients dodb builds itself put on the wire, read off a raw loopback socket.

No httpx mock in between: the request bytes are what a server gets. Sync (dodb's own
httpx transport) and async (the aiohttp sender) alike.
"""

from __future__ import annotations

import asyncio
import json
import socketserver
import threading
from collections.abc import Iterator
from typing import Any

import pytest

import dodb

TOKEN = "wire-token-0123456789"
USER = {"user": {"name": "x", "role": "normal", "password": "pw-0123456789abcd"}}


class _Recorder(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[bytes] = []
        self.answer: bytes = b""


class _Handler(socketserver.StreamRequestHandler):
    server: _Recorder

    def handle(self) -> None:
        head = b""
        while not head.endswith(b"\r\n\r\n"):
            byte = self.rfile.read(1)
            if not byte:
                return
            head += byte
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        self.server.requests.append(head + self.rfile.read(length))
        self.wfile.write(self.server.answer)


def _answer(status: str, body: Any, *headers: str) -> bytes:
    content = json.dumps(body).encode() if body is not None else b""
    lines = [f"HTTP/1.1 {status}", "connection: close", f"content-length: {len(content)}"]
    lines += ["content-type: application/json", *headers] if body is not None else list(headers)
    return "\r\n".join(lines).encode() + b"\r\n\r\n" + content


@pytest.fixture
def server() -> Iterator[_Recorder]:
    recorder = _Recorder()
    thread = threading.Thread(target=recorder.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield recorder
    recorder.shutdown()
    recorder.server_close()


def _url(server: _Recorder) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def _call(server: _Recorder, kind: str, method: str, *args: Any, **options: Any) -> Any:
    """One call through a client dodb builds itself: `kind` is "sync" or "async"."""
    if kind == "sync":
        with dodb.Client(TOKEN, base_url=_url(server), max_retries=0, **options) as client:
            return getattr(client.databases.users, method)(*args)

    async def go() -> Any:
        async with dodb.AsyncClient(TOKEN, base_url=_url(server), max_retries=0) as client:
            return await getattr(client.databases.users, method)(*args)

    return asyncio.run(go())


def _head(raw: bytes) -> tuple[bytes, list[tuple[bytes, bytes]]]:
    lines = raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    headers = [tuple(p.strip() for p in line.split(b":", 1)) for line in lines[1:]]
    return lines[0], headers  # type: ignore[return-value]


NAMES = [
    ("a!b", "a%21b"),
    ("$&'()", "%24%26%27%28%29"),
    ("*+,;=", "%2A%2B%2C%3B%3D"),
    ("user:pass@host", "user%3Apass%40host"),
    ("100%", "100%25"),
    ("é名", "%C3%A9%E5%90%8D"),
    ("a b", "a%20b"),
    ("plain-name_1.x~", "plain-name_1.x~"),
]
"""Names with every reserved character, as one path segment: the encoding written out."""


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize(("name", "encoded"), NAMES)
def test_a_name_is_one_exactly_encoded_path_segment(
    server: _Recorder, kind: str, name: str, encoded: str
) -> None:
    server.answer = _answer("200 OK", {"user": {**USER["user"], "name": name}})
    _call(server, kind, "get", "ab7bb7a", name)
    (raw,) = server.requests
    line, _ = _head(raw)
    assert line == f"GET /v2/databases/ab7bb7a/users/{encoded} HTTP/1.1".encode()


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize(
    ("method", "args", "verb", "status"),
    [
        ("add", ("c", "x"), b"POST", "201 Created"),
        ("update", ("c", "x"), b"PUT", "201 Created"),
        ("reset_auth", ("c", "x"), b"POST", "200 OK"),
        ("get", ("c", "x"), b"GET", "200 OK"),
        ("delete", ("c", "x"), b"DELETE", "204 No Content"),
    ],
)
def test_bodies_are_json_and_the_token_is_sent_once(
    server: _Recorder, kind: str, method: str, args: tuple[str, ...], verb: bytes, status: str
) -> None:
    server.answer = _answer(status, None if verb == b"DELETE" else USER)
    if method == "update":
        with dodb.Client(TOKEN, base_url=_url(server), max_retries=0) as client:
            if kind == "sync":
                client.databases.users.update(*args, pg_allow_replication=True)
            else:

                async def go() -> None:
                    async with dodb.AsyncClient(TOKEN, base_url=_url(server)) as aclient:
                        await aclient.databases.users.update(*args, pg_allow_replication=True)

                asyncio.run(go())
    else:
        _call(server, kind, method, *args)
    (raw,) = server.requests
    line, headers = _head(raw)
    assert line.startswith(verb + b" ")
    names = [k.lower() for k, _ in headers]
    auth = [v for k, v in headers if k.lower() == b"authorization"]
    assert auth == [f"Bearer {TOKEN}".encode()]  # once, as a bearer token
    types = [v for k, v in headers if k.lower() == b"content-type"]
    if verb in (b"POST", b"PUT"):
        assert types == [b"application/json"]
        body = raw.split(b"\r\n\r\n", 1)[1]
        assert isinstance(json.loads(body), dict)
    else:
        assert b"content-type" not in names
        assert raw.endswith(b"\r\n\r\n")  # no body


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize("status", ["301 Moved Permanently", "302 Found", "307 Temporary Redirect"])
def test_a_redirect_is_an_error_and_is_never_followed(
    server: _Recorder, kind: str, status: str
) -> None:
    server.answer = _answer(status, None, "location: /v2/elsewhere")
    with pytest.raises(dodb.APIStatusError) as caught:
        _call(server, kind, "get", "c", "x")
    assert caught.value.status_code == int(status.split()[0])
    assert len(server.requests) == 1  # /v2/elsewhere was never asked for
    assert TOKEN not in str(caught.value)

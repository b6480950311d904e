"""Regression tests for what an adversarial review found: leaks of memory and of the token."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator

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

"""The sync client's own transport, whose every socket operation ends by the call's deadline.

httpx's timeouts hold per read: a server that sends one byte of its status line
every half second never trips them. Here each read, write and connect gets at
most the time the call has left, so the deadline holds through the headers as
well as the body. The deadline is per thread (`Deadline`): a client shared
by threads gives each call its own.
"""

from __future__ import annotations

import math
import ssl
import threading
import time
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

_now = threading.local()


class Deadline:
    """`with Deadline(moment):` bounds this thread's socket operations by `moment` (a
    `time.monotonic()` value)."""

    __slots__ = ("_moment", "_previous")

    def __init__(self, moment: float) -> None:
        self._moment = moment
        self._previous: float | None = None

    def __enter__(self) -> None:
        self._previous = getattr(_now, "deadline", None)
        _now.deadline = self._moment

    def __exit__(self, *exc_info: object) -> None:
        _now.deadline = self._previous


def _left(timeout: float | None, error: type[Exception]) -> float | None:
    moment: float | None = getattr(_now, "deadline", None)
    if moment is None:
        return timeout
    left = moment - time.monotonic()
    if left <= 0:
        raise error("the call's deadline passed")
    if left == math.inf:
        return timeout
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _left(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, bounded))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _left(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.connect_tcp(host, port, bounded, local_address, socket_options))

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _left(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.connect_unix_socket(path, bounded, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class DeadlineTransport(httpx.HTTPTransport):
    """httpx's own transport on a connection pool whose sockets keep the deadline.

    httpx has no public way to hand its transport a network backend, so the pool
    it built is replaced by an equal one that has ours (httpx's default limits).
    `tests/test_hardening.py` proves the deadline holds through trickled headers.
    """

    def __init__(self, *, trust_env: bool) -> None:
        # One TLS context (loading the CA bundle is most of a client's construction).
        context = httpx.create_ssl_context(trust_env=trust_env)
        super().__init__(verify=context, trust_env=trust_env)
        self._pool.close()
        self._pool = httpcore.ConnectionPool(
            ssl_context=context,
            max_connections=100,
            max_keepalive_connections=20,
            keepalive_expiry=5.0,
            network_backend=_Backend(),
        )

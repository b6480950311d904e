"""AsyncClient's default sender: aiohttp's connection pool behind httpx's types.

httpx's own async pool slows down under concurrency (encode/httpx#3215); going
through httpx.AsyncClient at all costs more CPU per call than the rest of a
call together. So by default AsyncClient sends with aiohttp and hands back
`httpx.Response` objects, raising httpx's transport errors: everything above
this module (retries, errors, models) sees httpx only. A caller who passes
their own `httpx.AsyncClient` gets httpx end to end.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Mapping
from typing import Any, Final

import aiohttp
import httpx
import yarl
from aiohttp.hdrs import CONTENT_ENCODING
from aiohttp.typedefs import RawHeaders

from ._body import BodyReader, read_whole
from ._deadlines import Deadlines
from ._errors import ClientStateError

_CONSUMED: Final = httpx.ByteStream(b"")


class _Response(httpx.Response):
    """An httpx.Response made from aiohttp's answer at little cost per call: its body is
    read and decoded already, and its headers and request are built only if someone
    asks for them (dodb itself reads `raw_headers`)."""

    def __init__(
        self, status: int, raw_headers: RawHeaders, body: bytes, method: str, url: str
    ) -> None:
        # Not httpx's __init__, which would normalise every header and wrap the body anew.
        self.status_code = status
        self.raw_headers = raw_headers
        self._headers: httpx.Headers | None = None
        self._request: httpx.Request | None = None
        self._method, self._url = method, url
        self.next_request = None
        self._extensions: dict[str, Any] | None = None
        self._history: list[httpx.Response] | None = None
        self.is_closed = True
        self.is_stream_consumed = True
        self.default_encoding = "utf-8"
        self.stream = _CONSUMED  # read already: httpx never turns to the stream again
        self._num_bytes_downloaded = len(body)
        self._content = body

    @property
    def headers(self) -> httpx.Headers:
        if self._headers is None:
            self._headers = httpx.Headers(list(self.raw_headers))
        return self._headers

    @headers.setter
    def headers(self, value: httpx.Headers) -> None:
        self._headers = httpx.Headers(value)

    @property
    def extensions(self) -> dict[str, Any]:
        if self._extensions is None:
            self._extensions = {}
        return self._extensions

    @extensions.setter
    def extensions(self, value: dict[str, Any]) -> None:
        self._extensions = value

    @property
    def history(self) -> list[httpx.Response]:
        if self._history is None:
            self._history = []
        return self._history

    @history.setter
    def history(self, value: list[httpx.Response]) -> None:
        self._history = value

    @property
    def request(self) -> httpx.Request:
        if self._request is None:
            self._request = httpx.Request(self._method, self._url)
        return self._request

    @request.setter
    def request(self, value: httpx.Request) -> None:
        self._request = value

    def raise_for_status(self) -> httpx.Response:
        self.request  # noqa: B018 - httpx reads `_request` directly: build it first
        return super().raise_for_status()


def _transport_error(exc: BaseException) -> httpx.TransportError:
    """aiohttp's error as the httpx error that means the same thing."""
    text = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return httpx.ConnectTimeout(text)
    if isinstance(exc, aiohttp.ClientConnectorError):
        return httpx.ConnectError(text)  # no connection: nothing was sent
    if isinstance(exc, aiohttp.ServerTimeoutError | asyncio.TimeoutError):
        return httpx.ReadTimeout(text)
    if isinstance(exc, aiohttp.ServerDisconnectedError | aiohttp.ClientPayloadError):
        return httpx.RemoteProtocolError(text)
    if isinstance(exc, aiohttp.ClientResponseError):
        return httpx.RemoteProtocolError(text)
    if isinstance(exc, aiohttp.ClientOSError):
        return httpx.ReadError(text)
    return httpx.TransportError(text)


def _expired(exc: BaseException, seconds: float) -> httpx.TimeoutException:
    """The error of an attempt its deadline ended: a connect timeout (nothing was sent)
    if it was still getting a connection, from the pool or a new one, else a read
    timeout. (As with aiohttp's own timers: aiohttp sends an idempotent request again
    on a new connection when a kept-alive one turns out closed, so a first copy may
    have gone out before such a connect timeout.)"""
    trace = exc.__traceback__
    while trace is not None:
        if trace.tb_frame.f_globals.get("__name__") == "aiohttp.connector":
            return httpx.ConnectTimeout(f"no connection within the attempt's {seconds:g} s")
        trace = trace.tb_next
    return httpx.ReadTimeout(f"no whole answer within the attempt's {seconds:g} s")


def attempt_seconds(timeout: httpx.Timeout, budget: float) -> float:
    """How long one attempt may take: the `budget` left of the call's deadline, or the
    timeout's connect + read if that is sooner (without either, the budget alone)."""
    return min(budget, (timeout.connect or 0) + (timeout.read or 0) or math.inf)


_JSON: Final = {"Content-Type": "application/json"}


class AiohttpSender:
    """The part of httpx.AsyncClient that dodb uses: `request`, `aclose`, `is_closed`.

    At most `max_connections` (default 256) are open at once; past that, calls
    wait for a free connection. Measured against a local server, waiting for
    a connection costs the client more CPU than holding one more socket, so
    the cap sits above the concurrency most programs use.

    `headers` go with every request (the session's own, so aiohttp does not merge
    them anew each time). Each attempt is bounded by the call's deadline, or by
    `connect + read` seconds of the attempt timeout if that comes first, kept by
    the one timer of `Deadlines` rather than one of aiohttp's per request; a new
    connection is also bounded by `connect`.
    """

    def __init__(
        self,
        headers: Mapping[str, str] | None = None,
        *,
        max_connections: int = 256,
        max_size: int = 16 * 2**20,
    ) -> None:
        self._headers = dict(headers or {})
        self._max_connections = max_connections
        self.max_size = max_size
        self._session: aiohttp.ClientSession | None = None
        self._deadlines: Deadlines | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closed = False
        self._connect_timers: dict[float | None, aiohttp.ClientTimeout] = {}

    @property
    def is_closed(self) -> bool:
        return self._closed

    def _loop_closed(self) -> bool:
        return self._loop is None or self._loop.is_closed()

    def _session_for_this_loop(self) -> tuple[aiohttp.ClientSession, Deadlines]:
        loop = asyncio.get_running_loop()
        session, deadlines = self._session, self._deadlines
        if self._loop is loop and session is not None and deadlines is not None:
            return session, deadlines  # only `aclose` closes them, and that closes this sender
        if session is not None and self._loop is not loop and not self._loop_closed():
            raise ClientStateError(
                "this AsyncClient is in use by another event loop; build one client per loop"
            )
        # A session belongs to the loop it was made in; a new loop gets a new one.
        connector = aiohttp.TCPConnector(limit=self._max_connections, limit_per_host=0)
        self._session = session = aiohttp.ClientSession(
            connector=connector,
            auto_decompress=False,
            # dodb's own User-Agent, Accept and Accept-Encoding: aiohttp adds none.
            headers=self._headers,
        )
        self._deadlines = deadlines = Deadlines(loop)
        self._loop = loop
        return session, deadlines

    def _connect_timer(self, connect: float | None) -> aiohttp.ClientTimeout:
        """aiohttp's timer for a new connection only: the attempt as a whole is
        `Deadlines`'. Not rounded up to whole seconds (aiohttp's `ceil_threshold`)."""
        found = self._connect_timers.get(connect)
        if found is None:
            found = aiohttp.ClientTimeout(total=None, sock_connect=connect, ceil_threshold=math.inf)
            if len(self._connect_timers) < 64:
                self._connect_timers[connect] = found
        return found

    async def request(
        self,
        method: str,
        url: str,
        content: bytes | None,
        timeout: httpx.Timeout,
        budget: float,
    ) -> httpx.Response:
        if self._closed:
            raise ClientStateError("the client has been closed")
        session, deadlines = self._session_for_this_loop()
        seconds = attempt_seconds(timeout, budget)
        watch = None if seconds == math.inf else deadlines.watch(seconds)
        failure: httpx.TransportError | None = None
        answered = False
        try:
            async with session.request(
                method,
                # Already percent-encoded by dodb, exactly as the sync client sends it:
                # left to itself, yarl would decode `%3B` back to `;` and the like.
                yarl.URL(url, encoded=True),
                data=content,
                headers=None if content is None else _JSON,
                timeout=self._connect_timer(timeout.connect),
                allow_redirects=False,
            ) as answer:
                headers = answer.headers
                encoding = headers.get(CONTENT_ENCODING)
                if encoding is not None:  # every such header, as the httpx path reads them
                    encoding = ",".join(headers.getall(CONTENT_ENCODING))
                size = answer.content_length
                if size is not None and size <= self.max_size:
                    # Framed by its length, which aiohttp holds the body to: read at once.
                    body = read_whole(encoding, await answer.read(), self.max_size)
                else:
                    reader = BodyReader(encoding, self.max_size)
                    async for chunk in answer.content.iter_chunked(65536):
                        reader.feed(chunk)
                    body = reader.finish()
                status, raw_headers = answer.status, answer.raw_headers
                answered = True
        except BaseException as exc:
            if watch is not None and watch.expired:
                if not watch.timed_out() or not isinstance(exc, Exception | asyncio.CancelledError):
                    raise  # cancelled by someone else as well (theirs goes on), or exiting
                if not answered:  # else it ran out as the connection was let go: answered
                    failure = _expired(exc, seconds)
            elif isinstance(exc, TimeoutError | aiohttp.ClientError):
                failure = _transport_error(exc)
            else:
                raise
        finally:
            if watch is not None:
                deadlines.done(watch)
        if failure is not None:
            # Raised outside the handler, so neither chained nor kept as its context:
            # aiohttp's errors carry the request's headers, the token among them.
            raise failure
        if watch is not None and watch.expired:
            watch.timed_out()  # answered all the same: the deadline's cancellation withdrawn
        return _Response(status, raw_headers, body, method, url)

    async def aclose(self) -> None:
        self._closed = True
        if self._deadlines is not None:
            self._deadlines.close()
        if self._session is not None and not self._session.closed:
            await self._session.close()

    def __repr__(self) -> str:
        return f"AiohttpSender(max_connections={self._max_connections})"

"""A blocking httpx transport that runs an ASGI app on its own event-loop thread.

httpx's ASGITransport is async-only; this gives the sync `dodb.Client` the
same in-process path to the emulator, with no socket.
"""

from __future__ import annotations

import asyncio
import threading

import httpx
from starlette.types import ASGIApp


class SyncASGITransport(httpx.BaseTransport):
    def __init__(self, app: ASGIApp) -> None:
        self._inner = httpx.ASGITransport(app=app)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        async def run() -> httpx.Response:
            response = await self._inner.handle_async_request(request)
            content = await response.aread()
            stream = httpx.ByteStream(content)
            return httpx.Response(response.status_code, headers=response.headers, stream=stream)

        future = asyncio.run_coroutine_threadsafe(run(), self._loop)
        timeouts = httpx.Timeout(None, **request.extensions.get("timeout", {}))
        try:
            # The client's read timeout holds in process too, as it would over a socket.
            return future.result(timeout=timeouts.read)
        except TimeoutError:
            future.cancel()
            raise httpx.ReadTimeout(
                "the emulator did not answer in time", request=request
            ) from None

    def close(self) -> None:
        if self._loop.is_closed():
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        self._loop.close()

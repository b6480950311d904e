"""The asynchronous client: the same calls as `Client`, awaited."""

from __future__ import annotations

import asyncio
from types import TracebackType
from typing import Any, TypeVar

import httpx

from ._base import DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, BaseClient
from ._calls import Call
from .resources import AsyncDatabases

T = TypeVar("T")


class AsyncClient(BaseClient):
    """Non-blocking client of the database-user API; use `async with` or `await close()`."""

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(token, base_url=base_url, timeout=timeout, max_retries=max_retries)
        self._owns_http = http_client is None
        self._http = (
            http_client if http_client is not None else httpx.AsyncClient(timeout=self.timeout)
        )
        self._sleep = asyncio.sleep
        self.databases = AsyncDatabases(self)

    async def _send(self, call: Call[T]) -> T:
        args = self._request_args(call)
        attempt = 0
        while True:
            attempt += 1
            try:
                response = await self._http.request(**args)
            except httpx.TransportError as exc:
                delay = self._delay_after_error(call, exc, attempt)
                if delay is None:
                    raise self._connection_error(call, exc, attempt) from exc
                self._log_retry(call, type(exc).__name__, delay)
            else:
                delay = self._delay_after_status(call, response, attempt)
                if delay is None:
                    return self._finish(call, response, attempt)
                await response.aclose()
                self._log_retry(call, str(response.status_code), delay)
            await self._sleep(delay)

    async def close(self) -> None:
        """Close the connections, unless the httpx client was passed in by the caller."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    def __getstate__(self) -> Any:
        raise TypeError("a dodb AsyncClient cannot be pickled; build one in each process")

"""The asynchronous client: the same calls as `Client`, awaited."""

from __future__ import annotations

import asyncio
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from ._base import BaseClient, _Shared

if TYPE_CHECKING:
    from ._aiohttp import AiohttpSender
    from ._calls import Call
    from .resources import AsyncDatabases
from ._config import (
    DEFAULT_BASE_URL,
    DEFAULT_DEADLINE,
    DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_MAX_RETRIES,
    DEFAULT_REQUESTS_PER_MINUTE,
    DEFAULT_TIMEOUT,
)
from ._errors import BodyTooLarge, ClientStateError
from ._retry import Failed, Outcome, Pace, Sleep

T = TypeVar("T")


class AsyncClient(BaseClient):
    """Non-blocking client of the database-user API; use `async with` or `await close()`.

    By default it sends through aiohttp's connection pool (see `_aiohttp.py`),
    which keeps its speed under concurrency; pass `http_client=httpx.AsyncClient(...)`
    to send through httpx instead. Results and errors are the same either way.
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        deadline: float = DEFAULT_DEADLINE,
        requests_per_minute: int | None = DEFAULT_REQUESTS_PER_MINUTE,
        serialize_user_changes: bool = True,
        http_client: httpx.AsyncClient | None = None,
        max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE,
        _shared: _Shared | None = None,
    ) -> None:
        super().__init__(
            token,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            deadline=deadline,
            requests_per_minute=requests_per_minute,
            serialize_user_changes=serialize_user_changes,
            shared=_shared,
            max_response_size=max_response_size,
        )
        self._owns_http = http_client is None
        self._http: httpx.AsyncClient | AiohttpSender
        if http_client is not None:
            self._http = http_client
        else:
            from ._aiohttp import AiohttpSender

            self._http = AiohttpSender(max_size=self._shared.max_response_size)
        self._sleep = asyncio.sleep

    @cached_property
    def databases(self) -> AsyncDatabases:
        """Database-user calls. Built on first use, with the generated layer it needs."""
        from .resources import AsyncDatabases

        return AsyncDatabases(self)

    async def _send(self, call: Call[T]) -> T:
        """Carry out one call; adds and deletes on one cluster one at a time."""
        if call.exclusive is not None and self._shared.serialize:
            key = (id(asyncio.get_running_loop()), call.exclusive)
            async with self._shared.lock(key, asyncio.Lock):
                return await self._run(call)
        return await self._run(call)

    async def _run(self, call: Call[T]) -> T:
        plan = self._plan(call)
        try:
            step = next(plan)
            last: Outcome = None
            while True:
                outcome: Outcome = None
                if isinstance(step, Sleep):
                    self._note_wait(call, last, step.seconds)
                    self._throttled(step)
                    await self._sleep(step.seconds)
                elif isinstance(step, Pace):
                    outcome = self._pace()
                    if outcome > 0:
                        await self._sleep(outcome)
                else:
                    self._count(step)
                    if self._http.is_closed:
                        raise ClientStateError("the client has been closed")
                    try:
                        budget = step.budget if step.budget < float("inf") else None
                        async with asyncio.timeout(budget):
                            outcome = await self._http.request(**self._request_args(step))
                    except TimeoutError:
                        # The deadline, held to on the wall clock: a server that trickles
                        # its answer a byte at a time does not stretch the call past it.
                        outcome = httpx.ReadTimeout("the call's deadline passed mid-request")
                    except BodyTooLarge:
                        raise self._too_large(call) from None
                    except httpx.TransportError as exc:
                        outcome = exc
                    except httpx.DecodingError as exc:  # a body its content-encoding cannot decode
                        outcome = httpx.RemoteProtocolError(f"undecodable body: {exc}")
                if not isinstance(step, Pace | Sleep):
                    last = outcome
                step = plan.send(outcome)
        except StopIteration as done:
            return self._result(call, done.value)
        except Failed as failed:
            error = self._error(call, failed)
            raise error from error.__cause__  # the transport error, if any; never Failed

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

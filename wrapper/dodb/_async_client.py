"""The asynchronous client: the same calls as `Client`, awaited."""

from __future__ import annotations

import asyncio
import weakref
from functools import cached_property, partial
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from ._base import BaseClient, _Shared

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Iterable, Mapping

    from ._access_file import Kind
    from ._aiohttp import AiohttpSender
    from ._apply import Applied, Change, ClusterAccess, Plan
    from ._calls import Call
    from ._provision import Flow
    from ._response import APIResponse
    from .resources import AsyncDatabases
from ._async._io import drive, perform, read_httpx
from ._config import (
    DEFAULT_BASE_URL,
    DEFAULT_DEADLINE,
    DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_MAX_RETRIES,
    DEFAULT_REQUESTS_PER_MINUTE,
    DEFAULT_TIMEOUT,
)
from ._retry import Send

T = TypeVar("T")


def _forget(shared: weakref.ref[_Shared], task: object) -> None:
    """A finished task's done-callback: its last response goes (if the client still lives)."""
    found = shared()
    if found is not None:
        found.forget(task)


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

            self._http = AiohttpSender(self._headers, max_size=self._shared.max_response_size)
        self._sleep = asyncio.sleep

    @cached_property
    def databases(self) -> AsyncDatabases:
        """Database-user calls. Built on first use, with the generated layer it needs."""
        from .resources import AsyncDatabases

        return AsyncDatabases(self)

    @property
    def last_response(self) -> APIResponse[Any] | None:
        """The last call made from this asyncio task: status, headers, parsed body; None
        if that call failed (its error tells what came back) or had no answer to show
        (a delete found already done)."""
        try:
            task = asyncio.current_task()
        except RuntimeError:  # no running event loop in this thread
            return None
        return self._shared.per_task.get(task)

    def _record(self, result: APIResponse[Any] | None) -> None:
        """Keep `result` as this task's last response, until the task is done; None as
        a call begins."""
        task = asyncio.current_task()
        if task is None:  # a coroutine stepped by hand in a loop, outside any task
            return
        shared = self._shared
        if task in shared.per_task:
            shared.per_task[task] = result
        elif result is not None:
            # Weakly: a running task must not keep a dropped client's responses alive.
            task.add_done_callback(partial(_forget, weakref.ref(shared)))
            shared.per_task[task] = result

    def _send(self, call: Call[T]) -> Awaitable[T]:
        """Carry out one call (its coroutine, for the caller to await)."""
        return perform(self, call)

    async def _drive(self, flow: Flow) -> Any:
        """Carry out a flow (one call, or several): `_execute`'s steps, performed."""
        return await drive(self, self._execute(flow))

    def _lock(self, key: str) -> asyncio.Lock:
        """The lock of calls made one at a time per `key` (a cluster), per event loop."""
        found: asyncio.Lock = self._shared.lock((id(asyncio.get_running_loop()), key), asyncio.Lock)
        return found

    def _request(self, step: Send, ends: float) -> Awaitable[httpx.Response]:
        """The request, bounded on the wall clock by the time the call has left: by
        the sender's `Deadlines` on the default sender, else by `asyncio.timeout`. The
        sender's coroutine itself, not one wrapped around it: this runs on every call."""
        call = step.call
        if not isinstance(self._http, httpx.AsyncClient):
            url = self.base_url + call.path
            return self._http.request(call.method, url, call.content, step.timeout, step.budget)
        return self._request_httpx(self._http, step, ends)

    async def _request_httpx(
        self, http: httpx.AsyncClient, step: Send, ends: float
    ) -> httpx.Response:
        """Through a caller's httpx client: the deadline by `asyncio.timeout`, the body
        by the one body reader."""
        limit = self._shared.max_response_size
        async with asyncio.timeout(step.budget if step.budget < float("inf") else None):
            return await read_httpx(http, self._request_args(step), limit, ends)

    async def plan(
        self, desired: Mapping[str, ClusterAccess], *, prune: Iterable[Kind] = ()
    ) -> Plan:
        """`Client.plan`, awaited."""
        from ._apply import check, plan_flow

        check(desired)
        found: Plan = await self._drive(plan_flow(desired, prune))
        return found

    async def apply(
        self,
        desired: Mapping[str, ClusterAccess],
        *,
        prune: Iterable[Kind] = (),
        dry_run: bool = False,
        report: Callable[[Change, str], None] | None = None,
        plan: Plan | None = None,
    ) -> Applied:
        """`Client.apply`, awaited."""
        from ._apply import apply_all_flow

        flow = apply_all_flow(desired, prune, dry_run=dry_run, report=report, plan=plan)
        applied: Applied = await self._drive(flow)
        return applied

    async def close(self) -> None:
        """Close the connections, unless the httpx client was passed in by the caller.

        The last responses kept for tasks still running go too."""
        if self._owns_http:
            self._shared.per_task.clear()
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

"""The synchronous client."""

from __future__ import annotations

import threading
import time
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from ._base import BaseClient, _Shared
from ._config import (
    DEFAULT_BASE_URL,
    DEFAULT_DEADLINE,
    DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_MAX_RETRIES,
    DEFAULT_REQUESTS_PER_MINUTE,
    DEFAULT_TIMEOUT,
)
from ._retry import Send
from ._sync._io import drive, perform, read_httpx
from ._transport import Deadline, DeadlineTransport

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from ._access_file import Kind
    from ._apply import Applied, Change, ClusterAccess, Plan
    from ._calls import Call
    from ._provision import Flow
    from .resources import Databases

T = TypeVar("T")


class Client(BaseClient):
    """Blocking client of the database-user API.

    `Client()` reads the token from DIGITALOCEAN_TOKEN. Calls live under
    `client.databases`: the official client's names (`add_user(...)` and the
    like, returning the JSON object) and `client.databases.users`, the typed
    calls that return `DatabaseUser` models.
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
        http_client: httpx.Client | None = None,
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
        if http_client is None:
            # Proxies from the environment are honoured for https only. A plain-http
            # base URL is a loopback one (the emulator): handing that request to a
            # proxy would send the token in clear to someone other than the API.
            trust_env = self.base_url.startswith("https://")
            http_client = httpx.Client(
                timeout=self.timeout,
                headers=self._headers,
                trust_env=trust_env,
                transport=DeadlineTransport(trust_env=trust_env),
            )
        self._http = http_client
        self._sleep = time.sleep

    @cached_property
    def databases(self) -> Databases:
        """Database-user calls. Built on first use, with the generated layer it needs."""
        from .resources import Databases

        return Databases(self)

    def _send(self, call: Call[T]) -> T:
        """Carry out one call."""
        result: T = perform(self, call)
        return result

    def _drive(self, flow: Flow) -> Any:
        """Carry out a flow (one call, or several): `_execute`'s steps, performed."""
        return drive(self, self._execute(flow))

    def _lock(self, key: str) -> threading.Lock:
        """The lock of calls made one at a time per `key` (a cluster), for every thread."""
        found: threading.Lock = self._shared.lock(("sync", key), threading.Lock)
        return found

    def _request(self, step: Send, ends: float) -> httpx.Response:
        """The request, bounded by the time the call has left: dodb's own transport
        bounds every socket operation by it; the body reader checks it between
        chunks too, so a caller's httpx client keeps it for the body at least."""
        args = self._own_request_args(step) if self._owns_http else self._request_args(step)
        with Deadline(ends):
            return read_httpx(self._http, args, self._shared.max_response_size, ends)

    def plan(self, desired: Mapping[str, ClusterAccess], *, prune: Iterable[Kind] = ()) -> Plan:
        """What `apply` would change, read from the clusters; nothing is changed."""
        from ._apply import check, plan_flow

        check(desired)
        found: Plan = self._drive(plan_flow(desired, prune))
        return found

    def apply(
        self,
        desired: Mapping[str, ClusterAccess],
        *,
        prune: Iterable[Kind] = (),
        dry_run: bool = False,
        report: Callable[[Change, str], None] | None = None,
        plan: Plan | None = None,
    ) -> Applied:
        """Give each cluster exactly what `desired` says an app needs: its users,
        logical databases, connection pools and trusted sources.

        Checks everything first (nothing is sent for a bad name or option), reads
        each cluster once and plans, then carries the plan out in dependency order,
        calling `report(change, result)` after each step. `prune` names the kinds
        whose others are deleted ("dbs", "users", "pools", "trusted_sources"; never
        the primary user or `defaultdb`). `dry_run`: plan only. Stops at the first
        failure with `ApplyError`, which says what was done. `plan`: the one `plan`
        returned, carried out as it is (not planned again; each step still reads
        the thing it changes, so that it acts on what is there now)."""
        from ._apply import apply_all_flow

        flow = apply_all_flow(desired, prune, dry_run=dry_run, report=report, plan=plan)
        applied: Applied = self._drive(flow)
        return applied

    def close(self) -> None:
        """Close the connections, unless the httpx client was passed in by the caller."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __getstate__(self) -> Any:
        raise TypeError("a dodb Client cannot be pickled; build one in each process")

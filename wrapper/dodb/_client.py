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
from ._errors import ClientStateError
from ._retry import Failed, Outcome, Pace, Send, Sleep
from ._transport import DeadlineTransport, deadline_at

if TYPE_CHECKING:
    from ._calls import Call
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
        """Carry out one call; adds and deletes on one cluster one at a time."""
        if call.exclusive is not None and self._shared.serialize:
            with self._shared.lock(("sync", call.exclusive), threading.Lock):
                return self._run(call)
        return self._run(call)

    def _run(self, call: Call[T]) -> T:
        plan = self._plan(call)
        args = self._own_request_args if self._owns_http else self._request_args
        try:
            step = next(plan)
            last: Outcome = None
            while True:
                outcome: Outcome = None
                if isinstance(step, Sleep):
                    self._note_wait(call, last, step.seconds)
                    self._throttled(step)
                    self._sleep(step.seconds)
                elif isinstance(step, Pace):
                    outcome = self._pace()
                    if outcome > 0:
                        self._sleep(outcome)
                else:
                    self._count(step)
                    if self._http.is_closed:
                        raise ClientStateError("the client has been closed")
                    try:
                        outcome = self._transfer(call, step, args(step))
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

    def _transfer(self, call: Call[Any], step: Send, args: dict[str, Any]) -> httpx.Response:
        """One request, held to the call's deadline and to `max_response_size`.

        dodb's own transport bounds every socket operation by the deadline; the body
        is also read in chunks and checked between them, so a caller's httpx client
        keeps the deadline for the body at least. The size is counted after
        decompression.
        """
        ends = time.monotonic() + step.budget
        limit = self._shared.max_response_size
        with deadline_at(ends):
            return self._read(call, args, ends, limit)

    def _read(
        self, call: Call[Any], args: dict[str, Any], ends: float, limit: int
    ) -> httpx.Response:
        response: httpx.Response = self._http.send(self._http.build_request(**args), stream=True)
        try:
            parts: list[bytes] = []
            size = 0
            for part in response.iter_bytes():
                size += len(part)
                if size > limit:
                    raise self._too_large(call)
                if time.monotonic() > ends:
                    raise httpx.ReadTimeout("the call's deadline passed mid-response")
                parts.append(part)
            response._content = b"".join(parts)
        finally:
            response.close()
        return response

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

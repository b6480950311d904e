"""How one call is carried out: attempts, waits, the deadline, and reconciling unsure adds.

`plan()` is a generator that never does I/O itself. It yields `Send` (make
this request and send me the response or the transport error) and `Sleep`
(wait this long), and returns the call's result or raises its error. The
sync and async clients drive the same plan, so they behave the same.

The rules:
- Retried: 429, 500, 502, 503, 504, connection errors and timeouts, at most
  `max_retries` times, with exponential backoff and jitter; a 429 waits for
  `retry-after`, or until `ratelimit-reset` when nothing remains.
- A wait that would pass the call's deadline is not started: the last error
  is raised at once (a RateLimitError carries the reset time).
- A request the server may have acted on (5xx, a timeout or a connection
  lost after sending) is resent only if resending is safe (GET, PUT, DELETE,
  reset_auth). An add is never resent blindly: the client first looks the
  user up; if it exists as requested the add is complete, if it does not the
  add is sent again, if the lookup itself fails the original error is raised.
- A DELETE resent after an unsure attempt treats 404 as done.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Generator
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias, TypeVar

import httpx

from ._errors import APIError, APITimeoutError
from ._ratelimit import scan
from ._response import Undecodable, decode

if TYPE_CHECKING:
    from ._base import BaseClient
    from ._calls import Call

T = TypeVar("T")
logger = logging.getLogger("dodb")

RETRY_STATUSES: Final = frozenset({429, 500, 502, 503, 504})
# Failures that happen before a request leaves the client: nothing was acted on.
NOT_SENT: Final = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class Send:
    """Send `call` with this attempt's `timeout`; answer with the response or the error."""

    __slots__ = ("call", "timeout")

    def __init__(self, call: Call[Any], timeout: httpx.Timeout) -> None:
        self.call = call
        self.timeout = timeout


class Sleep:
    """Wait this many seconds, then answer with None."""

    __slots__ = ("seconds",)

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds


Step: TypeAlias = Send | Sleep
Outcome: TypeAlias = httpx.Response | httpx.TransportError | None
Plan: TypeAlias = Generator[Step, Outcome, T]


def backoff(attempt: int) -> float:
    """Exponential backoff with jitter: about 0.5, 1, 2, 4 then 8 s at most."""
    import random  # only retries need it

    base: float = min(8.0, 0.5 * 2 ** (attempt - 1))
    return base * (0.5 + random.random() / 2)  # noqa: S311 - jitter, not security


def wait_before_retry(outcome: Outcome, attempt: int) -> float:
    if isinstance(outcome, httpx.Response) and outcome.status_code == 429:
        rate = scan(outcome.headers.raw)[0]
        if rate is not None and rate.retry_after is not None:
            return rate.retry_after
        if rate is not None and rate.remaining == 0 and rate.reset_at is not None:
            return rate.seconds_until_reset() or backoff(attempt)
    return backoff(attempt)


class _Clock:
    def __init__(self, deadline: float) -> None:
        self.ends = time.monotonic() + deadline

    def remaining(self) -> float:
        return self.ends - time.monotonic()

    def allows(self, wait: float) -> bool:
        return wait < self.remaining()


def _send(client: BaseClient, call: Call[Any], clock: _Clock, attempts: int) -> Send:
    remaining = clock.remaining()
    if remaining <= 0:
        raise APITimeoutError(
            f"{call.method} {call.path} ran out of its {client.settings.deadline:g} s deadline",
            attempts=attempts,
        )
    client.stats.requests += 1
    return Send(call, client.settings.attempt_timeout(remaining))


def plan(client: BaseClient, call: Call[T]) -> Plan[T]:
    """Carry out `call`; see the module's docstring for the rules."""
    settings = client.settings
    clock = _Clock(settings.deadline)
    attempt = 0
    unsure = False  # an earlier attempt may have been acted on
    while True:
        attempt += 1
        outcome = yield _send(client, call, clock, attempt - 1)
        error: APIError
        if isinstance(outcome, httpx.Response):
            status = outcome.status_code
            if 200 <= status < 300:
                return client._finish(call, outcome, attempt)
            if status == 404 and unsure and call.method == "DELETE":
                return client._finish_gone(call, outcome, attempt)
            error = client._status_error(call, outcome, attempt)
            if status not in RETRY_STATUSES:
                raise error
            acted = status != 429
        elif isinstance(outcome, httpx.TransportError):
            error = client._connection_error(call, outcome, attempt)
            acted = not isinstance(outcome, NOT_SENT)
        else:  # pragma: no cover - the drivers always send an outcome
            raise TypeError("a Send step needs a response or a transport error")
        if attempt > settings.max_retries:
            raise error
        if acted and not call.idempotent:
            if call.confirm is None:
                raise error
            verdict, found = yield from _confirm(client, call, clock, attempt)
            if verdict == "done":
                return found  # type: ignore[no-any-return]
            if verdict == "unknown":
                raise error
        wait = wait_before_retry(outcome, attempt)
        if not clock.allows(wait):
            raise error
        unsure = unsure or acted
        client.stats.retries += 1
        cause = (
            str(outcome.status_code)
            if isinstance(outcome, httpx.Response)
            else type(outcome).__name__
        )
        logger.info("%s %s: %s, retrying in %.2fs", call.method, call.path, cause, wait)
        yield Sleep(wait)


Verdict: TypeAlias = tuple[Literal["done", "absent", "unknown"], Any]


def _confirm(
    client: BaseClient, call: Call[T], clock: _Clock, attempt: int
) -> Generator[Step, Outcome, Verdict]:
    """After an unsure add: is the user there, as requested? ("done", result) if so."""
    assert call.confirm is not None
    confirm = call.confirm()
    lookup = confirm.lookup
    client.stats.reconciliations += 1
    tries = 0
    while True:
        tries += 1
        outcome = yield _send(client, lookup, clock, attempt)
        if isinstance(outcome, httpx.Response):
            if outcome.status_code == 404:
                return "absent", None
            if outcome.status_code == 200:
                try:
                    user = decode(outcome)["user"]
                except (Undecodable, KeyError, TypeError):
                    return "unknown", None
                if not confirm.matches(user):
                    # Someone else's user of that name: sending the add again gets the API's answer.
                    return "absent", None
                client.stats.confirmed += 1
                logger.info("%s %s: confirmed by looking the user up", call.method, call.path)
                return "done", client._finish(call, outcome, attempt)
            if outcome.status_code not in RETRY_STATUSES:
                return "unknown", None
        if tries > client.settings.max_retries:
            return "unknown", None
        wait = wait_before_retry(outcome, tries)
        if not clock.allows(wait):
            return "unknown", None
        yield Sleep(wait)

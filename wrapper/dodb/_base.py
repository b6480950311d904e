"""What the sync and async clients share: settings, state, and every non-I/O step.

`Client` and `AsyncClient` differ only in how they perform the steps of
`_retry.plan` (send, sleep); every decision is made here or there, once.
"""

from __future__ import annotations

import logging
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Self, TypeVar

import httpx

from ._config import (
    Settings,
    check_base_url,
    check_deadline,
    check_max_retries,
    make_timeout,
    resolve_token,
)
from ._errors import APIConnectionError, APIStatusError, APITimeoutError
from ._ratelimit import RateLimit, scan
from ._response import APIResponse, parse_success, status_error
from ._retry import Plan, Send, plan
from ._version import __version__

if TYPE_CHECKING:
    from ._calls import Call

T = TypeVar("T")
logger = logging.getLogger("dodb")

_KEEP: Any = object()
_CONTENT_JSON = {"Content-Type": "application/json"}


class ClientStats:
    """What a client (and its `with_options` copies) did, for monitoring and tests.

    `requests`: HTTP requests sent, reconciliation lookups included.
    `retries`: requests sent again after a failure.
    `reconciliations`: lookups made after an add whose outcome was unsure.
    `confirmed`: unsure adds that the lookup found complete.
    """

    __slots__ = ("confirmed", "reconciliations", "requests", "retries")

    def __init__(self) -> None:
        self.requests = 0
        self.retries = 0
        self.reconciliations = 0
        self.confirmed = 0

    def __repr__(self) -> str:
        return (
            f"ClientStats(requests={self.requests}, retries={self.retries}, "
            f"reconciliations={self.reconciliations}, confirmed={self.confirmed})"
        )


class _Shared:
    """State a client shares with its `with_options` copies."""

    def __init__(self) -> None:
        self.rate_limit: RateLimit | None = None
        self.stats = ClientStats()
        self.last: ContextVar[APIResponse[Any] | None] = ContextVar(
            f"dodb_last_response_{id(self)}", default=None
        )


class BaseClient:
    """Settings and every non-I/O step of a call, shared by Client and AsyncClient."""

    def __init__(
        self,
        token: str | None,
        *,
        base_url: str,
        timeout: float | httpx.Timeout,
        max_retries: int,
        deadline: float,
    ) -> None:
        token = resolve_token(token)
        self.base_url = check_base_url(base_url)
        self.settings = Settings(
            timeout=make_timeout(timeout),
            max_retries=check_max_retries(max_retries),
            deadline=check_deadline(deadline),
        )
        self._shared = _Shared()
        self._headers = {
            "Authorization": f"Bearer {token}",
            "Accept": "application/json",
            "User-Agent": f"dodb/{__version__}",
        }
        self._json_headers = {**self._headers, "Content-Type": "application/json"}

    def __repr__(self) -> str:
        s = self.settings
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, timeout={s.timeout.read}, "
            f"max_retries={s.max_retries}, deadline={s.deadline:g})"
        )

    @property
    def timeout(self) -> httpx.Timeout:
        return self.settings.timeout

    @property
    def max_retries(self) -> int:
        return self.settings.max_retries

    @property
    def deadline(self) -> float:
        return self.settings.deadline

    @property
    def rate_limit(self) -> RateLimit | None:
        """The rate limit reported by the last response this client received."""
        return self._shared.rate_limit

    @property
    def last_response(self) -> APIResponse[Any] | None:
        """The last call made from this thread or task: status, headers, parsed body."""
        return self._shared.last.get()

    @property
    def stats(self) -> ClientStats:
        return self._shared.stats

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout = _KEEP,
        max_retries: int = _KEEP,
        deadline: float = _KEEP,
    ) -> Self:
        """A copy with other settings, sharing connections and state: per-call overrides.

        `client.with_options(max_retries=0, deadline=5).databases.users.get(...)`
        """
        s = self.settings
        # Not copy.copy: that goes through pickling, which clients refuse.
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.settings = Settings(
            timeout=s.timeout if timeout is _KEEP else make_timeout(timeout),
            max_retries=s.max_retries if max_retries is _KEEP else check_max_retries(max_retries),
            deadline=s.deadline if deadline is _KEEP else check_deadline(deadline),
        )
        clone._owns_http = False
        # Resources are bound to their client: the copy builds its own on first use.
        clone.__dict__.pop("databases", None)
        return clone

    # Hooks for the subclasses -----------------------------------------------

    _owns_http: bool

    def _plan(self, call: Call[T]) -> Plan[T]:
        return plan(self, call)

    def _request_args(self, step: Send) -> dict[str, Any]:
        call = step.call
        return {
            "method": call.method,
            "url": self.base_url + call.path,
            "content": call.content,
            "headers": self._headers if call.content is None else self._json_headers,
            "timeout": step.timeout,
        }

    def _own_request_args(self, step: Send) -> dict[str, Any]:
        """For an httpx client built by dodb, which already holds the headers and timeout."""
        call = step.call
        args: dict[str, Any] = {"method": call.method, "url": self.base_url + call.path}
        if call.content is not None:
            args["content"] = call.content
            args["headers"] = _CONTENT_JSON
        if step.timeout is not self.settings.timeout:
            args["timeout"] = step.timeout
        return args

    # Steps of the plan ----------------------------------------------------

    def _note_rate_limit(self, rate: RateLimit | None) -> None:
        if rate is not None:
            self._shared.rate_limit = rate

    def _finish(self, call: Call[T], response: httpx.Response, attempts: int) -> T:
        """The parsed result of a 2xx response, recorded as the last response."""
        if logger.isEnabledFor(logging.DEBUG):
            status = response.status_code
            logger.debug("%s %s -> %d (attempt %d)", call.method, call.path, status, attempts)
        result = parse_success(call, response, attempts)
        self._note_rate_limit(result.rate_limit)
        self._shared.last.set(result)
        return result.parsed

    def _finish_gone(self, call: Call[T], response: httpx.Response, attempts: int) -> T:
        """A DELETE whose earlier, unsure attempt already removed the user."""
        self._note_rate_limit(scan(response.headers.raw)[0])
        logger.info("%s %s: already gone after an unsure attempt", call.method, call.path)
        return call.parse(None)

    def _status_error(
        self, call: Call[Any], response: httpx.Response, attempts: int
    ) -> APIStatusError:
        error = status_error(call, response, attempts)
        self._note_rate_limit(error.rate_limit)
        return error

    def _connection_error(
        self, call: Call[Any], error: httpx.TransportError, attempts: int
    ) -> APIConnectionError:
        where = f"{call.method} {call.path}"
        result: APIConnectionError
        if isinstance(error, httpx.TimeoutException):
            kind = type(error).__name__
            result = APITimeoutError(f"{where} timed out ({kind})", attempts=attempts)
        else:
            text = f"{where} failed: {type(error).__name__}: {error}"
            result = APIConnectionError(text, attempts=attempts)
        result.__cause__ = error
        return result

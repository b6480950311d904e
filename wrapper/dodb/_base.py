"""What the sync and async clients share: settings, response handling, retry policy.

Only the sending loop differs between `Client` and `AsyncClient`; every
decision about a request or a response is made here, once.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import os
import random
from contextvars import ContextVar
from typing import Any, Final, Generic, TypeVar

import attrs
import httpx

from ._calls import Call
from ._errors import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    ConfigurationError,
    status_error_class,
)
from ._ratelimit import RateLimit
from ._version import __version__

T = TypeVar("T")

TOKEN_ENV: Final = "DIGITALOCEAN_TOKEN"  # noqa: S105 - a variable name
DEFAULT_BASE_URL: Final = "https://api.digitalocean.com"
DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=10.0)
DEFAULT_MAX_RETRIES: Final = 2
# The longest wait for a rate limit to reset before giving up with RateLimitError.
MAX_RATE_LIMIT_WAIT: Final = 60.0
_RETRY_STATUSES: Final = frozenset({429, 500, 502, 503, 504})
_LOOPBACK_NAMES: Final = frozenset({"localhost"})

logger = logging.getLogger("dodb")


def resolve_token(token: str | None) -> str:
    """The token given, else DIGITALOCEAN_TOKEN; never empty."""
    if token is None:
        token = os.environ.get(TOKEN_ENV)
        if token is None or not token.strip():
            raise ConfigurationError(
                f"no API token: pass token=... or set the {TOKEN_ENV} environment variable"
            )
    if not isinstance(token, str) or not token.strip():
        raise ConfigurationError("token must be a non-empty string")
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in token.strip()):
        raise ConfigurationError("token must not contain spaces or control characters")
    return token.strip()


def _is_loopback(host: str) -> bool:
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(base_url: str) -> str:
    """`base_url` without a trailing slash; https, or http only to a loopback host."""
    try:
        url = httpx.URL(base_url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise ConfigurationError(f"base_url is not a valid URL: {base_url!r} ({exc})") from None
    if url.scheme not in ("https", "http") or not url.host:
        raise ConfigurationError(f"base_url must be an http(s) URL with a host: {base_url!r}")
    if url.scheme == "http" and not _is_loopback(url.host):
        raise ConfigurationError(
            f"base_url {base_url!r} is plain http: the token would be sent unencrypted. "
            "Use https (plain http is allowed only for localhost, 127.0.0.0/8 and [::1])"
        )
    if url.query or url.fragment:
        raise ConfigurationError(f"base_url must not have a query or fragment: {base_url!r}")
    return str(url).rstrip("/")


def make_timeout(timeout: float | httpx.Timeout | None) -> httpx.Timeout:
    """An httpx.Timeout with every part set: waiting forever is never the default."""
    if isinstance(timeout, httpx.Timeout):
        parts = (timeout.connect, timeout.read, timeout.write, timeout.pool)
        if any(p is None for p in parts):
            raise ConfigurationError("timeout must bound connect, read, write and pool")
        return timeout
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not timeout > 0:
        raise ConfigurationError(
            f"timeout must be a positive number of seconds or an httpx.Timeout, not {timeout!r}"
        )
    return httpx.Timeout(float(timeout))


def check_max_retries(max_retries: int) -> int:
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
        raise ConfigurationError(f"max_retries must be a whole number >= 0, not {max_retries!r}")
    return max_retries


@attrs.frozen
class APIResponse(Generic[T]):
    """One finished call: status, headers and the parsed body (`client.last_response`)."""

    status_code: int
    headers: httpx.Headers
    parsed: T
    rate_limit: RateLimit | None
    request_id: str | None
    attempts: int
    http_response: httpx.Response = attrs.field(repr=False, eq=False)


class _Undecodable(Exception):
    """A body that is not JSON; the message describes it without quoting it."""


def _describe(response: httpx.Response) -> str:
    kind = response.headers.get("content-type", "no content type").split(";")[0]
    size = len(response.content)
    return "an empty body" if size == 0 else f"a body that is not JSON ({kind}, {size} bytes)"


def _decode(response: httpx.Response) -> Any:
    if not response.content:
        raise _Undecodable(_describe(response))
    try:
        return json.loads(response.content)
    except ValueError:
        raise _Undecodable(_describe(response)) from None


class BaseClient:
    """Settings and every non-I/O step of a call, shared by Client and AsyncClient."""

    def __init__(
        self,
        token: str | None,
        *,
        base_url: str,
        timeout: float | httpx.Timeout,
        max_retries: int,
    ) -> None:
        token = resolve_token(token)
        self.base_url = check_base_url(base_url)
        self.timeout = make_timeout(timeout)
        self.max_retries = check_max_retries(max_retries)
        self.rate_limit: RateLimit | None = None
        """The rate limit reported by the last response this client received."""
        self._headers = {
            "Authorization": f"Bearer {token}",
            "Accept": "application/json",
            "User-Agent": f"dodb/{__version__}",
        }
        self._json_headers = {**self._headers, "Content-Type": "application/json"}
        self._last: ContextVar[APIResponse[Any] | None] = ContextVar(
            f"dodb_last_response_{id(self)}", default=None
        )

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, "
            f"timeout={self.timeout.read}, max_retries={self.max_retries})"
        )

    @property
    def last_response(self) -> APIResponse[Any] | None:
        """The last call made from this thread or task: status, headers, parsed body."""
        return self._last.get()

    def _request_args(self, call: Call[Any]) -> dict[str, Any]:
        return {
            "method": call.method,
            "url": self.base_url + call.path,
            "content": call.content,
            "headers": self._headers if call.content is None else self._json_headers,
            "timeout": self.timeout,
        }

    # Retry policy ---------------------------------------------------------

    def _backoff(self, attempt: int) -> float:
        base: float = min(8.0, 0.5 * 2 ** (attempt - 1))
        return base * (0.5 + random.random() / 2)  # noqa: S311 - jitter, not security

    def _delay_after_status(
        self, call: Call[Any], response: httpx.Response, attempt: int
    ) -> float | None:
        """Seconds to wait before trying again after this status, or None to stop."""
        status = response.status_code
        if status not in _RETRY_STATUSES or attempt > self.max_retries:
            return None
        if status == 429:
            # The server did not act on a rate-limited request: safe for any method.
            rate = RateLimit.from_headers(response.headers)
            wait = self._backoff(attempt)
            if rate is not None and rate.retry_after is not None:
                wait = rate.retry_after
            elif rate is not None and rate.remaining == 0:
                wait = rate.seconds_until_reset() or wait
            return wait if wait <= MAX_RATE_LIMIT_WAIT else None
        # A 5xx may come after the server acted: resend only what is idempotent.
        return self._backoff(attempt) if call.idempotent else None

    def _delay_after_error(
        self, call: Call[Any], error: httpx.TransportError, attempt: int
    ) -> float | None:
        if attempt > self.max_retries:
            return None
        # No connection was made, so nothing was sent: safe for any method.
        not_sent = isinstance(error, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)
        return self._backoff(attempt) if (not_sent or call.idempotent) else None

    def _log_retry(self, call: Call[Any], cause: str, delay: float) -> None:
        logger.info("%s %s: %s, retrying in %.2fs", call.method, call.path, cause, delay)

    # Outcomes -------------------------------------------------------------

    def _connection_error(
        self, call: Call[Any], error: httpx.TransportError, attempts: int
    ) -> APIConnectionError:
        where = f"{call.method} {call.path}"
        if isinstance(error, httpx.TimeoutException):
            kind = type(error).__name__
            return APITimeoutError(f"{where} timed out ({kind})", attempts=attempts)
        return APIConnectionError(
            f"{where} failed: {type(error).__name__}: {error}", attempts=attempts
        )

    def _finish(self, call: Call[T], response: httpx.Response, attempts: int) -> T:
        """The parsed result of a response, or the error it stands for."""
        rate = RateLimit.from_headers(response.headers)
        if rate is not None:
            self.rate_limit = rate
        status = response.status_code
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug("%s %s -> %d (attempt %d)", call.method, call.path, status, attempts)
        if not 200 <= status < 300:
            raise self._status_error(call, response, rate, attempts)
        try:
            data = None if call.success == 204 else _decode(response)
            parsed = call.parse(data)
        except _Undecodable as exc:
            raise APIResponseValidationError(
                f"{call.method} {call.path} answered {status} with {exc}",
                response=response,
                attempts=attempts,
            ) from None
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            detail = f"missing field {exc}" if isinstance(exc, KeyError) else type(exc).__name__
            raise APIResponseValidationError(
                f"{call.method} {call.path} answered {status} with a body that does not match "
                f"the documented schema ({detail})",
                response=response,
                attempts=attempts,
            ) from None
        self._last.set(
            APIResponse(
                status_code=status,
                headers=response.headers,
                parsed=parsed,
                rate_limit=rate,
                request_id=response.headers.get("x-request-id"),
                attempts=attempts,
                http_response=response,
            )
        )
        return parsed

    def _status_error(
        self, call: Call[Any], response: httpx.Response, rate: RateLimit | None, attempts: int
    ) -> APIStatusError:
        error_id: str | None = None
        request_id = response.headers.get("x-request-id")
        body: Any = None
        try:
            body = _decode(response)
        except _Undecodable as exc:
            message = f"{call.method} {call.path} answered with {exc}"
        else:
            if isinstance(body, dict) and isinstance(body.get("id"), str):
                error_id = body["id"]
                raw_message = body.get("message")
                message = raw_message if isinstance(raw_message, str) else "(no message)"
                if isinstance(body.get("request_id"), str):
                    request_id = body["request_id"]
            else:
                message = (
                    f"{call.method} {call.path} answered with JSON that is not an error object"
                )
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s failed: %d %s", call.method, call.path, response.status_code, error_id
            )
        return status_error_class(response.status_code)(
            message,
            response=response,
            error_id=error_id,
            request_id=request_id,
            rate_limit=rate,
            body=body,
            attempts=attempts,
        )

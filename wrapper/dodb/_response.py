"""Turning an httpx response into a parsed result, or into the error it stands for."""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar

import httpx

from ._errors import AnotherUser, APIResponseValidationError, APIStatusError, status_error_class
from ._ratelimit import RateLimit, scan_response

if TYPE_CHECKING:
    from ._calls import Call

T = TypeVar("T")
logger = logging.getLogger("dodb")


class _Unread:
    """Not read from the HTTP response yet."""


UNREAD: Final = _Unread()


class APIResponse(Generic[T]):
    """One finished call: status, headers and the parsed body (`client.last_response`).

    `headers`, `rate_limit` and `request_id` are read from the HTTP response when first
    asked for: most calls never need them.
    """

    __slots__ = (
        "_headers",
        "_read",
        "attempts",
        "http_response",
        "parsed",
        "status_code",
    )

    def __init__(
        self,
        status_code: int,
        headers: httpx.Headers | None,
        parsed: T,
        rate_limit: RateLimit | _Unread | None,
        request_id: str | _Unread | None,
        attempts: int,
        http_response: httpx.Response | None,
    ) -> None:
        self.status_code = status_code
        self._headers = headers
        self.parsed = parsed
        self._read: tuple[RateLimit | None, str | None] | None = None
        if not isinstance(rate_limit, _Unread) and not isinstance(request_id, _Unread):
            self._read = (rate_limit, request_id)
        self.attempts = attempts
        self.http_response = http_response

    def _headers_read(self) -> tuple[RateLimit | None, str | None]:
        """(rate limit, request id), read from the HTTP response the first time."""
        if self._read is None:
            response = self.http_response
            self._read = (None, None) if response is None else scan_response(response)
        return self._read

    @property
    def rate_limit(self) -> RateLimit | None:
        """What the response said of the token's request budget."""
        return self._headers_read()[0]

    @property
    def request_id(self) -> str | None:
        """The response's `x-request-id`."""
        return self._headers_read()[1]

    @property
    def headers(self) -> httpx.Headers:
        if self._headers is None:
            response = self.http_response
            self._headers = httpx.Headers() if response is None else response.headers
        return self._headers

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled without the httpx response: its request holds the Authorization header.
        fields = (self.status_code, self.headers, self.parsed, self.rate_limit, self.request_id)
        return (APIResponse, (*fields, self.attempts, None))

    def __repr__(self) -> str:
        # A raw call's parsed body is the API's JSON, passwords and keys in clear: the
        # repr (what logs and tracebacks show) masks them.
        return (
            f"APIResponse(status_code={self.status_code}, request_id={self.request_id!r}, "
            f"attempts={self.attempts}, rate_limit={self.rate_limit!r}, "
            f"parsed={masked(self.parsed)!r})"
        )


MASK = "**********"


def secret_names() -> frozenset[str]:
    """The JSON names the spec marks as credentials (`format: password`), in any schema."""
    from dodb_api._facts import SECRET_NAMES

    return SECRET_NAMES


def masked(value: Any) -> Any:
    """JSON with every credential the spec names replaced by a mask."""
    if isinstance(value, dict):
        names = secret_names()
        return {
            k: MASK if k in names and isinstance(v, str) else masked(v) for k, v in value.items()
        }
    if isinstance(value, list):
        return [masked(v) for v in value]
    return value


class Undecodable(Exception):
    """A body that is not JSON; the message describes it without quoting it."""


def _describe(response: httpx.Response) -> str:
    kind = response.headers.get("content-type", "no content type").split(";")[0]
    size = len(response.content)
    return "an empty body" if size == 0 else f"a body that is not JSON ({kind}, {size} bytes)"


_BOM = "\ufeff"


_VALUE_AT_START: Final = json.JSONDecoder().raw_decode
_JSON_WHITESPACE: Final = " \t\n\r"  # RFC 8259's four, not all that str.strip takes


def decode(response: httpx.Response) -> Any:
    content = response.content
    if not content:
        raise Undecodable(_describe(response))
    try:
        # JSON between systems is UTF-8 (RFC 8259); as text, json skips guessing.
        text = content.decode()
        if text.startswith(_BOM):
            text = text[1:]
        try:  # one JSON value, then whitespace at most: read without json.loads' scans
            value, end = _VALUE_AT_START(text)
            if end == len(text) or not text[end:].strip(_JSON_WHITESPACE):
                return value
        except ValueError:
            pass  # json.loads decides, and allows the whitespace that raw_decode does not
        return json.loads(text)
    except (ValueError, RecursionError):  # UnicodeDecodeError among them
        raise Undecodable(_describe(response)) from None


def parse_success(call: Call[T], response: httpx.Response, attempts: int) -> APIResponse[T]:
    """The parsed result of a 2xx response; APIResponseValidationError if the body is off."""
    status = response.status_code
    try:
        # No body: a 204, or an answer the spec gives none (a 202 resize, a 200 log-sink delete).
        bodiless = call.success == 204 or (call.op is not None and call.op.result is None)
        data = None if bodiless else decode(response)
        parsed = call.read(data)
    except Undecodable as exc:
        raise APIResponseValidationError(
            f"{call.method} {call.path} answered {status} with {exc}",
            response=response,
            attempts=attempts,
        ) from None
    except AnotherUser as exc:
        raise APIResponseValidationError(
            f"{call.method} {call.path} answered {status} {exc}",
            response=response,
            attempts=attempts,
        ) from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        detail = f"missing field {exc}" if isinstance(exc, KeyError) else type(exc).__name__
        from dodb_api.types import SchemaError  # loaded already: the call's parser uses it

        if isinstance(exc, SchemaError):
            detail = str(exc)
        raise APIResponseValidationError(
            f"{call.method} {call.path} answered {status} with a body that does not match "
            f"the documented schema ({detail})",
            response=response,
            attempts=attempts,
        ) from None
    return APIResponse(status, None, parsed, UNREAD, UNREAD, attempts, response)


def status_error(call: Call[Any], response: httpx.Response, attempts: int) -> APIStatusError:
    """The typed error for an error status, whatever its body looks like."""
    error_id: str | None = None
    rate, request_id = scan_response(response)
    body: Any = None
    try:
        body = decode(response)
    except Undecodable as exc:
        message = f"{call.method} {call.path} answered with {exc}"
    else:
        if isinstance(body, dict) and isinstance(body.get("id"), str):
            error_id = body["id"]
            raw_message = body.get("message")
            message = raw_message if isinstance(raw_message, str) else "(no message)"
            if isinstance(body.get("request_id"), str):
                request_id = body["request_id"]
        else:
            message = f"{call.method} {call.path} answered with JSON that is not an error"
    if logger.isEnabledFor(logging.DEBUG):
        status = response.status_code
        logger.debug("%s %s failed: %d %s", call.method, call.path, status, error_id)
    return status_error_class(response.status_code)(
        message,
        response=response,
        error_id=error_id,
        request_id=request_id,
        rate_limit=rate,
        body=body,
        attempts=attempts,
    )

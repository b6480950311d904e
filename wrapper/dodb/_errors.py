"""The errors dodb raises: one base class, then input, connection and status errors."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

    from ._ratelimit import RateLimit


class DodbError(Exception):
    """Base class of every error raised by dodb."""


class InvalidInputError(DodbError, ValueError):
    """An argument was refused before anything was sent."""


class ConfigurationError(DodbError, ValueError):
    """The client cannot be built as asked (no token, unsafe base URL, unlimited timeout)."""


class ClientStateError(DodbError, RuntimeError):
    """The client cannot send now: it was closed, belongs to another event loop, or is
    called outside an asyncio task."""


def _rebuild(cls: type[APIError], message: str, state: dict[str, Any]) -> APIError:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    return error


class APIError(DodbError):
    """A call was sent but did not succeed."""

    attempts: int

    def __init__(self, message: str, *, attempts: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.attempts = attempts

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickles (to another process, say) to the same type and fields, without
        # the httpx response: its request holds the Authorization header.
        state = {k: v for k, v in self.__dict__.items() if k != "response"}
        if "response" in self.__dict__:
            state["response"] = None
        return (_rebuild, (type(self), self.message, state))


class APIConnectionError(APIError):
    """No usable response arrived: the connection failed or broke."""


class APITimeoutError(APIConnectionError):
    """The server did not answer within the timeout."""


class ResponseTooLargeError(APIError):
    """The answer was larger (once decompressed) than the client's `max_response_size`."""


class BodyTooLarge(Exception):
    """Internal: a sender met an answer past its size limit; the client raises
    ResponseTooLargeError for the call."""


class AnotherUser(ValueError):
    """Internal: an answer names a user other than the one the call was about."""


class APIResponseValidationError(APIError):
    """A success status came with a body that is not the documented JSON."""

    def __init__(self, message: str, *, response: httpx.Response, attempts: int = 1) -> None:
        super().__init__(message, attempts=attempts)
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """The API answered with an error status.

    `error_id` is the body's `id` (such as `not_found`), `request_id` comes
    from the body or else the `x-request-id` header, `rate_limit` is what the
    response's headers said, `response` is the httpx response itself.
    """

    status_code: int

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        error_id: str | None,
        request_id: str | None,
        rate_limit: RateLimit | None,
        body: Any = None,
        attempts: int = 1,
    ) -> None:
        super().__init__(message, attempts=attempts)
        self.response = response
        self.status_code = response.status_code
        self.error_id = error_id
        self.request_id = request_id
        self.rate_limit = rate_limit
        self.body = body

    def __str__(self) -> str:
        label = f"{self.status_code} {self.error_id}" if self.error_id else str(self.status_code)
        text = f"{label}: {self.message}"
        if self.request_id:
            text += f" (request id {self.request_id})"
        if self.attempts > 1:
            text += f" after {self.attempts} attempts"
        return text


class BadRequestError(APIStatusError):
    """400: the request was malformed."""


class AuthenticationError(APIStatusError):
    """401: the token is missing, invalid or lacks the scope."""


class PermissionDeniedError(APIStatusError):
    """403: the token may not do this."""


class NotFoundError(APIStatusError):
    """404: no such cluster or user."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the resource's state."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was understood but refused (invalid field, duplicate name...)."""


class RateLimitError(APIStatusError):
    """429: the token's rate limit was exceeded.

    `reset_at` (epoch seconds) and `retry_after` (seconds) say when to try again.
    """

    @property
    def reset_at(self) -> int | None:
        return self.rate_limit.reset_at if self.rate_limit else None

    @property
    def retry_after(self) -> float | None:
        return self.rate_limit.retry_after if self.rate_limit else None


class InternalServerError(APIStatusError):
    """5xx: the server failed."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status_code: int) -> type[APIStatusError]:
    """The most specific error class for an HTTP status."""
    if status_code >= 500:
        return InternalServerError
    return _BY_STATUS.get(status_code, APIStatusError)


class NoPasswordError(DodbError):
    """The API did not return the user's password, so no credentials can be built."""

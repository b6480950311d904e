"""The API's rate-limit headers, parsed."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Mapping
from typing import Final, NamedTuple, TypeAlias

import httpx

_WANTED: Final = {
    b"ratelimit-limit": 0,
    b"ratelimit-remaining": 1,
    b"ratelimit-reset": 2,
    b"retry-after": 3,
    b"x-request-id": 4,
}


_LARGEST = 10**12
"""Larger numbers in these headers are nonsense (the year 33658), and taken as absent."""


def _int(raw: bytes | None) -> int | None:
    if raw is None or len(raw) > 20:
        return None
    try:
        value = int(raw)  # surrounding whitespace is allowed
    except ValueError:
        return None
    return value if -_LARGEST < value < _LARGEST else None


def scan(raw_headers: Iterable[tuple[bytes, bytes]]) -> tuple[RateLimit | None, str | None]:
    """(rate limit, x-request-id) from a response's raw headers, in one pass.

    The hot path: httpx's per-name lookups decode every header each time.
    """
    limit = remaining = reset = retry = request_id = None
    wanted = _WANTED
    for name, value in raw_headers:
        index = wanted.get(name.lower())
        if index is None:
            continue
        if index == 0:
            limit = value
        elif index == 1:
            remaining = value
        elif index == 2:
            reset = value
        elif index == 3:
            retry = value
        else:
            request_id = value
    rate = None
    if limit is not None or remaining is not None or reset is not None or retry is not None:
        retry_after: float | None = None
        if retry is not None:
            try:
                retry_after = float(retry) if len(retry) <= 20 else None
            except ValueError:
                retry_after = None
            if retry_after is not None and not 0 <= retry_after < _LARGEST:
                retry_after = None  # negative, NaN, infinite or absurd
        rate = RateLimit(_int(limit), _int(remaining), _int(reset), retry_after)
        if rate == _EMPTY:
            rate = None
    return rate, None if request_id is None else request_id.decode("latin-1")


KeptHeaders: TypeAlias = Iterable[tuple[bytes, bytes]] | httpx.Headers
"""A response's headers as its sender kept them: raw pairs, or httpx's `Headers`."""


def headers_of(response: httpx.Response) -> KeptHeaders:
    """A response's headers at no cost: as received, if its sender kept them
    (`raw_headers`), else its httpx `Headers`."""
    raw: Iterable[tuple[bytes, bytes]] | None = getattr(response, "raw_headers", None)
    return response.headers if raw is None else raw


def scan_headers(headers: KeptHeaders) -> tuple[RateLimit | None, str | None]:
    """`scan` of headers as `headers_of` gives them."""
    return scan(headers.raw if isinstance(headers, httpx.Headers) else headers)


def scan_response(response: httpx.Response) -> tuple[RateLimit | None, str | None]:
    """`scan` of a response's headers."""
    return scan_headers(headers_of(response))


class RateLimit(NamedTuple):
    """What the last response said about the token's request budget.

    `reset_at` is Unix epoch seconds when the oldest request counted in the
    current hour expires; `retry_after` (seconds) comes with a 429 for the
    per-minute burst limit. A header that is absent or malformed is `None`.
    """

    limit: int | None = None
    remaining: int | None = None
    reset_at: int | None = None
    retry_after: float | None = None

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> RateLimit | None:
        """Parse the headers; `headers` must look names up case-insensitively (httpx does)."""
        items = (
            (name.encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()
        )
        return scan(items)[0]

    def seconds_until_reset(self, now: float | None = None) -> float | None:
        """Seconds from `now` (default: the current time) until `reset_at`; never negative."""
        if self.reset_at is None:
            return None
        current = time.time() if now is None else now
        return max(0.0, self.reset_at - current)


_EMPTY: Final = RateLimit()


class Heard:
    """The rate limit of the last response that gave one, read only when asked for.

    Most programs never ask, and reading the headers of every answer costs a call
    more than anything else done with them; so the headers of each answer are kept
    (headers only: never a body) and read, newest first, when `rate_limit` is asked
    for, or when a few dozen have piled up. A lock keeps answers heard by threads
    sharing a client in the order they were heard.
    """

    __slots__ = ("_last", "_lock", "_unread")

    KEPT: Final = 32

    def __init__(self) -> None:
        self._last: RateLimit | None = None
        self._unread: list[KeptHeaders] = []
        self._lock = threading.Lock()

    def heard(self, headers: KeptHeaders) -> None:
        """An answer came with these headers."""
        with self._lock:
            unread = self._unread
            unread.append(headers)
            if len(unread) >= self.KEPT:
                self._read()

    @property
    def rate_limit(self) -> RateLimit | None:
        with self._lock:
            self._read()
            return self._last

    def _read(self) -> None:
        """Read the kept headers, newest first, up to the first that gives a rate limit
        (with the lock held)."""
        unread = self._unread
        for headers in reversed(unread):
            rate = scan_headers(headers)[0]
            if rate is not None:
                self._last = rate
                break
        unread.clear()

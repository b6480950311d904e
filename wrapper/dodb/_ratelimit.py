"""The API's rate-limit headers, parsed."""

from __future__ import annotations

import time
from collections.abc import Mapping

import attrs


def _int_header(headers: Mapping[str, str], name: str) -> int | None:
    raw = headers.get(name)
    if raw is None:
        return None
    try:
        return int(raw.strip())
    except ValueError:
        return None


def _float_header(headers: Mapping[str, str], name: str) -> float | None:
    raw = headers.get(name)
    if raw is None:
        return None
    try:
        value = float(raw.strip())
    except ValueError:
        return None
    return value if value >= 0 else None


@attrs.frozen
class RateLimit:
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
        limit = _int_header(headers, "ratelimit-limit")
        remaining = _int_header(headers, "ratelimit-remaining")
        reset_at = _int_header(headers, "ratelimit-reset")
        retry_after = _float_header(headers, "retry-after")
        if limit is None and remaining is None and reset_at is None and retry_after is None:
            return None
        return cls(limit=limit, remaining=remaining, reset_at=reset_at, retry_after=retry_after)

    def seconds_until_reset(self, now: float | None = None) -> float | None:
        """Seconds from `now` (default: the current time) until `reset_at`; never negative."""
        if self.reset_at is None:
            return None
        current = time.time() if now is None else now
        return max(0.0, self.reset_at - current)

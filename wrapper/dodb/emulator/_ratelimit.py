"""The API's rate-limit rule, per token: each request counts for one hour after it was made."""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable

import attrs

MAX_TOKENS = 1000
"""How many tokens' windows the emulator keeps at once."""


@attrs.frozen
class Verdict:
    allowed: bool
    limit: int
    remaining: int
    reset: int
    retry_after: int | None = None


class RateLimiter:
    """Sliding windows of one hour (`per_hour`) and one minute (`per_minute`) per token."""

    def __init__(
        self, per_hour: int = 5000, per_minute: int = 250, clock: Callable[[], float] = time.time
    ) -> None:
        for name, value in (("per_hour", per_hour), ("per_minute", per_minute)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a whole number of at least 1, not {value!r}")
        self.per_hour = per_hour
        self.per_minute = per_minute
        self.minute = 60.0
        """The length of the short window, in seconds (tests may shorten it)."""
        self.refused = 0
        """How many requests were answered 429."""
        self._clock = clock
        self._hour: dict[str, deque[float]] = {}
        self._minute: dict[str, deque[float]] = {}

    def check(self, token: str) -> Verdict:
        """Count a request if the token has room for it; refused requests do not count."""
        now = self._clock()
        if token not in self._hour and len(self._hour) >= MAX_TOKENS:
            # Bounded state: the token seen least recently is forgotten (its windows reset).
            oldest = next(iter(self._hour))
            del self._hour[oldest]
            self._minute.pop(oldest, None)
        hour = self._hour.pop(token, None) or deque()
        self._hour[token] = hour  # most recently seen last
        minute = self._minute.setdefault(token, deque())
        while hour and hour[0] <= now - 3600:
            hour.popleft()
        while minute and minute[0] <= now - self.minute:
            minute.popleft()
        if len(hour) >= self.per_hour:
            self.refused += 1
            return Verdict(False, self.per_hour, 0, math.ceil(hour[0] + 3600))
        if len(minute) >= self.per_minute:
            self.refused += 1
            wait = max(1, math.ceil(minute[0] + self.minute - now))
            reset = math.ceil(hour[0] + 3600) if hour else math.ceil(now + 3600)
            return Verdict(False, self.per_hour, self.per_hour - len(hour), reset, wait)
        hour.append(now)
        minute.append(now)
        return Verdict(True, self.per_hour, self.per_hour - len(hour), math.ceil(hour[0] + 3600))

"""A client's own rate budget, so that bulk jobs wait instead of failing.

The API allows 250 requests a minute per token (and 5,000 an hour). A client
that fires past that gets 429s with waits of up to a minute; a job of a few
hundred adds then fails in bulk. The pacer spaces requests so that no
sliding minute (and a second, `MARGIN`) holds more than `per_minute` of them. When the server still
answers 429 (another program uses the token, or its limit is lower), every
request of the client waits out the `retry-after`: the server's window frees
in the same bursts the client filled it, so the job goes on at the server's
pace without a 429 for each request.

Shared by a client, its `with_options` copies, and all their threads and
tasks. `reserve` never blocks: it answers how long to wait.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

WINDOW = 60.0
MARGIN = 1 / 60
"""A slot frees this share of the window late (1 s a minute). The server counts a
request when it arrives, later than the client planned to send it by a varying
delay (scheduling, the network); paced to the limit with no room for that, a
request now and then reaches a window that still holds the one it replaced."""


class Pacer:
    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._lock = threading.Lock()
        self._slots: deque[float] = deque()  # send times, in order, some in the future
        self._hold_until = 0.0

    def reserve(self) -> float:
        """Claim the next free slot for one request: the seconds to wait before sending it."""
        with self._lock:
            now = self._clock()
            span = WINDOW * (1 + MARGIN)
            at = max(now, self._hold_until, self._slots[-1] if self._slots else now)
            while self._slots and self._slots[0] <= now - span:
                self._slots.popleft()
            if len(self._slots) >= self.per_minute:
                at = max(at, self._slots[-self.per_minute] + span)
            self._slots.append(at)
            return at - now

    def throttled(self, retry_after: float) -> None:
        """The server answered 429: hold every request of the client back that long."""
        with self._lock:
            self._hold_until = max(self._hold_until, self._clock() + retry_after)

    def __repr__(self) -> str:
        return f"Pacer(per_minute={self.per_minute})"

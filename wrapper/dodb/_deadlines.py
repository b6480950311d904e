"""One timer for every request in flight on an event loop.

A timer per request (aiohttp's `total`, or `asyncio.timeout`) costs each call a
timer handle pushed onto the loop's heap and cancelled again: about 7 µs of
client CPU a call at 32 and at 128 concurrent calls (`bench/results/ablation.md`).
Here a request is entered in a set, and one timer, set for the nearest deadline,
wakes when that comes; a request gone by then is simply no longer there. An
expired request's task is cancelled, as `asyncio.timeout` does, and
`Watch.timed_out` tells that cancellation apart from anyone else's.
"""

from __future__ import annotations

import asyncio
import math

from ._errors import ClientStateError


class Watch:
    """One request's deadline, as `Deadlines.watch` entered it."""

    __slots__ = ("_ours", "cancelling", "expired", "task", "when")

    def __init__(self, task: asyncio.Task[object], when: float) -> None:
        self.task = task
        self.when = when
        self.cancelling = task.cancelling()  # cancellations asked before this request
        self.expired = False
        self._ours: bool | None = None

    def timed_out(self) -> bool:
        """Whether the deadline ended the request, rather than a cancellation asked by
        someone else (which goes on as a `CancelledError`).

        For a request that has expired, on its way out: the first call withdraws the
        deadline's own cancellation from the task, the next ones repeat the answer."""
        if self._ours is None:
            self._ours = self.task.uncancel() <= self.cancelling
        return self._ours


class Deadlines:
    """The deadlines of the requests in flight on one event loop."""

    __slots__ = ("_handle", "_loop", "_wake", "_watched")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._watched: set[Watch] = set()
        self._handle: asyncio.TimerHandle | None = None
        self._wake = math.inf  # when the timer is set for

    def watch(self, seconds: float) -> Watch:
        """Cancel the current task if it is still in the request `seconds` from now."""
        task = asyncio.current_task(self._loop)
        if task is None:
            raise ClientStateError("an AsyncClient call runs inside an asyncio task")
        when = self._loop.time() + seconds
        watch = Watch(task, when)
        self._watched.add(watch)
        if when < self._wake:
            self._set(when)
        return watch

    def done(self, watch: Watch) -> None:
        """The request is over, whichever way: its deadline no longer applies."""
        self._watched.discard(watch)

    def close(self) -> None:
        """Stop the timer (the requests still watched are left alone)."""
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        self._wake = math.inf

    def _set(self, when: float) -> None:
        if self._handle is not None:
            self._handle.cancel()
        self._handle = self._loop.call_at(when, self._expire)
        self._wake = when

    def _expire(self) -> None:
        """Cancel every request past its deadline; set the timer for the nearest left."""
        # Never before the time the timer was set for: a loop may run a timer a clock
        # tick early, and then a deadline just ahead would set it again and again.
        now = max(self._loop.time(), self._wake)
        self._handle, self._wake = None, math.inf
        nearest = math.inf
        for watch in list(self._watched):
            if watch.when <= now:
                self._watched.discard(watch)
                watch.expired = True
                watch.task.cancel()
            elif watch.when < nearest:
                nearest = watch.when
        if nearest < math.inf:
            self._set(nearest)

"""How one call is carried out: attempts, waits, the deadline, and reconciling unsure adds.

`plan()` is a generator that decides and never acts. It yields `Pace` (wait
for this client's rate budget, and tell me how long that took), `Send`
(make this request and send me the response or the transport error) and
`Sleep` (wait this long), and ends by returning a `Done` (the response to
parse) or raising a `Failed` (the last outcome, to turn into an error). It
reads no clock and draws no random number of its own: both are passed in, so
tests drive it step by step. The sync and async clients carry out the same
plan, and turn its ending into results, errors and stats.

The rules:
- Retried: 429, 500, 502, 503, 504, connection errors and timeouts, at most
  `max_retries` times, with exponential backoff and jitter; a 429 waits for
  `retry-after`, or until `ratelimit-reset` when nothing remains.
- Waits for the rate limit (the client's own pacing, and a 429's
  `retry-after` or reset) do not count against the call's deadline, nor as
  retries: the server did not act, and a bulk job must not fail for being
  throttled. They are bounded by `rate_limit_patience` per call instead.
  (`max_retries=0` still sends exactly once, 429 or not.)
  Any other wait that would pass the deadline is not started: the last
  outcome fails the call at once.
- A request the server may have acted on (5xx, a timeout or a connection
  lost after sending) is resent only if the call's policy says so. An add is
  never resent blindly: the user is looked up first; if it exists and does
  not contradict the request, the add is complete; if it does not exist the
  add is sent again; if the lookup itself fails, the call fails. A 404 is
  not trusted at once (the API may not show a new user for a moment): the
  lookup is repeated with short waits for up to `read_lag` seconds. If the
  resent add is refused with 422 (the name exists), the user is looked up
  again and returned when it matches.
- A DELETE resent after an unsure attempt treats 404 as done.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any, Final, Literal, NamedTuple, TypeAlias, TypeGuard

import httpx

from ._ratelimit import scan_response
from ._response import Undecodable, decode

if TYPE_CHECKING:
    from ._calls import Call
    from ._config import Settings

RETRY_STATUSES: Final = frozenset({429, 500, 502, 503, 504})
# Failures that happen before a request leaves the client: nothing was acted on.
NOT_SENT: Final = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)

Purpose: TypeAlias = Literal["first", "retry", "lookup", "relookup"]


class Send(NamedTuple):
    """Send `call` within `timeout`; answer with the response or the transport error.

    `budget`: the seconds left of the call's deadline, a bound on the whole request
    (on the wall clock for the async client; for the sync one, on every socket operation)."""

    call: Call[Any]
    timeout: httpx.Timeout
    purpose: Purpose
    budget: float = float("inf")


class Sleep(NamedTuple):
    """Wait this many seconds, then answer with None.

    `rate_limited`: a wait the rate limit imposed; the driver tells the
    client's pacer, so that its other calls hold back too."""

    seconds: float
    rate_limited: bool = False


class Pace(NamedTuple):
    """Wait until the client's rate budget allows one more request; answer with
    the seconds that took."""


class Done(NamedTuple):
    """The call succeeded: parse `response` with the call's parser.

    `gone`: a DELETE whose earlier, unsure attempt already removed the user.
    `confirmed`: an unsure add that the lookup found complete (`response` is the lookup's).
    """

    response: httpx.Response
    attempts: int
    gone: bool = False
    confirmed: bool = False


class Failed(Exception):
    """The call failed. `outcome` is the last response or transport error; None if
    the deadline passed before a request could be sent."""

    def __init__(
        self, outcome: httpx.Response | httpx.TransportError | None, attempts: int
    ) -> None:
        super().__init__(outcome)
        self.outcome = outcome
        self.attempts = attempts


Step: TypeAlias = Send | Sleep | Pace
Outcome: TypeAlias = httpx.Response | httpx.TransportError | float | None
Plan: TypeAlias = Generator[Step, Outcome, Done]


def succeeded(outcome: Outcome) -> TypeGuard[httpx.Response]:
    """Whether an attempt's outcome ends the call as a success: a 2xx answer."""
    return isinstance(outcome, httpx.Response) and 200 <= outcome.status_code < 300


def first_attempt(call: Call[Any], settings: Settings) -> Send:
    """The first request of a call, as the plan would make it: with the whole deadline
    (after any wait for the client's pacer). A client sends it alone, and hands the plan
    its outcome (`sent`) only if it is not a success: most calls never start a plan."""
    return Send(call, settings.first_timeout, "first", settings.deadline)


def backoff(attempt: int, jitter: float) -> float:
    """Exponential backoff: 0.5 s doubled each attempt, at most 8 s, times 0.5 to 1.0."""
    base: float = min(8.0, 0.5 * 2 ** (attempt - 1))
    return base * (0.5 + jitter / 2)


def rate_limit_wait(outcome: Outcome, now: float) -> float | None:
    """How long a 429 asks to wait (`retry-after`, or until the reset when nothing
    remains); None for anything else, or a 429 that says nothing."""
    if not isinstance(outcome, httpx.Response) or outcome.status_code != 429:
        return None
    rate = scan_response(outcome)[0]
    if rate is not None and rate.retry_after is not None:
        return rate.retry_after
    if rate is not None and rate.remaining == 0 and rate.reset_at is not None:
        return rate.seconds_until_reset(now)
    return None


class _Context:
    """What a plan decides by: the settings, its clock and chance, and the call's deadline,
    which waits for the rate limit move later."""

    __slots__ = ("_now", "ends", "jitter", "paced", "rate_limited", "settings", "wall")

    def __init__(
        self,
        settings: Settings,
        monotonic: Callable[[], float],
        jitter: Callable[[], float] | None,
        wall: Callable[[], float],
        paced: bool,
        started: float | None = None,
    ) -> None:
        self.settings = settings
        self._now = monotonic
        self.jitter = jitter
        self.wall = wall
        self.paced = paced
        self.ends = (monotonic() if started is None else started) + settings.deadline
        self.rate_limited = 0.0

    def remaining(self) -> float:
        return self.ends - self._now()

    def allows(self, wait: float) -> bool:
        return wait < self.remaining()

    def excuse(self, seconds: float) -> None:
        """Time spent waiting for the rate limit: not charged to the deadline."""
        self.ends += seconds
        self.rate_limited += seconds


def _pace(ctx: _Context) -> Generator[Step, Outcome, None]:
    """Wait for the client's own rate budget; that wait is not charged to the deadline."""
    waited = yield Pace()
    if isinstance(waited, int | float) and waited > 0:
        ctx.excuse(float(waited))


def _send(ctx: _Context, call: Call[Any], purpose: Purpose, attempts: int) -> Send:
    """The request to send next, within what is left of the deadline."""
    remaining = ctx.remaining()
    if remaining <= 0:
        raise Failed(None, attempts)
    return Send(call, ctx.settings.attempt_timeout(remaining), purpose, remaining)


def _wait(ctx: _Context, outcome: Outcome, attempt: int) -> Sleep | None:
    """The wait before trying again after `outcome`, or None if it cannot be afforded."""
    limited = rate_limit_wait(outcome, ctx.wall())
    if limited is not None:
        if ctx.rate_limited + limited > ctx.settings.rate_limit_patience:
            return None
        ctx.excuse(limited)
        return Sleep(limited, rate_limited=True)
    jitter = ctx.jitter
    if jitter is None:
        import random  # only retries need it

        jitter = random.random
    wait = backoff(attempt, jitter())
    return Sleep(wait) if ctx.allows(wait) else None


def plan(
    call: Call[Any],
    settings: Settings,
    *,
    monotonic: Callable[[], float] = time.monotonic,
    wall: Callable[[], float] = time.time,
    jitter: Callable[[], float] | None = None,
    paced: bool = True,
    sent: tuple[Outcome, float] | None = None,
    waited: float = 0.0,
) -> Plan:
    """Carry out `call`; see the module's docstring for the rules. `paced`: the client
    keeps to a rate budget of its own, and is asked to (`Pace`) before each request.
    `sent`: the first attempt's outcome and when it started (monotonic), when the client
    made it alone (`first_attempt`); the plan goes on from there. `waited`: the seconds
    that attempt waited for the client's rate budget, which count against the call's
    `rate_limit_patience` as the plan's own waits do."""
    ctx = _Context(settings, monotonic, jitter, wall, paced, None if sent is None else sent[1])
    ctx.rate_limited = waited
    attempt = 0  # requests sent
    retries = 0  # resends that count against max_retries (429s do not)
    unsure = False  # an earlier attempt may have been acted on
    while True:
        attempt += 1
        purpose: Purpose = "first" if attempt == 1 else "retry"
        if attempt == 1 and sent is not None:
            outcome = sent[0]
        else:
            if ctx.paced:
                yield from _pace(ctx)
            outcome = yield _send(ctx, call, purpose, attempt - 1)
        if isinstance(outcome, httpx.Response):
            status = outcome.status_code
            if succeeded(outcome):
                return Done(outcome, attempt)
            if status == 404 and unsure and call.method == "DELETE":
                return Done(outcome, attempt, gone=True)
            if status == 422 and unsure and call.unsure == "confirm":
                # The resent add was refused, most likely because the first one
                # made the user after all: look again before reporting a failure.
                found = yield from _confirm(ctx, call, attempt)
                if isinstance(found, httpx.Response):
                    return Done(found, attempt, confirmed=True)
                raise Failed(outcome, attempt)
            if status not in RETRY_STATUSES:
                raise Failed(outcome, attempt)
            acted = status != 429
        elif isinstance(outcome, httpx.TransportError):
            acted = not isinstance(outcome, NOT_SENT)
        else:
            raise TypeError("a Send step needs a response or a transport error")
        throttled = isinstance(outcome, httpx.Response) and outcome.status_code == 429
        if settings.max_retries == 0:
            raise Failed(outcome, attempt)  # sent once, as asked
        if not throttled:
            retries += 1
            if retries > settings.max_retries:
                raise Failed(outcome, attempt)
        if acted and call.unsure != "resend":
            if call.unsure == "raise" or not call.confirms:
                raise Failed(outcome, attempt)
            found = yield from _confirm(ctx, call, attempt)
            if found == "unclear":
                raise Failed(outcome, attempt)
            if isinstance(found, httpx.Response):
                return Done(found, attempt, confirmed=True)
        sleep = _wait(ctx, outcome, retries)
        if sleep is None:
            raise Failed(outcome, attempt)
        unsure = unsure or acted
        yield sleep


def _confirm(
    ctx: _Context, call: Call[Any], attempt: int
) -> Generator[Step, Outcome, httpx.Response | Literal["absent", "unclear"]]:
    """After an unsure add: the lookup's response if the user is there as requested."""
    confirm = call.confirm()
    tries = 0
    lag_waited = 0.0
    while True:
        tries += 1
        purpose: Purpose = "lookup" if tries == 1 else "relookup"
        if ctx.paced:
            yield from _pace(ctx)
        outcome = yield _send(ctx, confirm.lookup, purpose, attempt)
        if isinstance(outcome, httpx.Response):
            if outcome.status_code == 404:
                # Not proof of absence: a new user can take a moment to show.
                lag = min(0.25 * 2 ** (tries - 1), ctx.settings.read_lag - lag_waited)
                if lag <= 0 or not ctx.allows(lag):
                    return "absent"
                lag_waited += lag
                yield Sleep(lag)
                continue
            if outcome.status_code == 200:
                try:
                    matches = confirm.matches(decode(outcome))
                except (Undecodable, ValueError, KeyError, TypeError):
                    return "unclear"
                # A user that contradicts the request is someone else's: sending
                # the add again gets the API's own answer.
                return outcome if matches else "absent"
            if outcome.status_code not in RETRY_STATUSES:
                return "unclear"
        if tries > ctx.settings.max_retries:
            return "unclear"
        sleep = _wait(ctx, outcome, tries)
        if sleep is None:
            return "unclear"
        yield sleep

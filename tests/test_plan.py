"""The retry plan driven directly: outcomes in, steps and endings out; no client, no clock."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from dodb import _calls as calls
from dodb._config import Settings
from dodb._retry import Done, Failed, Pace, Send, Sleep, plan


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def settings(max_retries: int = 2, deadline: float = 60.0) -> Settings:
    return Settings(timeout=httpx.Timeout(5.0), max_retries=max_retries, deadline=deadline)


def response(status: int, body: Any = None, **headers: str) -> httpx.Response:
    content = b"" if body is None else json.dumps(body).encode()
    return httpx.Response(status, content=content, headers=headers)


class Stepper:
    """Drives a plan: answers each Pace with `paced` seconds, and returns the other steps."""

    def __init__(self, p: Any, paced: float = 0.0) -> None:
        self.plan = p
        self.paced = paced

    def _skip_pace(self, step: Any) -> Any:
        while isinstance(step, Pace):
            step = self.plan.send(self.paced)
        return step

    def first(self) -> Any:
        return self._skip_pace(next(self.plan))

    def send(self, outcome: Any) -> Any:
        return self._skip_pace(self.plan.send(outcome))


def start(
    call: calls.Call[Any], s: Settings, clock: FakeClock | None = None, paced: float = 0.0
) -> tuple[Stepper, Any]:
    clock = clock or FakeClock()
    p = Stepper(plan(call, s, monotonic=clock, wall=clock, jitter=lambda: 0.0), paced)
    return p, p.first()


def finish(p: Stepper, outcome: Any) -> Done:
    with pytest.raises(StopIteration) as stop:
        p.send(outcome)
    done: Done = stop.value.value
    return done


GET = calls.typed("databases_get_user", ("ab7bb7a", "app-01"), {}, {})
ADD = calls.typed(
    "databases_add_user", ("ab7bb7a",), {"name": "app-01"}, {"pg_allow_replication": True}
)
DELETE = calls.typed("databases_delete_user", ("ab7bb7a", "app-01"), {}, {})
USER = {"user": {"name": "app-01", "role": "normal", "password": "pw"}}


def test_a_success_ends_the_plan_at_once() -> None:
    p, step = start(GET, settings())
    assert isinstance(step, Send)
    assert (step.call, step.purpose) == (GET, "first")
    done = finish(p, response(200, USER))
    assert (done.attempts, done.gone, done.confirmed) == (1, False, False)


def test_a_503_is_retried_after_a_backoff_then_fails_when_retries_run_out() -> None:
    p, _ = start(GET, settings(max_retries=1))
    sleep = p.send(response(503))
    assert sleep == Sleep(0.25)  # 0.5 s times the lowest jitter factor
    step = p.send(None)
    assert isinstance(step, Send)
    assert step.purpose == "retry"
    with pytest.raises(Failed) as failed:
        p.send(response(503))
    assert failed.value.attempts == 2
    assert isinstance(failed.value.outcome, httpx.Response)


def test_a_429_waits_for_retry_after_even_past_the_deadline_but_not_past_the_patience() -> None:
    p, _ = start(GET, settings(deadline=5))
    assert p.send(response(429, **{"retry-after": "7"})) == Sleep(7.0, rate_limited=True)
    assert isinstance(p.send(None), Send)
    p, _ = start(GET, settings(deadline=5))
    with pytest.raises(Failed) as failed:
        p.send(response(429, **{"retry-after": "700"}))  # patience is 120 s
    assert failed.value.attempts == 1


def test_waiting_for_the_clients_own_rate_budget_does_not_use_up_the_deadline() -> None:
    clock = FakeClock()
    p = plan(GET, settings(deadline=10), monotonic=clock, wall=clock, jitter=lambda: 0.0)
    assert isinstance(next(p), Pace)
    clock.now += 30  # the driver waited 30 s for a slot, and says so
    send = p.send(30.0)
    assert isinstance(send, Send)
    assert send.timeout.read == 5.0  # the whole attempt timeout is still there


def test_a_404_right_after_an_unsure_add_is_looked_at_again_within_the_read_lag() -> None:
    made = {"user": {"name": "app-01", "settings": {"pg_allow_replication": True}}}
    p, _ = start(ADD, settings())
    p.send(response(500))  # the lookup
    assert p.send(response(404, {"id": "not_found", "message": "x"})) == Sleep(0.25)
    again = p.send(None)
    assert again.purpose == "relookup"
    assert finish(p, response(200, made)).confirmed


def test_a_422_on_the_resent_add_is_checked_by_a_lookup() -> None:
    made = {"user": {"name": "app-01", "settings": {"pg_allow_replication": True}}}
    s = settings()
    s.read_lag = 0  # a 404 is taken at its word here
    p, _ = start(ADD, s)
    p.send(response(500))
    p.send(response(404, {"id": "not_found", "message": "x"}))  # absent: back off
    p.send(None)  # resend
    lookup = p.send(response(422, {"id": "unprocessable_entity", "message": "exists"}))
    assert lookup.purpose == "lookup"
    done = finish(p, response(200, made))
    assert done.confirmed


def test_the_deadline_is_read_from_the_clock_it_is_given() -> None:
    clock = FakeClock()
    p, _ = start(GET, settings(deadline=10), clock)
    p.send(httpx.ConnectError("refused"))  # a Sleep
    clock.now += 11
    with pytest.raises(Failed) as failed:
        p.send(None)
    assert failed.value.outcome is None  # ran out before the next request


def test_an_unsure_add_is_looked_up_and_confirmed_when_the_user_matches() -> None:
    p, _ = start(ADD, settings())
    lookup = p.send(response(500))
    assert isinstance(lookup, Send)
    assert lookup.purpose == "lookup"
    assert (lookup.call.method, lookup.call.path) == ("GET", "/v2/databases/ab7bb7a/users/app-01")
    found = {
        "user": {"name": "app-01", "role": "normal", "settings": {"pg_allow_replication": True}}
    }
    done = finish(p, response(200, found))
    assert done.confirmed
    assert done.response.json() == found


def test_an_unsure_add_is_resent_when_the_user_is_absent_or_contradicts_the_request() -> None:
    for answer in (
        response(404, {"id": "not_found", "message": "x"}),
        response(200, {"user": {"name": "app-01", "settings": {"pg_allow_replication": False}}}),
    ):
        p, _ = start(ADD, settings())
        p.send(response(500))
        step = p.send(answer)
        while isinstance(step, Send) and step.purpose == "relookup":  # a 404 is checked again
            step = p.send(answer)
        while isinstance(step, Sleep):
            step = p.send(None)
            if isinstance(step, Send) and step.purpose == "relookup":
                step = p.send(answer)
        resend = step
        assert isinstance(resend, Send)
        assert (resend.call, resend.purpose) == (ADD, "retry")


def test_an_unsure_add_fails_when_the_lookup_cannot_tell() -> None:
    p, _ = start(ADD, settings(max_retries=1))
    p.send(httpx.ReadTimeout("lost"))
    with pytest.raises(Failed) as failed:
        p.send(response(403, {"id": "forbidden", "message": "no"}))
    assert isinstance(failed.value.outcome, httpx.ReadTimeout)  # the add's own failure


def test_an_add_that_surely_was_not_sent_is_resent_without_a_lookup() -> None:
    p, _ = start(ADD, settings())
    assert isinstance(p.send(httpx.ConnectError("refused")), Sleep)
    assert p.send(None).purpose == "retry"


def test_a_delete_resent_after_an_unsure_attempt_takes_404_as_done() -> None:
    p, _ = start(DELETE, settings())
    p.send(response(502))
    p.send(None)
    done = finish(p, response(404, {"id": "not_found", "message": "x"}))
    assert done.gone
    p, _ = start(DELETE, settings())
    with pytest.raises(Failed):
        p.send(response(404, {"id": "not_found", "message": "x"}))


def test_the_plan_imports_no_client_module() -> None:
    """No import cycle: the plan decides, and knows nothing of who acts."""
    import ast

    import dodb._retry as retry

    tree = ast.parse(Path(retry.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert imported & {"_base", "_client", "_async_client"} == set()
    assert "_ratelimit" in imported  # the check reads real imports


@pytest.mark.parametrize(
    ("attempt", "lowest", "highest"),
    [(1, 0.25, 0.5), (2, 0.5, 1.0), (3, 1.0, 2.0), (4, 2.0, 4.0), (5, 4.0, 8.0), (6, 4.0, 8.0)],
)
def test_backoff_doubles_from_half_a_second_up_to_eight_with_jitter_halving_at_most(
    attempt: int, lowest: float, highest: float
) -> None:
    from dodb._retry import backoff

    assert backoff(attempt, 0.0) == lowest
    assert backoff(attempt, 1.0) == highest
    assert backoff(attempt, 0.5) == (lowest + highest) / 2


def test_each_retry_waits_the_backoff_of_its_own_attempt() -> None:
    p, _ = start(GET, settings(max_retries=4))
    waits = []
    for _ in range(4):
        sleep = p.send(response(503))
        waits.append(sleep.seconds)
        assert isinstance(p.send(None), Send)
    assert waits == [0.25, 0.5, 1.0, 2.0]


def test_rate_limit_waits_add_up_against_the_patience() -> None:
    p, _ = start(GET, settings(max_retries=5, deadline=5))
    assert p.send(response(429, **{"retry-after": "60"})) == Sleep(60.0, rate_limited=True)
    assert isinstance(p.send(None), Send)
    # 60 + 60 is the whole patience (120 s): still waited.
    assert p.send(response(429, **{"retry-after": "60"})) == Sleep(60.0, rate_limited=True)
    assert isinstance(p.send(None), Send)
    with pytest.raises(Failed) as failed:  # one more second would pass it
        p.send(response(429, **{"retry-after": "1"}))
    assert failed.value.attempts == 3


def test_the_pacers_wait_before_a_first_attempt_counts_against_the_patience() -> None:
    """A client that waited for its rate budget before sending the first attempt alone
    tells the plan, whose rate-limit waits then have that much less patience left."""
    clock = FakeClock()
    throttled = response(429, **{"retry-after": "60"})

    def resumed(waited: float) -> Any:
        return plan(
            GET, settings(max_retries=5, deadline=5), monotonic=clock, wall=clock,
            jitter=lambda: 0.0, paced=True, sent=(throttled, clock.now), waited=waited,
        )  # fmt: skip

    assert next(resumed(60.0)) == Sleep(60.0, rate_limited=True)  # 60 + 60: the whole 120 s
    with pytest.raises(Failed):
        next(resumed(61.0))


def test_a_422_on_a_first_add_is_the_answer_not_a_reason_to_look() -> None:
    p, _ = start(ADD, settings())
    with pytest.raises(Failed) as failed:
        p.send(response(422, {"id": "unprocessable_entity", "message": "exists"}))
    assert failed.value.attempts == 1
    assert isinstance(failed.value.outcome, httpx.Response)
    assert failed.value.outcome.status_code == 422


def test_a_backoff_is_not_a_rate_limit_wait() -> None:
    p, _ = start(GET, settings())
    sleep = p.send(response(503))
    assert sleep.rate_limited is False


def test_a_deadline_reached_while_waiting_fails_with_the_attempts_made() -> None:
    clock = FakeClock()
    p, _ = start(GET, settings(max_retries=3, deadline=10), clock)
    assert isinstance(p.send(response(503)), Sleep)
    clock.now += 10.0  # the wait ate exactly what was left
    with pytest.raises(Failed) as failed:
        p.send(None)
    assert (failed.value.outcome, failed.value.attempts) == (None, 1)


def test_a_wait_as_long_as_the_time_left_is_not_taken() -> None:
    p, _ = start(GET, settings(deadline=0.25))  # the first backoff is 0.25 s
    with pytest.raises(Failed) as failed:
        p.send(response(503))
    assert failed.value.attempts == 1


def test_time_spent_on_the_clients_own_pacing_is_given_back_to_the_deadline() -> None:
    clock = FakeClock()
    p = plan(GET, settings(deadline=10), monotonic=clock, wall=clock, jitter=lambda: 0.0)
    assert isinstance(next(p), Pace)
    clock.now += 0.5
    send = p.send(0.5)
    assert isinstance(send, Send)
    assert send.budget == 10.0  # not 9.5


def test_a_plan_given_the_first_attempt_goes_on_from_its_outcome_as_if_it_had_sent_it() -> None:
    """An unpaced client sends `first_attempt` alone and hands the plan what came back:
    the plan's steps from there are the ones it would have taken after its own Send."""
    from dodb._retry import first_attempt, succeeded

    s = settings(max_retries=1, deadline=10)
    first = first_attempt(GET, s)
    assert (first.call, first.purpose, first.budget) == (GET, "first", 10)
    assert first.timeout == s.timeout
    assert succeeded(response(204))
    assert not succeeded(response(503))
    assert not succeeded(httpx.ConnectError("refused"))

    clock = FakeClock()

    def resumed(call: calls.Call[Any], outcome: Any, started: float) -> Any:
        return plan(
            call, s, monotonic=clock, wall=clock, jitter=lambda: 0.0, paced=False,
            sent=(outcome, started),
        )  # fmt: skip

    given = resumed(GET, response(503), clock.now)
    assert next(given) == Sleep(0.25)  # the 503's backoff, no request before it
    retry = given.send(None)
    assert isinstance(retry, Send)
    assert retry.purpose == "retry"
    with pytest.raises(Failed) as failed:
        given.send(response(503))
    assert failed.value.attempts == 2

    # The deadline runs from when the first attempt started, not from the plan.
    late = resumed(GET, httpx.ConnectError("refused"), clock.now - 9.9)
    with pytest.raises(Failed) as failed:
        next(late)  # the backoff does not fit in the 0.1 s left
    assert isinstance(failed.value.outcome, httpx.ConnectError)

    # An unsure add given as sent is looked up, as after the plan's own attempt.
    add = resumed(ADD, response(500), clock.now)
    lookup = next(add)
    assert isinstance(lookup, Send)
    assert lookup.purpose == "lookup"

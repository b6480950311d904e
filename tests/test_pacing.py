"""The client's own rate budget (dodb/_pacing.py), on a clock of the test's."""

from __future__ import annotations

import pytest

from dodb._pacing import MARGIN, WINDOW, Pacer


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_full_window_waits_for_its_oldest_slot_and_the_margin() -> None:
    clock = Clock()
    pacer = Pacer(3, clock)
    assert [pacer.reserve() for _ in range(3)] == [0.0, 0.0, 0.0]
    # The fourth goes a window and its margin after the first: 61 s for a minute.
    assert pacer.reserve() == pytest.approx(61.0)


def test_slots_free_only_once_the_window_and_margin_have_passed() -> None:
    clock = Clock()
    pacer = Pacer(2, clock)
    pacer.reserve()
    pacer.reserve()
    clock.now += WINDOW + 0.5  # past the minute, within the margin
    assert pacer.reserve() == pytest.approx(WINDOW * MARGIN - 0.5)
    clock.now += 10 * WINDOW  # long idle: everything has freed
    assert pacer.reserve() == 0.0


def test_a_throttle_holds_every_request_back() -> None:
    clock = Clock()
    pacer = Pacer(100, clock)
    pacer.throttled(7.5)
    assert pacer.reserve() == pytest.approx(7.5)
    assert pacer.reserve() == pytest.approx(7.5)  # the next one waits as long

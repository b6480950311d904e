"""Figures that tests measure, printed in pytest's terminal summary (see conftest.py)."""

from __future__ import annotations

FIGURES: list[str] = []


def report(line: str) -> None:
    FIGURES.append(line)
    print(line)

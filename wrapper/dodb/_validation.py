"""Checks on caller input, done before a request is built."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from enum import StrEnum
from typing import TypeVar
from urllib.parse import quote

from ._errors import InvalidInputError

E = TypeVar("E", bound=StrEnum)

_SHOWN = 60
# Longer segments would make URLs that httpx (and servers) refuse; no real name comes close.
MAX_SEGMENT = 8192
# Names made only of unreserved characters need no checks beyond this, nor any encoding.
_PLAIN = re.compile(r"[A-Za-z0-9._~-]+")
_DOT_SEGMENTS = frozenset({".", ".."})


def shown(value: object) -> str:
    """A short repr of a caller's value for an error message."""
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 5] + "...'" + f" ({len(text)} chars)"


def path_segment(param: str, value: object) -> str:
    """`value` percent-encoded as exactly one URL path segment, or InvalidInputError.

    Refused: non-strings, empty or blank values, path separators, `.` and `..`
    (which would change the URL requested), control characters, text that
    is not valid Unicode, and values longer than MAX_SEGMENT once encoded.
    Anything else is encoded, so it names one segment.
    """
    if not isinstance(value, str):
        raise InvalidInputError(f"{param} must be a string, not {type(value).__name__}")
    if len(value) <= MAX_SEGMENT and _PLAIN.fullmatch(value) and value not in _DOT_SEGMENTS:
        return value
    if not value.strip():
        raise InvalidInputError(f"{param} must not be empty or blank: {shown(value)}")
    if value in _DOT_SEGMENTS:
        raise InvalidInputError(f"{param} must not be a dot segment: {shown(value)}")
    if "/" in value or "\\" in value:
        raise InvalidInputError(f"{param} must not contain a path separator: {shown(value)}")
    for char in value:
        category = unicodedata.category(char)
        if category == "Cc":
            raise InvalidInputError(f"{param} must not contain control characters: {shown(value)}")
        if category == "Cs":
            raise InvalidInputError(f"{param} is not valid Unicode text: {shown(value)}")
    encoded = quote(value, safe="")
    if len(encoded) > MAX_SEGMENT:
        raise InvalidInputError(
            f"{param} is too long: {len(encoded)} characters once encoded, at most {MAX_SEGMENT}"
        )
    return encoded


def choice(param: str, value: object, enum: type[E]) -> E:
    """`value` as a member of `enum`, or InvalidInputError listing the allowed values."""
    if isinstance(value, enum):
        return value
    allowed = [member.value for member in enum.__members__.values()]
    if isinstance(value, str) and value in allowed:
        return enum(value)
    raise InvalidInputError(f"{param} must be one of {', '.join(allowed)}; got {shown(value)}")


def flag(param: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidInputError(f"{param} must be True or False, not {shown(value)}")
    return value


def text(param: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError(f"{param} must be a non-empty string, not {shown(value)}")
    return value


def strings(param: str, value: object) -> list[str]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidInputError(f"{param} must be a list of strings, not {shown(value)}")
    items = list(value)
    for item in items:
        text(f"{param} item", item)
    return items

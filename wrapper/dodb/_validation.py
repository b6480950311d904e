"""Checks on the caller's path values, done before a request is built; short reprs for messages.

Bodies and options are checked by reading them strictly against the spec
(`dodb_api.types.load`), not here.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from ._errors import InvalidInputError

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

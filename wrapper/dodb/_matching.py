"""Whether a user the server returned contradicts the request that should have made it.

Used after an unsure add: the user found under the new name counts as this
add's unless a value the server did send differs from what was asked for.
A field the server left out is no contradiction (GET may omit settings), nor
is a field it added (an ACL id, a default). Lists of objects are compared as
sets of items, each asked-for item needing a found item that does not
contradict it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def contradicts(wanted: Any, got: Any) -> bool:
    if isinstance(wanted, Mapping):
        if not isinstance(got, Mapping):
            return True
        return any(key in got and contradicts(value, got[key]) for key, value in wanted.items())
    if isinstance(wanted, list | tuple):
        if not isinstance(got, list | tuple):
            return True
        if len(wanted) != len(got):
            return True
        unmatched = list(got)
        for item in wanted:
            for i, candidate in enumerate(unmatched):
                if not contradicts(item, candidate):
                    del unmatched[i]
                    break
            else:
                return True
        return False
    return bool(wanted != got)

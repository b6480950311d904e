"""Whether what the server returned contradicts the request that should have made it.

Used after an unsure create: the thing found under the new name counts as this
create's unless a value the server did send differs from what was asked for,
compared after the normalisation the API applies. The comparison walks the
spec's schema of the thing (a user, say), so each value is read as what it is:
- a field the server left out, or sent empty, is no contradiction (GET may
  omit `settings`, and a MongoDB password or a role may come back blank);
- a field the server added is none either (an ACL id, a default such as
  MongoDB's databases);
- enum values compare without case, and in each spelling the API returns,
  as the spec lists them (`x-dodb-spellings`: Kafka's `produceconsume`, for
  one, as the official Terraform provider reads it back);
- lists of objects compare as sets of items, each asked-for item needing a
  found item that does not contradict it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dodb_api.types import ArrayReader, EnumReader, ModelReader, Reader, schema_of


def _normal(value: Any, reader: Reader | None) -> Any:
    if isinstance(reader, EnumReader) and isinstance(value, str):
        lowered = value.lower()
        return reader.spellings.get(lowered, lowered)
    return value


def _absent(value: Any) -> bool:
    return value is None or value == ""


def contradicts(wanted: Any, got: Any, reader: Reader | None = None) -> bool:
    """Whether `got` (JSON from the server) contradicts `wanted` (JSON that was sent)."""
    if _absent(got):
        return False
    if isinstance(wanted, Mapping):
        if not isinstance(got, Mapping):
            return True
        props = schema_of(reader.model).by_name if isinstance(reader, ModelReader) else {}
        return any(
            key in got and contradicts(value, got[key], props[key].reader if key in props else None)
            for key, value in wanted.items()
        )
    if isinstance(wanted, list | tuple):
        if not isinstance(got, list | tuple) or len(wanted) != len(got):
            return True
        item = reader.item if isinstance(reader, ArrayReader) else None
        unmatched = list(got)
        for entry in wanted:
            for i, candidate in enumerate(unmatched):
                if not contradicts(entry, candidate, item):
                    del unmatched[i]
                    break
            else:
                return True
        return False
    return bool(_normal(wanted, reader) != _normal(got, reader))

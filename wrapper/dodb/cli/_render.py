"""Users as tables or JSON, with secrets masked unless asked for.

A user's JSON is its model's `to_dict()`, so every property the spec has
appears without naming any here. Credentials come out of `to_dict()` as
`Secret` values, masked by type; fields the spec does not know yet are
masked when their name looks like a credential.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from dodb_api.types import Secret

if TYPE_CHECKING:
    from dodb_api.models import DatabaseUser

MASK = "**********"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str, limit: int | None = None) -> str:
    """Server-sent text made safe for a terminal: control characters (ANSI and OSC
    escapes, newlines) shown as `\\xNN`, and cut to `limit` characters."""
    safe = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    if limit is not None and len(safe) > limit:
        safe = safe[: limit - 1] + "…"
    return safe


_LOOKS_SECRET = re.compile(r"pass|secret|private|token|credential|(^|_)key$", re.IGNORECASE)


def shown_json(value: Any, *, show_secrets: bool, known: bool = True) -> Any:
    """JSON-ready data with every Secret (and secret-looking unknown field) masked."""
    if isinstance(value, Secret):
        return value.reveal() if show_secrets else MASK
    if isinstance(value, dict):
        return {
            k: MASK
            if not known and not show_secrets and isinstance(v, str) and _LOOKS_SECRET.search(k)
            else shown_json(v, show_secrets=show_secrets, known=known)
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [shown_json(v, show_secrets=show_secrets, known=known) for v in value]
    return value


def user_to_json(user: DatabaseUser, *, show_secrets: bool) -> dict[str, Any]:
    """The user in the API's JSON shape, secrets masked unless `show_secrets`."""
    data = user.to_dict()
    unknown = set(user.extra)
    return {
        k: shown_json(v, show_secrets=show_secrets, known=k not in unknown)
        for k, v in shown_json(data, show_secrets=show_secrets).items()
    }


def mask_raw(data: Any, model: Any) -> Any:
    """Raw API JSON, masked through the spec's model of it (`model.from_dict`)."""
    return shown_json(model.from_dict(data).to_dict(), show_secrets=False, known=False)


def _flat(prefix: str, value: Any, out: list[str]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _flat(f"{prefix}.{k}" if prefix else k, v, out)
    elif isinstance(value, list):
        for v in value:
            if isinstance(v, dict):
                fields = [str(x) for key, x in v.items() if key != "id"]
                out.append(f"{prefix}:{'='.join(fields)}")
            else:
                out.append(f"{prefix}={v}")
    else:
        out.append(f"{prefix}={value.value if isinstance(value, StrEnum) else value}")


def _settings_text(user: DatabaseUser) -> str:
    parts: list[str] = []
    for model in (user.mysql_settings, user.settings):
        if model is not None:
            _flat("", model.to_dict(), parts)
    return " ".join(parts) or "-"


def users_table(users: Sequence[DatabaseUser], *, show_secrets: bool) -> str:
    rows = [("NAME", "ROLE", "PASSWORD", "SETTINGS")]
    for user in users:
        cell = "-"
        if user.password is not None:
            cell = user.password.reveal() if show_secrets else MASK
        rows.append(
            (
                printable(user.name),
                printable(str(user.role or "-")),
                cell,
                printable(_settings_text(user)),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:3])) + "  " + row[3]
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines)


def users_output(users: Sequence[DatabaseUser], *, output: str, show_secrets: bool) -> str:
    if output == "json":
        return json.dumps([user_to_json(u, show_secrets=show_secrets) for u in users], indent=2)
    return users_table(users, show_secrets=show_secrets)

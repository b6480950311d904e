"""Users as tables or JSON, with secrets masked unless asked for."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .._models import DatabaseUser
from .._secret import Secret

MASK = "**********"


def _secret(value: Secret | None, show: bool) -> str | None:
    if value is None:
        return None
    return value.reveal() if show else MASK


def user_to_json(user: DatabaseUser, *, show_secrets: bool) -> dict[str, Any]:
    """The user as the API's JSON shape, secrets masked unless `show_secrets`."""
    data: dict[str, Any] = {"name": user.name}
    if user.role is not None:
        data["role"] = str(user.role)
    if user.password is not None:
        data["password"] = _secret(user.password, show_secrets)
    if user.access_cert is not None:
        data["access_cert"] = user.access_cert
    if user.access_key is not None:
        data["access_key"] = _secret(user.access_key, show_secrets)
    if user.mysql_settings is not None:
        data["mysql_settings"] = {"auth_plugin": str(user.mysql_settings.auth_plugin)}
    settings = user.settings
    if settings is not None:
        out: dict[str, Any] = {}
        if settings.pg_allow_replication is not None:
            out["pg_allow_replication"] = settings.pg_allow_replication
        if settings.acl is not None:
            out["acl"] = [
                {"id": a.id, "topic": a.topic, "permission": str(a.permission)}
                for a in settings.acl
            ]
        if settings.opensearch_acl is not None:
            out["opensearch_acl"] = [
                {"index": a.index, "permission": str(a.permission)} for a in settings.opensearch_acl
            ]
        mongo = settings.mongo_user_settings
        if mongo is not None:
            out["mongo_user_settings"] = {
                k: v
                for k, v in (
                    ("databases", None if mongo.databases is None else list(mongo.databases)),
                    ("role", None if mongo.role is None else str(mongo.role)),
                )
                if v is not None
            }
        data["settings"] = out
    data.update(user.extra)
    return data


def mask_json(value: Any) -> Any:
    """Raw API JSON with every password and private key masked."""
    if isinstance(value, dict):
        return {
            k: (MASK if k in ("password", "access_key") and isinstance(v, str) else mask_json(v))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [mask_json(v) for v in value]
    return value


def _settings_text(user: DatabaseUser) -> str:
    parts = []
    if user.mysql_settings is not None:
        parts.append(f"auth_plugin={user.mysql_settings.auth_plugin}")
    settings = user.settings
    if settings is not None:
        if settings.pg_allow_replication is not None:
            parts.append(f"replication={'yes' if settings.pg_allow_replication else 'no'}")
        for acl in settings.acl or ():
            parts.append(f"kafka:{acl.topic}={acl.permission}")
        for os_acl in settings.opensearch_acl or ():
            parts.append(f"opensearch:{os_acl.index}={os_acl.permission}")
        mongo = settings.mongo_user_settings
        if mongo is not None:
            if mongo.role is not None:
                parts.append(f"mongo_role={mongo.role}")
            if mongo.databases:
                parts.append(f"databases={','.join(mongo.databases)}")
    return " ".join(parts) or "-"


def users_table(users: Sequence[DatabaseUser], *, show_secrets: bool) -> str:
    rows = [("NAME", "ROLE", "PASSWORD", "SETTINGS")]
    for user in users:
        password = _secret(user.password, show_secrets) or "-"
        rows.append((user.name, str(user.role or "-"), password, _settings_text(user)))
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

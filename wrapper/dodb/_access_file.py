"""The TOML file of what an app needs of each cluster: read, checked, nothing sent.

    [clusters.CLUSTER]
    dbs = [DATABASE, ...]
    trusted_sources = [{ type = TYPE, value = VALUE }, ...]

    [clusters.CLUSTER.users.NAME]         # the typed add's options
    pg_allow_replication = true

    [clusters.CLUSTER.pools.NAME]         # the typed pool add's options
    mode = MODE
    size = 5
    db = DATABASE
    user = NAME

`load_access` reads it into `ClusterAccess` values for `Client.apply`; a
problem is a `FileError` naming the file, line and key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

from ._errors import DodbError

if TYPE_CHECKING:
    from ._apply import ClusterAccess


Kind = Literal["users", "dbs", "pools", "trusted_sources"]
KINDS: Final[tuple[Kind, ...]] = ("dbs", "users", "pools", "trusted_sources")
"""What a cluster's table holds, in the order `apply` makes them (and prunes in reverse)."""


class FileError(DodbError):
    """A file of desired access that cannot be applied: names the file, line and key."""


def _header_path(line: str) -> tuple[str, ...] | None:
    """The keys of a `[table]` header line, read by TOML itself (quoted keys and all)."""
    text = line.strip()
    if not text.startswith("[") or text.startswith("[["):
        return None
    tree: Any = None
    for attempt in (text, text.split("#", 1)[0]):  # as is, then without a trailing comment
        try:
            tree = tomllib.loads(attempt)
            break
        except tomllib.TOMLDecodeError:
            continue
    if tree is None:
        return None
    keys: list[str] = []
    while isinstance(tree, dict) and len(tree) == 1:
        key, tree = next(iter(tree.items()))
        keys.append(key)
    return tuple(keys)


def _line_of(text: str, table: tuple[str, ...], key: str | None = None) -> int | None:
    """The line of a table's header, or of a key inside it (1-based)."""
    inside = False
    for number, line in enumerate(text.splitlines(), 1):
        header = _header_path(line)
        if header is not None:
            inside = header == table
            if inside and key is None:
                return number
            continue
        if inside and key is not None:
            name = line.split("=", 1)[0].strip().strip('"')
            if "=" in line and name == key:
                return number
    return None


def load_access(path: str | Path) -> dict[str, ClusterAccess]:
    """What the file wants of each cluster, every name and option checked (nothing is sent)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise FileError(f"{path}: cannot read it ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise FileError(f"{path}: not UTF-8 text") from None
    try:
        tree = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FileError(f"{path}: not valid TOML: {exc}") from None

    def fail(message: str, table: tuple[str, ...], key: str | None = None) -> FileError:
        line = _line_of(text, table, key) or _line_of(text, table) or 1
        where = ".".join(table) + (f".{key}" if key else "")
        return FileError(f"{path}:{line}: {where}: {message}")

    unknown = sorted(set(tree) - {"clusters"})
    if unknown:
        raise fail(f"unknown top-level key (only [clusters...] tables): {unknown[0]}", ())
    clusters = tree.get("clusters")
    if not isinstance(clusters, Mapping) or not clusters:
        raise FileError(f"{path}:1: no [clusters.CLUSTER] tables")
    desired: dict[str, ClusterAccess] = {}
    for cluster, body in clusters.items():
        table = ("clusters", cluster)
        if not isinstance(body, Mapping):
            raise fail("a cluster must be a table", table)
        extra = sorted(set(body) - set(KINDS))
        if extra:
            raise fail(f"unknown key (a cluster holds {', '.join(KINDS)})", table, extra[0])
        from ._apply import ClusterAccess, check_pool, check_user

        desired[cluster] = ClusterAccess(
            users=_tables(body, "users", table, fail, check_user, cluster),
            dbs=_names(body, table, fail, cluster),
            pools=_tables(body, "pools", table, fail, check_pool, cluster),
            trusted_sources=_sources(body, table, fail),
        )
    return desired


Fail = Callable[..., FileError]


def _tables(
    body: Mapping[str, Any],
    key: str,
    table: tuple[str, ...],
    fail: Fail,
    check: Callable[[str, str, Mapping[str, Any]], None],
    cluster: str,
) -> dict[str, Mapping[str, Any]]:
    """`[clusters.CLUSTER.KEY.NAME]` tables, each checked as its call will send it."""
    found = body.get(key, {})
    if not isinstance(found, Mapping):
        raise fail(f"{key} must be a table of [clusters.CLUSTER.{key}.NAME] tables", table)
    out: dict[str, Mapping[str, Any]] = {}
    for name, options in found.items():
        where = (*table, key, name)
        if not isinstance(options, Mapping):
            raise fail("must be a table of options", where)
        try:
            check(cluster, name, options)
        except TypeError:
            hint = f"see `dodb {key} add --help` for the options, in snake_case"
            known = _known_options(key)
            bad = next((k for k in options if k not in known), None)
            raise fail(f"unknown option ({hint})", where, bad) from None
        except DodbError as exc:
            bad = next((k for k in options if str(exc).startswith(k)), None)
            raise fail(str(exc), where, bad) from None
        out[name] = dict(options)
    return out


def _known_options(key: str) -> set[str]:
    from dodb_api.types import load_operation

    from ._options import by_name

    operation = {"users": "databases_add_user", "pools": "databases_add_connection_pool"}[key]
    body = load_operation(operation).body
    assert body is not None
    return set(by_name(body))


def _names(
    body: Mapping[str, Any], table: tuple[str, ...], fail: Fail, cluster: str
) -> tuple[str, ...]:
    from ._apply import check_db

    names = body.get("dbs", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise fail("dbs must be a list of database names", table, "dbs")
    for name in names:
        try:
            check_db(cluster, name)
        except DodbError as exc:
            raise fail(f"{name!r}: {exc}", table, "dbs") from None
    return tuple(names)


def _sources(
    body: Mapping[str, Any], table: tuple[str, ...], fail: Fail
) -> tuple[tuple[str, str], ...]:
    from dodb_api.models import FirewallRule
    from dodb_api.types import schema_of

    from ._access import rule

    items = body.get("trusted_sources", [])
    needed = {p.name for p in schema_of(FirewallRule).props if p.required}
    shape = f"trusted_sources must be a list of tables of {' and '.join(sorted(needed))}"
    if not isinstance(items, list):
        raise fail(shape, table, "trusted_sources")
    found = []
    for item in items:
        if not isinstance(item, Mapping) or set(item) != needed:
            raise fail(shape, table, "trusted_sources")
        try:
            kind, value = (item[p.name] for p in schema_of(FirewallRule).props[:2])
            found.append(rule(kind, str(value)))
        except DodbError as exc:
            raise fail(str(exc), table, "trusted_sources") from None
    return tuple(found)

"""The engine options of the typed calls, declared once.

Each row names a keyword, the engine it belongs to, where its value goes in
the request body, and its command-line flag. Everything else comes from the
spec through the generated models: which operations accept an option (those
whose request body has that place), its allowed values (the generated enum),
and how its value is checked (the same strict reading as a raw body).
Which engine an option belongs to is the one fact the spec leaves to prose.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any, NamedTuple

from dodb_api.types import (
    BOOLEAN,
    ArrayReader,
    EnumReader,
    Model,
    ModelReader,
    Reader,
    schema_of,
)

from ._errors import InvalidInputError
from ._validation import shown


class Option(NamedTuple):
    name: str
    engine: str
    path: tuple[str, ...]
    flag: str
    help: str


OPTIONS: tuple[Option, ...] = (
    Option(
        "mysql_auth_plugin",
        "MySQL",
        ("mysql_settings", "auth_plugin"),
        "--mysql-auth-plugin",
        "the authentication plugin",
    ),
    Option(
        "pg_allow_replication",
        "PostgreSQL",
        ("settings", "pg_allow_replication"),
        "--pg-allow-replication",
        "grant (or, with --no-..., withhold) replication rights",
    ),
    Option(
        "kafka_acls",
        "Kafka",
        ("settings", "acl"),
        "--kafka-acl",
        "a permission on the topics matching a pattern (repeatable)",
    ),
    Option(
        "opensearch_acls",
        "OpenSearch",
        ("settings", "opensearch_acl"),
        "--opensearch-acl",
        "a permission on the indexes matching a pattern (repeatable)",
    ),
    Option(
        "mongo_databases",
        "MongoDB",
        ("settings", "mongo_user_settings", "databases"),
        "--mongo-database",
        "a database the user may reach; admin means all (repeatable)",
    ),
    Option(
        "mongo_role",
        "MongoDB",
        ("settings", "mongo_user_settings", "role"),
        "--mongo-role",
        "the role on those databases",
    ),
    Option("readonly", "MongoDB", ("readonly",), "--readonly", "read-only user (older flag)"),
)
BY_NAME: dict[str, Option] = {option.name: option for option in OPTIONS}


def reader_at(body: type[Model], path: tuple[str, ...]) -> Reader | None:
    """The reader of the property at `path` in a request body model, or None if it has none."""
    model: type[Model] | None = body
    reader: Reader | None = None
    for key in path:
        if model is None:
            return None
        prop = schema_of(model).by_name.get(key)
        if prop is None:
            return None
        reader = prop.reader
        model = reader.model if isinstance(reader, ModelReader) else None
    return reader


def accepted_by(body: type[Model] | None) -> tuple[Option, ...]:
    """The options an operation's request body has a place for."""
    if body is None:
        return ()
    return tuple(o for o in OPTIONS if reader_at(body, o.path) is not None)


def choices(body: type[Model], option: Option) -> tuple[str, ...] | None:
    """The spec's allowed values for an enum-valued option (of a list's items too)."""
    reader = reader_at(body, option.path)
    if isinstance(reader, ArrayReader):
        item = reader.item
        if isinstance(item, ModelReader):
            perms = [p.reader for p in schema_of(item.model).props]
            enums = [r for r in perms if isinstance(r, EnumReader)]
            return enums[0].values if enums else None
        reader = item
    return reader.values if isinstance(reader, EnumReader) else None


def is_flag(body: type[Model], option: Option) -> bool:
    return reader_at(body, option.path) is BOOLEAN


def is_list(body: type[Model], option: Option) -> bool:
    return isinstance(reader_at(body, option.path), ArrayReader)


def _as_json(option: Option, reader: Reader, value: object) -> Any:
    """A keyword's value in the JSON shape its place in the body takes; checked later."""
    if isinstance(value, StrEnum):
        return value.value
    if not isinstance(reader, ArrayReader):
        return value
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise InvalidInputError(f"{option.name} must be a list, not {shown(value)}")
    item = reader.item
    if not isinstance(item, ModelReader):
        return list(value)
    items = []
    for i, entry in enumerate(value):
        if isinstance(entry, item.model):
            items.append(entry.to_dict())
        elif isinstance(entry, Mapping):
            items.append(dict(entry))
        elif isinstance(entry, tuple) and len(entry) == 2:
            # A pair fills the item's first two properties, in spec order.
            first, second = (p.name for p in schema_of(item.model).props[:2])
            items.append({first: _plain(entry[0]), second: _plain(entry[1])})
        else:
            kind = item.model.__name__
            raise InvalidInputError(
                f"{option.name}[{i}] must be a {kind} or a pair, not {shown(entry)}"
            )
    return items


def _plain(value: object) -> object:
    return value.value if isinstance(value, StrEnum) else value


def one_engine(options: Mapping[str, object]) -> None:
    """Refuse options of two engines in one call: no cluster accepts both."""
    engines: dict[str, str] = {}
    for name, value in options.items():
        if value is not None:
            engines.setdefault(BY_NAME[name].engine, name)
    if len(engines) > 1:
        named = " and ".join(f"{opt} ({engine})" for engine, opt in engines.items())
        raise InvalidInputError(f"options for different engines cannot be combined: {named}")


def build_body(
    call: str, body: type[Model], options: Mapping[str, object], base: Mapping[str, Any]
) -> dict[str, Any]:
    """The JSON body for keyword options, on top of `base` (for example the name)."""
    allowed = {o.name: o for o in accepted_by(body)}
    for name in options:
        if name not in allowed:
            raise TypeError(f"{call}() got an unexpected keyword argument {name!r}")
    one_engine(options)
    out: dict[str, Any] = dict(base)
    for name, value in options.items():
        if value is None:
            continue
        option = allowed[name]
        reader = reader_at(body, option.path)
        assert reader is not None
        place = out
        for key in option.path[:-1]:
            place = place.setdefault(key, {})
        place[option.path[-1]] = _as_json(option, reader, value)
    return out


def option_path(path: str) -> str:
    """A body path (`settings.acl[0].permission`) in the words of the option that made it."""
    for option in OPTIONS:
        prefix = ".".join(option.path)
        if path == prefix or path.startswith((prefix + "[", prefix + ".")):
            return option.name + path[len(prefix) :]
    return path

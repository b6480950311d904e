"""The keyword options of the typed calls, as the spec declares them.

An option is a property of a request body marked `x-dodb-option` in
openapi.yaml: its keyword, its command-line flag, its help line and, where one
engine alone accepts it, that engine. Its place in the body is where it is
declared; its allowed values come from the generated enum, and its value is
checked by the same strict reading as a raw body. Nothing about an option is
written here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from functools import cache
from types import MappingProxyType
from typing import Any, Final, NamedTuple

from dodb_api.types import (
    BOOLEAN,
    ArrayReader,
    EnumReader,
    Model,
    ModelReader,
    Reader,
    Secret,
    schema_of,
)

from ._errors import InvalidInputError
from ._validation import shown

DECLARATION: Final = "x-dodb-option"


class Option(NamedTuple):
    name: str
    engine: str | None
    path: tuple[str, ...]
    flag: str
    help: str
    replaces: bool = False
    """A new value cannot be changed in place: `ensure` replaces the thing (`replaces`)."""
    refers_to: str | None = None
    """The kind of thing the value names (`refers-to`: `dbs`, `users`), which must exist."""


@cache
def accepted_by(body: type[Model] | None) -> tuple[Option, ...]:
    """The options a request body has a place for, in spec order."""
    if body is None:
        return ()
    found: list[Option] = []

    def walk(model: type[Model], where: tuple[str, ...], seen: frozenset[type[Model]]) -> None:
        for prop in schema_of(model).props:
            path = (*where, prop.name)
            declared = prop.extensions.get(DECLARATION)
            if isinstance(declared, Mapping):
                found.append(
                    Option(
                        str(declared["name"]),
                        declared.get("engine"),
                        path,
                        str(declared.get("flag") or "--" + str(declared["name"]).replace("_", "-")),
                        str(declared.get("help", "")),
                        bool(declared.get("replaces", False)),
                        declared.get("refers-to"),
                    )
                )
            elif isinstance(prop.reader, ModelReader) and prop.reader.model not in seen:
                walk(prop.reader.model, path, seen | {prop.reader.model})

    walk(body, (), frozenset({body}))
    return tuple(found)


@cache
def by_name(body: type[Model]) -> Mapping[str, Option]:
    """The options of a request body, by keyword (made once per body, read-only)."""
    return MappingProxyType({o.name: o for o in accepted_by(body)})


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
    if isinstance(reader, ModelReader) and isinstance(value, reader.model):
        return _sendable(value.to_dict())  # a model given for an object-valued option
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
            items.append(_sendable(entry.to_dict()))
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


def _sendable(value: Any) -> Any:
    """A model's JSON with its credentials as the text to send (the caller gave them)."""
    if isinstance(value, Secret):
        return value.reveal()
    if isinstance(value, dict):
        return {k: _sendable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_sendable(v) for v in value]
    return value


def _plain(value: object) -> object:
    return value.value if isinstance(value, StrEnum) else value


def one_engine(allowed: Mapping[str, Option], options: Mapping[str, object]) -> None:
    """Refuse options of two engines in one call: no cluster accepts both."""
    engines: dict[str, str] = {}
    for name, value in options.items():
        engine = allowed[name].engine
        if value is not None and engine is not None:
            engines.setdefault(engine, name)
    if len(engines) > 1:
        named = " and ".join(f"{opt} ({engine})" for engine, opt in engines.items())
        raise InvalidInputError(f"options for different engines cannot be combined: {named}")


def build_body(
    call: str, body: type[Model], options: Mapping[str, object], base: Mapping[str, Any]
) -> dict[str, Any]:
    """The JSON body for keyword options, on top of `base` (for example the name)."""
    allowed = by_name(body)
    for name in options:
        if name not in allowed:
            raise TypeError(f"{call}() got an unexpected keyword argument {name!r}")
    one_engine(allowed, options)
    # Positional fields may be given as generated models: sent as their JSON.
    out: dict[str, Any] = {
        k: _sendable(v.to_dict()) if callable(getattr(v, "_describe", None)) else v
        for k, v in base.items()
    }
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


def option_path(body: type[Model], path: str) -> str:
    """A body path (`settings.acl[0].permission`) in the words of the option that made it."""
    for option in accepted_by(body):
        prefix = ".".join(option.path)
        if path == prefix or path.startswith((prefix + "[", prefix + ".")):
            return option.name + path[len(prefix) :]
    return path

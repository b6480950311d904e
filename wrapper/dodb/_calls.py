"""Any operation of the spec as a `Call`: the request to send and how to read its answer.

Nothing here names an operation. The facts come from the generated rows
(`dodb_api.api`: method, path, success status, body and result models) and
from the spec's `x-dodb-*` declarations that travel with them (what to do
when an attempt is unsure, which lookup confirms it, which field of the
answer must name the request's subject, which changes go one at a time).
Official-name calls and typed calls build their request through the same
`_request`, and every body, a caller's dict or one made from keyword options,
is checked once: by reading it strictly against the spec's request schema.
Nothing here does I/O, so the sync and async clients share it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import IO, Any, Final, Generic, Literal, TypeAlias, TypeVar
from urllib.parse import urlencode

import attrs

from dodb_api.types import (
    Model,
    ModelReader,
    Operation,
    SchemaError,
    check,
    load_operation,
    schema_of,
)

from ._errors import AnotherUser, InvalidInputError
from ._matching import contradicts
from ._options import build_body, option_path
from ._validation import path_segment, shown

T = TypeVar("T")

JSONObject: TypeAlias = dict[str, Any]
Unsure: TypeAlias = Literal["resend", "confirm", "raise"]


@attrs.frozen(slots=True)
class Confirm:
    """How to learn whether a create whose answer was lost took effect.

    Built only after an unsure attempt, so a normal create pays nothing for it.
    `matches` says whether the lookup's decoded body holds the thing this
    create asked for; it raises ValueError, KeyError or TypeError if the body is off.
    """

    lookup: Call[Any]
    matches: Callable[[Any], bool]


@attrs.define(slots=True)
class Call(Generic[T]):
    """One request, and how to read its success body (`None` for an empty body).

    Plain data: everything else a call may need (the answer's check, the lookup
    that confirms an unsure create) is worked out from it when needed. Not changed
    once made (not frozen only because a frozen attrs class costs each call more
    to build; so, compared by value, it is not hashable)."""

    method: str
    path: str
    success: int
    parse: Callable[[Any], T]
    content: bytes | None = attrs.field(default=None, repr=False)
    """The body as sent: it may hold a credential (a password the spec marks), so never shown."""
    unsure: Unsure = "resend"
    exclusive: str | None = None
    """Calls with the same key run one at a time (the spec's `x-dodb-one-at-a-time`)."""
    op: Operation | None = attrs.field(default=None, eq=False, repr=False)
    subject: object = attrs.field(default=None, eq=False, repr=False)
    """The one thing the request is about (the spec's `x-dodb-subject`), if any."""
    path_values: tuple[object, ...] = attrs.field(default=(), eq=False, repr=False)
    body: Mapping[str, Any] | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def where(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def confirms(self) -> bool:
        """Whether a lookup can tell if an unsure attempt of this call took effect."""
        return self.unsure == "confirm" and self.op is not None and bool(self.op.facts.confirm_by)

    def read(self, data: Any) -> T:
        """The answer parsed, refused if it is about another thing than the request's subject.

        An answer must belong to its request. One that does not is a broken or hostile
        server, or bytes left over on a kept-alive connection read as the next answer
        (httpx does that); either way what it holds is not the caller's. Names are
        compared without case, in case the API folds it.
        """
        keys = () if self.op is None else self.op.facts.answer_names
        if keys:
            found = _at(data, keys)
            if isinstance(found, str) and found.casefold() != str(self.subject).casefold():
                raise AnotherUser(f"about {keys[0]} {found!r}, not {self.subject!r}")
        return self.parse(data)

    def confirm(self) -> Confirm:
        """Look the new thing up; it counts as this create's unless it contradicts the request.
        Worked out only after an unsure attempt."""
        op = self.op
        assert op is not None
        assert op.facts.confirm_by is not None
        lookup_op = load_operation(op.facts.confirm_by)
        keys = lookup_op.facts.answer_names or op.facts.answer_names
        model = _subject_model(lookup_op)
        reader = ModelReader(model) if model is not None else None
        lookup = _request(lookup_op, (*self.path_values, self.subject), self.parse)
        subject, body = self.subject, self.body or {}

        def matches(found: Any) -> bool:
            item = _at(_json_object(found), keys[:-1])
            if not isinstance(item, dict):
                raise TypeError("the lookup's answer holds no object")
            if item.get(keys[-1]) != subject:
                return False
            return not contradicts(body, item, reader)

        return Confirm(lookup, matches)


# Parsers -----------------------------------------------------------------


def _json_object(data: Any) -> JSONObject:
    if not isinstance(data, dict):
        raise TypeError(f"expected a JSON object, got {type(data).__name__}")
    return data


def _nothing(_data: Any) -> None:
    return None


def _returned(op: Operation) -> tuple[type[Model] | None, str | None]:
    """The model a typed call reads, and the attribute of it that it returns."""
    returns = op.facts.returns
    if op.result is None or returns is None:
        return op.result, None
    return op.result, schema_of(op.result).by_name[returns].attr


def _typed_parser(op: Operation) -> Callable[[Any], Any]:
    """Read the answer as the operation's result model; return the declared property.
    One per operation (kept with its shape), made on first use."""
    shape = _shape(op)
    if shape.typed_parse is None:
        shape.typed_parse = _make_typed_parser(op)
    return shape.typed_parse


def _make_typed_parser(op: Operation) -> Callable[[Any], Any]:
    model, attr = _returned(op)
    if model is None:
        return _nothing
    assert model is not None

    def parse(data: Any) -> Any:
        found = model.from_dict(_json_object(data))
        if attr is None:
            return found
        value = getattr(found, attr)
        return list(value) if isinstance(value, tuple) else value

    return parse


def _subject_model(op: Operation) -> type[Model] | None:
    """The model of the one thing an answer is about (the result's returned property)."""
    model, _ = _returned(op)
    returns = op.facts.returns
    if model is None or returns is None:
        return None
    reader = schema_of(model).by_name[returns].reader
    return reader.model if isinstance(reader, ModelReader) else None


def _at(data: Any, keys: tuple[str, ...]) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


# Bodies ------------------------------------------------------------------


_ENCODER: Final = json.JSONEncoder(separators=(",", ":"), allow_nan=False)


def _encode(body: Mapping[str, Any]) -> bytes:
    try:
        return _ENCODER.encode(body).encode()
    except (TypeError, ValueError) as exc:
        raise InvalidInputError(f"body cannot be sent as JSON: {exc}") from None


_READ: Final = IO.read.__name__
"""The method a binary body (`IO[bytes]`) is read with."""


def _raw_body(body: object) -> tuple[Mapping[str, Any], bytes | None]:
    """A caller's dict or binary file as (decoded object, the file's bytes or None)."""
    if type(body) is dict or isinstance(body, Mapping):
        return body, None
    read = getattr(body, _READ, None)
    if callable(read):
        data = read()
        if not isinstance(data, bytes | bytearray):
            raise InvalidInputError("body file must be opened in binary mode (IO[bytes])")
        try:
            decoded = json.loads(data)
        except (UnicodeDecodeError, ValueError):
            raise InvalidInputError("body file does not hold valid JSON") from None
        if not isinstance(decoded, dict):
            raise InvalidInputError("body file must hold a JSON object")
        return decoded, bytes(data)
    raise InvalidInputError(
        f"body must be a dict or a binary file (IO[bytes]), not {type(body).__name__}"
    )


def _checked(op: Operation, body: Mapping[str, Any], *, typed: bool) -> None:
    """Read the body strictly against the operation's request schema.

    A field of the answer's model that this request cannot set (a password, a
    role, a new name) is refused. A field the spec does not know at all is sent
    on as given: the API may be newer than this client, and it answers for itself.
    """
    assert op.body is not None
    known = schema_of(op.body).by_name
    if not typed and not known.keys() >= body.keys():
        served = _subject_model(op)
        server_set = schema_of(served).by_name if served is not None else {}
        for key in body:
            if key not in known and key in server_set:
                raise InvalidInputError(
                    f"body field {key!r} cannot be sent: it is set by the server or cannot "
                    f"change here (this request takes {', '.join(known)})"
                )
        body = {k: v for k, v in body.items() if k in known}
    try:
        check(op.body, body)
    except SchemaError as exc:
        where = (
            option_path(op.body, exc.path) if typed else f"body.{exc.path}" if exc.path else "body"
        )
        raise InvalidInputError(f"{where} {exc.problem}") from None
    except RecursionError:
        raise InvalidInputError("body is nested too deeply") from None


def _query(op: Operation, query: Mapping[str, object]) -> str:
    """The query string of the parameters given (None leaves one out)."""
    pairs: list[tuple[str, str]] = []
    for name, value in query.items():
        if name not in op.query_params:
            raise TypeError(f"{op.facts.official} got an unexpected query parameter {name!r}")
        if value is None:
            continue
        if isinstance(value, bool):
            pairs.append((name, "true" if value else "false"))
        elif isinstance(value, str | int | float):
            pairs.append((name, str(value)))
        else:
            raise InvalidInputError(f"{name} must be a string or a number, not {shown(value)}")
    return "?" + urlencode(pairs) if pairs else ""


# The one request builder ----------------------------------------------------------


class _Shape:
    """What building a request of one operation needs, worked out once per operation."""

    __slots__ = (
        "body_subject",
        "exclusive",
        "path",
        "path_subject",
        "subject_label",
        "typed_parse",
        "unsure",
    )

    def __init__(self, op: Operation) -> None:
        facts = op.facts
        # The path template with its parameters by position: `str.format(*segments)`.
        self.path = op.path
        for index, name in enumerate(op.path_params):
            self.path = self.path.replace(f"{{{name}}}", f"{{{index}}}")
        subject = facts.subject
        self.body_subject = (
            subject[len("body.") :] if subject and subject.startswith("body.") else None
        )
        self.subject_label = subject or ""
        self.path_subject = (
            op.path_params.index(subject) if subject and self.body_subject is None else None
        )
        self.exclusive = (
            None if facts.one_at_a_time is None else op.path_params.index(facts.one_at_a_time)
        )
        self.unsure: Unsure = facts.unsure  # type: ignore[assignment]
        self.typed_parse: Callable[[Any], Any] | None = None


_SHAPES: dict[str, _Shape] = {}


def _shape(op: Operation) -> _Shape:
    found = _SHAPES.get(op.name)
    if found is None:
        found = _SHAPES[op.name] = _Shape(op)
    return found


def _request(
    op: Operation,
    path_values: tuple[object, ...],
    parse: Callable[[Any], T],
    body: Mapping[str, Any] | None = None,
    content: bytes | None = None,
    *,
    query: Mapping[str, object] | None = None,
    typed: bool = False,
) -> Call[T]:
    shape = _SHAPES.get(op.name) or _shape(op)
    names = op.path_params
    if len(path_values) != len(names):
        given = len(path_values)
        raise TypeError(f"{op.facts.official} takes {len(names)} path values, not {given}")
    segments = list(map(path_segment, names, path_values))
    path = shape.path.format(*segments)
    if query:
        path += _query(op, query)
    subject: object = None
    if shape.body_subject is not None:
        subject = (body or {}).get(shape.body_subject)
        if subject is not None:
            # A new thing's name must be one that can be looked up afterwards.
            path_segment(shape.subject_label, subject)
    elif shape.path_subject is not None:
        subject = path_values[shape.path_subject]
    if op.body is not None:
        if body is None:
            raise InvalidInputError(f"{op.facts.official} needs a body")
        _checked(op, body, typed=typed)
        content = content or _encode(body)
    exclusive = None if shape.exclusive is None else segments[shape.exclusive]
    unsure = shape.unsure
    if unsure == "confirm":  # what the lookup after an unsure attempt needs
        return Call(
            op.method, path, op.success, parse, content, unsure, exclusive, op, subject,
            path_values=path_values, body=body,
        )  # fmt: skip
    return Call(op.method, path, op.success, parse, content, unsure, exclusive, op, subject)


# The two kinds of call -------------------------------------------------------------


def official(
    name: str, path: tuple[object, ...], body: object, query: Mapping[str, object]
) -> Call[Any]:
    """An official-name call: a dict or binary body in, the JSON object out."""
    op = load_operation(name)
    parse: Callable[[Any], Any] = _json_object if op.result is not None else _nothing
    if op.body is None:
        if body is not None:
            raise TypeError(f"{op.facts.official} takes no body")
        return _request(op, path, parse, query=query)
    decoded, content = _raw_body(body)
    return _request(op, path, parse, decoded, content, query=query)


def typed(
    name: str,
    path: tuple[object, ...],
    fields: Mapping[str, object],
    options: Mapping[str, object],
    query: Mapping[str, object] | None = None,
) -> Call[Any]:
    """A typed call: positional fields and keyword options in, the declared model out."""
    op = load_operation(name)
    body: dict[str, Any] | None = None
    if op.body is not None:
        method = (op.facts.typed or op.name).rpartition(".")[2]
        body = build_body(method, op.body, options, fields)
        if op.facts.needs_option and not any(v is not None for v in options.values()):
            raise InvalidInputError(f"{method} needs at least one setting to change")
    elif options:
        raise TypeError(f"{op.facts.typed} takes no options")
    return _request(op, path, _typed_parser(op), body, query=query, typed=True)


def typed_body(name: str, path: tuple[object, ...], body: Mapping[str, Any]) -> Call[Any]:
    """A typed call whose body is already in the spec's shape (`ensure` builds them)."""
    op = load_operation(name)
    return _request(op, path, _typed_parser(op), body, typed=True)

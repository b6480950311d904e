"""The runtime shared by every generated model and operation.

Each model describes its properties once (`_describe`); `load` and `dump`
turn JSON into models and back from that description. `load(strict=True)`
checks a request body against the spec (unknown values and fields refused);
the default, lenient mode reads responses, keeping values and fields that
the spec does not know yet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from enum import StrEnum
from typing import IO, Any, Final, Protocol, TypeVar

T = TypeVar("T", bound="Model")


class Extra(Mapping[str, Any]):
    """Fields the spec does not describe: read-only, comparable with a dict, picklable."""

    __slots__ = ("_fields",)

    def __init__(self, fields: Mapping[str, Any] | None = None) -> None:
        self._fields = dict(fields or {})

    def __getitem__(self, key: str) -> Any:
        return self._fields[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._fields)

    def __len__(self) -> int:
        return len(self._fields)

    def __repr__(self) -> str:
        return f"Extra({self._fields!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Extra, (self._fields,))


NO_EXTRA: Final[Mapping[str, Any]] = Extra()


class Secret:
    """A credential (a property the spec marks `format: password`).

    Printed masked; read on purpose with `reveal()`. Pickling keeps the value.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The secret itself. Call it only where the value is really needed."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    def __str__(self) -> str:
        return "**********"

    def __format__(self, spec: str) -> str:
        return format("**********", spec)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Secret):
            return self._value == other._value
        return NotImplemented

    def __hash__(self) -> int:
        return hash((Secret, self._value))

    def __bool__(self) -> bool:
        return bool(self._value)

    def __reduce__(self) -> tuple[object, ...]:
        return (Secret, (self._value,))


class SchemaError(ValueError):
    """JSON that does not match the spec; `path` names the place, as `settings.acl[0].topic`."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path or 'the body'} {problem}")
        self.path = path
        self.problem = problem


def _at(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _under(path: str, rest: str) -> str:
    """`rest`, a place inside `path`, as one place (`acl` and `[0].topic`: `acl[0].topic`)."""
    if not rest:
        return path
    return f"{path}{rest}" if rest.startswith("[") else f"{path}.{rest}"


def _kind(value: object) -> str:
    if value is None:
        return "null"
    return {
        bool: "a boolean",
        str: "a string",
        int: "a number",
        float: "a number",
        list: "an array",
        dict: "an object",
    }.get(type(value), type(value).__name__)


class Reader:
    """How one property is read from JSON (`load`) and written back (`dump`)."""

    description: str = "a value"

    def load(self, value: Any, path: str, strict: bool) -> Any:
        return value

    def dump(self, value: Any) -> Any:
        return value

    def walk(self) -> Reader | None:
        """The reader of an array's items, or None."""
        return None


class _Scalar(Reader):
    def __init__(self, kind: type | tuple[type, ...], description: str) -> None:
        self.kind = kind
        self.description = description

    def load(self, value: Any, path: str, strict: bool) -> Any:
        if isinstance(value, bool) and bool not in (
            self.kind if isinstance(self.kind, tuple) else (self.kind,)
        ):
            raise SchemaError(path, f"must be {self.description}, not {_kind(value)}")
        if not isinstance(value, self.kind):
            raise SchemaError(path, f"must be {self.description}, not {_kind(value)}")
        return value


class _Secret(_Scalar):
    def __init__(self) -> None:
        super().__init__(str, "a string")

    def load(self, value: Any, path: str, strict: bool) -> Any:
        return Secret(super().load(value, path, strict))

    def dump(self, value: Any) -> Any:
        return value  # stays a Secret: to_dict() never reveals a credential


class EnumReader(Reader):
    """`spellings`: other spellings the API returns for a value (`x-dodb-spellings`)."""

    def __init__(self, enum: type[StrEnum], spellings: Mapping[str, str] | None = None) -> None:
        self.enum = enum
        self.spellings: Mapping[str, str] = spellings or {}

    @property
    def values(self) -> tuple[str, ...]:
        """The values the spec lists (not those kept from a newer server)."""
        return tuple(member.value for member in self.enum.__members__.values())

    @property
    def description(self) -> str:  # type: ignore[override]
        return "one of " + ", ".join(self.values)

    def load(self, value: Any, path: str, strict: bool) -> Any:
        if not isinstance(value, str):
            raise SchemaError(path, f"must be {self.description}, not {_kind(value)}")
        if strict and value not in self.values:
            raise SchemaError(path, f"must be {self.description}; got {value!r}")
        return self.enum(value)

    def dump(self, value: Any) -> Any:
        return value.value if isinstance(value, StrEnum) else value


class ArrayReader(Reader):
    def __init__(self, item: Reader) -> None:
        self.item = item
        self.description = "an array"

    def load(self, value: Any, path: str, strict: bool) -> Any:
        if not isinstance(value, list | tuple):
            raise SchemaError(path, f"must be an array, not {_kind(value)}")
        item = self.item
        try:
            return tuple([item.load(v, "", strict) for v in value])
        except SchemaError as exc:
            # Which item: found again only on failure, so a good array pays nothing for it.
            for index, v in enumerate(value):
                try:
                    item.load(v, "", strict)
                except SchemaError as inner:
                    raise SchemaError(_under(_at(path, index), inner.path), inner.problem) from None
            raise SchemaError(_under(path, exc.path), exc.problem) from None  # not met again

    def dump(self, value: Any) -> Any:
        return [self.item.dump(v) for v in value]

    def walk(self) -> Reader | None:
        return self.item


class ModelReader(Reader):
    def __init__(self, model: type[Model]) -> None:
        self.model = model
        self.description = "an object"

    def load(self, value: Any, path: str, strict: bool) -> Any:
        return load(self.model, value, strict=strict, path=path)

    def dump(self, value: Any) -> Any:
        return dump(value)


class _Text(_Scalar):
    def __init__(self, min_length: int) -> None:
        super().__init__(str, f"a string of at least {min_length} characters")
        self.min_length = min_length

    def load(self, value: Any, path: str, strict: bool) -> Any:
        # The length is a rule for what is sent; an answer is taken as the server gave it.
        if not isinstance(value, str) or (strict and len(value) < self.min_length):
            raise SchemaError(path, f"must be {self.description}")
        return value


def text(min_length: int) -> Reader:
    """A string with the spec's `minLength`."""
    return _Text(min_length)


STRING: Final = _Scalar(str, "a string")
SECRET: Final = _Secret()
BOOLEAN: Final = _Scalar(bool, "a boolean")
INTEGER: Final = _Scalar(int, "a whole number")
NUMBER: Final = _Scalar((int, float), "a number")
ANY: Final = Reader()


def enum(cls: type[StrEnum], spellings: Mapping[str, str] | None = None) -> EnumReader:
    return EnumReader(cls, spellings)


def array(item: Reader) -> ArrayReader:
    return ArrayReader(item)


def model(cls: type[Model]) -> ModelReader:
    return ModelReader(cls)


class Prop:
    """One property of a model: its JSON name, Python name, reader, whether it is
    required, and the spec's `x-` extensions on it."""

    __slots__ = ("attr", "extensions", "name", "reader", "required")

    def __init__(
        self,
        name: str,
        attr: str,
        reader: Reader,
        *,
        required: bool = False,
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        self.name = name
        self.attr = attr
        self.reader = reader
        self.required = required
        self.extensions: Mapping[str, Any] = extensions or {}


class Schema:
    """A model's properties in spec order, and whether it keeps unknown fields."""

    __slots__ = ("by_name", "extra", "props", "required")

    def __init__(self, props: Iterable[Prop], *, extra: bool) -> None:
        self.props = tuple(props)
        self.by_name = {p.name: p for p in self.props}
        self.required = tuple(p for p in self.props if p.required)
        self.extra = extra


class Model(Protocol):
    """What every generated model class offers."""

    @classmethod
    def _describe(cls) -> Schema: ...

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any], *, strict: bool = False) -> Any: ...

    def to_dict(self) -> dict[str, Any]: ...


_SCHEMAS: dict[type, Schema] = {}


def schema_of(cls: type[Model]) -> Schema:
    """The (cached) description of a generated model class."""
    found = _SCHEMAS.get(cls)
    if found is None:
        found = _SCHEMAS[cls] = cls._describe()
    return found


def load(cls: Callable[..., T], data: Any, *, strict: bool = False, path: str = "") -> T:
    """A model from JSON; SchemaError where the JSON does not match the spec.

    The hot path of every call: places are named only when something is wrong."""
    return cls(**_values(cls, data, strict, path))


def check(cls: type[Model], data: Any) -> None:
    """Read `data` strictly as a `cls`, as a request body is checked before it is sent;
    SchemaError if it does not match the spec. Builds no model of it (nested ones aside)."""
    _values(cls, data, True, "")


def _values(cls: Callable[..., Any], data: Any, strict: bool, path: str) -> dict[str, Any]:
    """The keyword arguments of a `cls` read from `data`."""
    if type(data) is not dict and not isinstance(data, Mapping):
        raise SchemaError(path, f"must be an object, not {_kind(data)}")
    schema = _SCHEMAS.get(cls) or schema_of(cls)  # type: ignore[arg-type, call-overload]
    by_name = schema.by_name
    values: dict[str, Any] = {}
    extra: dict[str, Any] | None = None
    for key, value in data.items():
        prop = by_name.get(key)
        if prop is None:
            if schema.extra:
                if extra is None:
                    extra = {}
                extra[key] = value
            elif strict:
                known = ", ".join(by_name)
                raise SchemaError(_at(path, key), f"is not a known field (known: {known})")
            continue
        if value is None and not prop.required:
            continue
        try:
            values[prop.attr] = prop.reader.load(value, "", strict)
        except SchemaError as exc:
            raise SchemaError(_under(_at(path, key), exc.path), exc.problem) from None
    for prop in schema.required:
        if prop.attr not in values:
            raise SchemaError(_at(path, prop.name), "is required")
    if schema.extra:
        values["extra"] = Extra(extra) if extra else NO_EXTRA
    return values


def dump(obj: Any) -> dict[str, Any]:
    """A model as JSON: unknown fields kept, absent ones left out, credentials kept as Secret."""
    schema = schema_of(type(obj))
    out: dict[str, Any] = {}
    for prop in schema.props:
        value = getattr(obj, prop.attr)
        if value is not None:
            out[prop.name] = prop.reader.dump(value)
    for key, value in getattr(obj, "extra", NO_EXTRA).items():
        out.setdefault(key, value)
    return out


class Facts:
    """What the spec's `x-dodb-*` declarations say of one operation (see codegen/EXTENSIONS.md).

    `unsure`: what to do when an attempt's outcome is unsure: "resend", "confirm" or "raise".
    `confirm_by`: with "confirm", the lookup operation's name. `subject`: where the request
    names the one thing it is about (`body.<field>` or a path parameter). `answer_names`:
    the answer's field, as keys, that must name the subject. `one_at_a_time`: the path
    parameter whose value serialises calls. `returns`: the response's property a typed call
    returns. `needs_option`: a typed call must set at least one option.
    """

    __slots__ = (
        "answer_names",
        "confirm_by",
        "needs_option",
        "official",
        "one_at_a_time",
        "operation_id",
        "returns",
        "subject",
        "typed",
        "unsure",
    )

    def __init__(
        self,
        *,
        operation_id: str,
        official: str,
        unsure: str,
        confirm_by: str | None = None,
        subject: str | None = None,
        answer_names: tuple[str, ...] = (),
        one_at_a_time: str | None = None,
        typed: str | None = None,
        returns: str | None = None,
        needs_option: bool = False,
    ) -> None:
        self.operation_id = operation_id
        self.official = official
        self.unsure = unsure
        self.confirm_by = confirm_by
        self.subject = subject
        self.answer_names = answer_names
        self.one_at_a_time = one_at_a_time
        self.typed = typed
        self.returns = returns
        self.needs_option = needs_option


class Operation:
    """One API operation as the spec declares it: the request's shape and dodb's facts."""

    __slots__ = (
        "body",
        "facts",
        "method",
        "name",
        "path",
        "path_params",
        "query_params",
        "result",
        "success",
    )

    def __init__(
        self,
        *,
        name: str,
        method: str,
        path: str,
        path_params: tuple[str, ...],
        success: int,
        body: type[Model] | None,
        result: type[Model] | None,
        query_params: tuple[str, ...] = (),
        facts: Facts | None = None,
    ) -> None:
        self.name = name
        self.method = method
        self.path = path
        self.path_params = path_params
        self.query_params = query_params
        self.success = success
        self.body = body
        self.result = result
        self.facts = facts or Facts(operation_id=name, official=name, unsure="raise")

    def __repr__(self) -> str:
        return f"Operation({self.name}: {self.method} {self.path} -> {self.success})"


def load_operation(name: str) -> Operation:
    """The operation row named `name`, imported on first use (with its models only)."""
    found = _OPERATIONS.get(name)
    if found is None:
        from importlib import import_module

        from ._facts import MODULES

        module = import_module(f"{__package__}.api.{MODULES[name]}.{name}")
        found = _OPERATIONS[name] = module.OPERATION
    return found


_OPERATIONS: dict[str, Operation] = {}

Body = Mapping[str, Any] | IO[bytes]
"""A request body as the official client takes it: a dict, or a binary file of JSON."""


class Sender(Protocol):
    """What generated calls need from a client: dodb's clients have these two.

    Each takes an operation's name and the call's arguments and sends it; an
    async client returns an awaitable."""

    def _official(
        self, name: str, path: tuple[object, ...], body: object, query: Mapping[str, object]
    ) -> Any: ...

    def _typed(
        self,
        name: str,
        path: tuple[object, ...],
        fields: Mapping[str, object],
        options: Mapping[str, object],
        query: Mapping[str, object],
    ) -> Any: ...


class Calls:
    """The base of generated call classes: the client their calls go through."""

    def __init__(self, client: Sender) -> None:
        self._client = client


__all__ = [
    "ANY",
    "BOOLEAN",
    "INTEGER",
    "NO_EXTRA",
    "NUMBER",
    "SECRET",
    "STRING",
    "ArrayReader",
    "Body",
    "Calls",
    "EnumReader",
    "Facts",
    "Model",
    "ModelReader",
    "Operation",
    "Prop",
    "Reader",
    "Schema",
    "SchemaError",
    "Secret",
    "Sender",
    "array",
    "check",
    "dump",
    "enum",
    "load",
    "load_operation",
    "model",
    "schema_of",
    "text",
]

"""Each API operation as a `Call`: the request to send and how to read its answer.

The operations' facts (method, path, success status, body and result models)
are the generated rows in `dodb_api.api`; this module adds only the client's
own policy for unsure attempts. Reference-page calls and typed calls build
their request through the same `_request`, and every body, a caller's dict
or one made from keyword options, is checked once: by reading it strictly
against the spec's request schema. Nothing here does I/O, so the sync and
async clients share it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import IO, Any, Final, Generic, Literal, TypeAlias, TypedDict, TypeVar, Unpack

import attrs

from dodb_api.api import database_clusters as cluster_ops
from dodb_api.api import database_users as ops
from dodb_api.models import (
    DatabaseCluster,
    DatabaseClusterEnvelope,
    DatabaseClusterList,
    DatabaseUser,
    DatabaseUserEnvelope,
    DatabaseUserList,
    KafkaAcl,
    KafkaAclPermission,
    MongoRole,
    MysqlAuthPlugin,
    OpenSearchAcl,
    OpenSearchAclPermission,
)
from dodb_api.types import Operation, SchemaError, schema_of

from ._errors import AnotherUser, InvalidInputError
from ._matching import contradicts
from ._options import build_body, option_path
from ._validation import path_segment

T = TypeVar("T")

JSONObject: TypeAlias = dict[str, Any]
Body: TypeAlias = Mapping[str, Any] | IO[bytes]
KafkaAclInput: TypeAlias = KafkaAcl | tuple[str, KafkaAclPermission | str]
OpenSearchAclInput: TypeAlias = OpenSearchAcl | tuple[str, OpenSearchAclPermission | str]
Unsure: TypeAlias = Literal["resend", "confirm", "raise"]


class SettingsOptions(TypedDict, total=False):
    """The engine settings of a user, as keywords (rows of `_options.OPTIONS`)."""

    pg_allow_replication: bool | None
    kafka_acls: Iterable[KafkaAclInput] | None
    opensearch_acls: Iterable[OpenSearchAclInput] | None
    mongo_databases: Iterable[str] | None
    mongo_role: MongoRole | str | None


class AddOptions(SettingsOptions, total=False):
    """Everything that can be chosen when adding a user, besides its name."""

    mysql_auth_plugin: MysqlAuthPlugin | str | None
    readonly: bool | None


# The client's policy when an attempt's outcome is unsure (the server may have
# acted on it). HTTP's idempotent methods are resent. Of the POSTs, a reset is
# resent too: each reset replaces the password, so the answer the caller
# finally gets holds the one that works (an earlier, lost reset only made a
# password that the later one replaced). An add is never resent blindly: the
# user is looked up first (see `Confirm`).
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
_RESENT_POSTS = frozenset({ops.databases_reset_auth.name})
_CONFIRMED_BY_LOOKUP = {ops.databases_add_user.name: ops.databases_get_user}
# Adding and deleting users on one cluster at the same time fails at random on the
# real API; the official Terraform provider makes them one at a time per cluster,
# and so does a client by default (`serialize_user_changes`).
_ONE_AT_A_TIME_PER_CLUSTER = frozenset(
    {ops.databases_add_user.name, ops.databases_delete_user.name}
)


def unsure_policy(op: Operation) -> Unsure:
    if op.method in _IDEMPOTENT_METHODS or op.name in _RESENT_POSTS:
        return "resend"
    return "confirm" if op.name in _CONFIRMED_BY_LOOKUP else "raise"


@attrs.frozen(slots=True)
class Confirm:
    """How to learn whether an add whose answer was lost took effect.

    Built only after an unsure attempt, so a normal add pays nothing for it.
    `matches` says whether the lookup's decoded body holds a user that can be
    this add's; it raises ValueError, KeyError or TypeError if the body is off.
    """

    lookup: Call[Any]
    matches: Callable[[Any], bool]


@attrs.frozen(slots=True)
class Call(Generic[T]):
    """One request and the parser of its success body (`None` for an empty body)."""

    method: str
    path: str
    success: int
    parse: Callable[[Any], T]
    content: bytes | None = None
    unsure: Unsure = "resend"
    confirm: Callable[[], Confirm] | None = None
    exclusive: str | None = None
    """Calls with the same key run one at a time (adds and deletes on one cluster)."""

    @property
    def where(self) -> str:
        return f"{self.method} {self.path}"


# Parsers -----------------------------------------------------------------


def _json_object(data: Any) -> JSONObject:
    if not isinstance(data, dict):
        raise TypeError(f"expected a JSON object, got {type(data).__name__}")
    return data


def _nothing(_data: Any) -> None:
    return None


def _one_user(data: Any) -> DatabaseUser:
    return DatabaseUserEnvelope.from_dict(_json_object(data)).user


def _many_users(data: Any) -> list[DatabaseUser]:
    return list(DatabaseUserList.from_dict(_json_object(data)).users)


def _one_cluster(data: Any) -> DatabaseCluster:
    return DatabaseClusterEnvelope.from_dict(_json_object(data)).database


def _many_clusters(data: Any) -> list[DatabaseCluster]:
    return list(DatabaseClusterList.from_dict(_json_object(data)).databases)


def _about(name: object, parse: Callable[[Any], T]) -> Callable[[Any], T]:
    """`parse`, refusing an answer about a user other than `name`.

    An answer must belong to its request. One that does not is a broken or hostile
    server, or bytes left over on a kept-alive connection read as the next answer
    (httpx does that); either way the user in it is not the caller's. Names are
    compared without case, in case the API folds it.
    """

    def checked(data: Any) -> T:
        user = data.get("user") if isinstance(data, dict) else None
        found = user.get("name") if isinstance(user, dict) else None
        if isinstance(found, str) and found.casefold() != str(name).casefold():
            raise AnotherUser(f"about user {found!r}, not {name!r}")
        return parse(data)

    return checked


# Bodies ------------------------------------------------------------------


def _encode(body: Mapping[str, Any]) -> bytes:
    try:
        return json.dumps(body, separators=(",", ":"), allow_nan=False).encode()
    except (TypeError, ValueError) as exc:
        raise InvalidInputError(f"body cannot be sent as JSON: {exc}") from None


_READ: Final = IO.read.__name__
"""The method a binary body (`IO[bytes]`) is read with."""


def _raw_body(body: object) -> tuple[Mapping[str, Any], bytes | None]:
    """A caller's dict or binary file as (decoded object, the file's bytes or None)."""
    if isinstance(body, Mapping):
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

    A field of a user that this request cannot set (a password, a role, a new
    name) is refused. A field the spec does not know at all is sent on as
    given: the API may be newer than this client, and it answers for itself.
    """
    assert op.body is not None
    known = schema_of(op.body).by_name
    if not typed:
        for key in body:
            if key not in known and key in schema_of(DatabaseUser).by_name:
                raise InvalidInputError(
                    f"body field {key!r} cannot be sent: it is set by the server or cannot "
                    f"change here (this request takes {', '.join(known)})"
                )
        body = {k: v for k, v in body.items() if k in known}
    try:
        op.body.from_dict(body, strict=True)
    except SchemaError as exc:
        where = option_path(exc.path) if typed else f"body.{exc.path}" if exc.path else "body"
        raise InvalidInputError(f"{where} {exc.problem}") from None
    except RecursionError:
        raise InvalidInputError("body is nested too deeply") from None


# The one request builder ----------------------------------------------------------


def _request(
    op: Operation,
    path_values: tuple[object, ...],
    parse: Callable[[Any], T],
    body: Mapping[str, Any] | None = None,
    content: bytes | None = None,
    *,
    typed: bool = False,
) -> Call[T]:
    segments = {
        name: path_segment(name, value)
        for name, value in zip(op.path_params, path_values, strict=True)
    }
    path = op.path.format_map(segments)
    if op.body is not None:
        if body is None:
            raise InvalidInputError(f"{op.name} needs a body")
        _checked(op, body, typed=typed)
        content = content or _encode(body)
    if op.result is DatabaseUserEnvelope:  # one user, named in the path or the body
        name = path_values[-1] if len(op.path_params) > 1 else (body or {}).get("name")
        parse = _about(name, parse)
    policy = unsure_policy(op)
    confirm = None
    if policy == "confirm":
        confirm = _confirmation(op, path_values, body or {}, parse)
    exclusive = None
    if op.name in _ONE_AT_A_TIME_PER_CLUSTER:
        exclusive = segments[op.path_params[0]]  # the cluster
    return Call(op.method, path, op.success, parse, content, policy, confirm, exclusive)


def _confirmation(
    op: Operation, path_values: tuple[object, ...], body: Mapping[str, Any], parse: Any
) -> Callable[[], Confirm]:
    """Look the new user up; it counts as this add's unless it contradicts the request."""
    lookup_op = _CONFIRMED_BY_LOOKUP[op.name]
    name = body.get("name")

    def confirm() -> Confirm:
        lookup = _request(lookup_op, (*path_values, name), parse)

        def matches(found: Any) -> bool:
            user = _one_user(found)
            return user.name == name and not contradicts(body, user.to_dict())

        return Confirm(lookup, matches)

    return confirm


def _new_name(name: object, param: str = "name") -> str:
    """A new user's name must be one that can be looked up afterwards."""
    path_segment(param, name)
    assert isinstance(name, str)
    return name


# The reference page's calls: dict or binary body in, JSON object out ----------


def list_users_raw(cluster: object) -> Call[JSONObject]:
    return _request(ops.databases_list_users, (cluster,), _json_object)


def get_user_raw(cluster: object, username: object) -> Call[JSONObject]:
    return _request(ops.databases_get_user, (cluster, username), _json_object)


def add_user_raw(cluster: object, body: object) -> Call[JSONObject]:
    decoded, content = _raw_body(body)
    if "name" in decoded:
        _new_name(decoded["name"], "body.name")
    return _request(ops.databases_add_user, (cluster,), _json_object, decoded, content)


def update_user_raw(cluster: object, username: object, body: object) -> Call[JSONObject]:
    decoded, content = _raw_body(body)
    op = ops.databases_update_user
    return _request(op, (cluster, username), _json_object, decoded, content)


def delete_user_raw(cluster: object, username: object) -> Call[None]:
    return _request(ops.databases_delete_user, (cluster, username), _nothing)


def reset_auth_raw(cluster: object, username: object, body: object) -> Call[JSONObject]:
    decoded, content = _raw_body(body)
    op = ops.databases_reset_auth
    return _request(op, (cluster, username), _json_object, decoded, content)


# The typed calls: keyword options in, DatabaseUser out ---------------------------


def list_users(cluster: object) -> Call[list[DatabaseUser]]:
    return _request(ops.databases_list_users, (cluster,), _many_users)


def get_user(cluster: object, username: object) -> Call[DatabaseUser]:
    return _request(ops.databases_get_user, (cluster, username), _one_user)


def add_user(cluster: object, name: object, **options: Unpack[AddOptions]) -> Call[DatabaseUser]:
    op = ops.databases_add_user
    assert op.body is not None
    body = build_body("add", op.body, options, {"name": _new_name(name)})
    return _request(op, (cluster,), _one_user, body, typed=True)


def update_user(
    cluster: object, username: object, **options: Unpack[SettingsOptions]
) -> Call[DatabaseUser]:
    op = ops.databases_update_user
    assert op.body is not None
    body = build_body("update", op.body, options, {})
    if not body:
        raise InvalidInputError("update needs at least one setting to change")
    return _request(op, (cluster, username), _one_user, body, typed=True)


def update_user_settings(
    cluster: object, username: object, settings: Mapping[str, Any]
) -> Call[DatabaseUser]:
    """An update with settings already in the body's shape (`ensure` builds them)."""
    op = ops.databases_update_user
    return _request(op, (cluster, username), _one_user, {"settings": dict(settings)}, typed=True)


def delete_user(cluster: object, username: object) -> Call[None]:
    return delete_user_raw(cluster, username)


def reset_auth(
    cluster: object, username: object, *, mysql_auth_plugin: MysqlAuthPlugin | str | None = None
) -> Call[DatabaseUser]:
    op = ops.databases_reset_auth
    assert op.body is not None
    options = {"mysql_auth_plugin": mysql_auth_plugin}
    body = build_body("reset_auth", op.body, options, {})
    return _request(op, (cluster, username), _one_user, body, typed=True)


# Clusters, as far as their users need them ------------------------------------------


def list_clusters() -> Call[list[DatabaseCluster]]:
    return _request(cluster_ops.databases_list_clusters, (), _many_clusters)


def get_cluster(cluster: object) -> Call[DatabaseCluster]:
    return _request(cluster_ops.databases_get_cluster, (cluster,), _one_cluster)


def list_clusters_raw() -> Call[JSONObject]:
    return _request(cluster_ops.databases_list_clusters, (), _json_object)


def get_cluster_raw(cluster: object) -> Call[JSONObject]:
    return _request(cluster_ops.databases_get_cluster, (cluster,), _json_object)

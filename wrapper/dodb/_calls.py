"""Each API operation as a `Call`: the request to send and how to read its answer.

Everything here is free of I/O, so the sync and async clients share it: a
resource method builds a Call (checking the caller's input on the way), and
the client sends it and hands the decoded body to `Call.parse`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import IO, Any, Final, Generic, TypeAlias, TypedDict, TypeVar, Unpack

import attrs

from dodb_api import models as gen
from dodb_api.models import (
    KafkaAclPermission,
    MongoRole,
    MysqlAuthPlugin,
    OpenSearchAclPermission,
)

from ._errors import InvalidInputError
from ._models import DatabaseUser, KafkaAcl, OpenSearchAcl, user_from_generated
from ._validation import choice, flag, path_segment, shown, strings, text

T = TypeVar("T")

JSONObject: TypeAlias = dict[str, Any]
Body: TypeAlias = Mapping[str, Any] | IO[bytes]
KafkaAclInput: TypeAlias = KafkaAcl | tuple[str, KafkaAclPermission | str]
OpenSearchAclInput: TypeAlias = OpenSearchAcl | tuple[str, OpenSearchAclPermission | str]

_SERVER_CHOSEN = ("role", "password", "access_cert", "access_key")


class SettingsOptions(TypedDict, total=False):
    """The engine settings of a user, as keywords; each applies to one engine."""

    pg_allow_replication: bool | None
    kafka_acls: Iterable[KafkaAclInput] | None
    opensearch_acls: Iterable[OpenSearchAclInput] | None
    mongo_databases: Iterable[str] | None
    mongo_role: MongoRole | str | None


class AddOptions(SettingsOptions, total=False):
    """Everything that can be chosen when adding a user, besides its name."""

    mysql_auth_plugin: MysqlAuthPlugin | str | None
    readonly: bool | None


_SETTINGS_KEYS: Final = frozenset(SettingsOptions.__annotations__)
_ADD_KEYS: Final = _SETTINGS_KEYS | frozenset(AddOptions.__annotations__)


@attrs.frozen(slots=True)
class Confirm:
    """How to learn whether an add whose answer was lost took effect.

    Built only after an unsure attempt, so a normal add pays nothing for it.
    """

    lookup: Call[JSONObject]
    matches: Callable[[Any], bool]


@attrs.frozen(slots=True)
class Call(Generic[T]):
    """One request and the parser of its success body (`None` for an empty body).

    `idempotent`: sending it again after an unsure attempt is safe. An add is
    not, and carries `confirm` instead.
    """

    method: str
    path: str
    success: int
    parse: Callable[[Any], T]
    content: bytes | None = None
    idempotent: bool = True
    confirm: Callable[[], Confirm] | None = None


# Paths -------------------------------------------------------------------


def _users_path(cluster: object) -> str:
    return f"/v2/databases/{path_segment('database_cluster_uuid', cluster)}/users"


def _user_path(cluster: object, username: object) -> str:
    return f"{_users_path(cluster)}/{path_segment('username', username)}"


# Parsers -----------------------------------------------------------------


def _json_object(data: Any) -> JSONObject:
    if not isinstance(data, dict):
        raise TypeError(f"expected a JSON object, got {type(data).__name__}")
    return data


def _nothing(_data: Any) -> None:
    return None


def _one_user(data: Any) -> DatabaseUser:
    return user_from_generated(gen.DatabaseUserEnvelope.from_dict(_json_object(data)).user)


def _many_users(data: Any) -> list[DatabaseUser]:
    return [
        user_from_generated(u) for u in gen.DatabaseUserList.from_dict(_json_object(data)).users
    ]


# Bodies ------------------------------------------------------------------


def _encode(body: Mapping[str, Any]) -> bytes:
    try:
        return json.dumps(body, separators=(",", ":"), allow_nan=False).encode()
    except (TypeError, ValueError) as exc:
        raise InvalidInputError(f"body cannot be sent as JSON: {exc}") from None


def _raw_body(body: object) -> tuple[Mapping[str, Any], bytes | None]:
    """A caller's dict or binary file as (decoded object, the file's bytes or None)."""
    if isinstance(body, Mapping):
        return body, None
    read = getattr(body, "read", None)
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


def _check_settings(where: str, settings: object) -> None:
    """The enum-valued fields of a settings object in a caller's raw body."""
    if not isinstance(settings, Mapping):
        raise InvalidInputError(f"{where} must be an object, not {shown(settings)}")
    for i, acl in enumerate(settings.get("acl") or []):
        if not isinstance(acl, Mapping):
            raise InvalidInputError(f"{where}.acl[{i}] must be an object")
        text(f"{where}.acl[{i}].topic", acl.get("topic"))
        choice(f"{where}.acl[{i}].permission", acl.get("permission"), KafkaAclPermission)
    for i, acl in enumerate(settings.get("opensearch_acl") or []):
        if not isinstance(acl, Mapping):
            raise InvalidInputError(f"{where}.opensearch_acl[{i}] must be an object")
        if "permission" in acl:
            choice(
                f"{where}.opensearch_acl[{i}].permission",
                acl["permission"],
                OpenSearchAclPermission,
            )
    mongo = settings.get("mongo_user_settings")
    if mongo is not None:
        if not isinstance(mongo, Mapping):
            raise InvalidInputError(f"{where}.mongo_user_settings must be an object")
        if "role" in mongo:
            choice(f"{where}.mongo_user_settings.role", mongo["role"], MongoRole)
    if "pg_allow_replication" in settings:
        flag(f"{where}.pg_allow_replication", settings["pg_allow_replication"])


def _check_mysql(where: str, mysql: object) -> None:
    if not isinstance(mysql, Mapping):
        raise InvalidInputError(f"{where} must be an object, not {shown(mysql)}")
    choice(f"{where}.auth_plugin", mysql.get("auth_plugin"), MysqlAuthPlugin)


def _check_create(body: Mapping[str, Any]) -> None:
    text("body['name']", body.get("name"))
    for key in _SERVER_CHOSEN:
        if key in body:
            raise InvalidInputError(f"body field {key!r} is set by the server and cannot be sent")
    if "mysql_settings" in body:
        _check_mysql("body['mysql_settings']", body["mysql_settings"])
    if "settings" in body:
        _check_settings("body['settings']", body["settings"])
    if "readonly" in body:
        flag("body['readonly']", body["readonly"])


def _settings_model(options: SettingsOptions) -> gen.UserSettings | None:
    pg_allow_replication = options.get("pg_allow_replication")
    kafka_acls = options.get("kafka_acls")
    opensearch_acls = options.get("opensearch_acls")
    mongo_databases = options.get("mongo_databases")
    mongo_role = options.get("mongo_role")
    settings = gen.UserSettings()
    used = False
    if pg_allow_replication is not None:
        settings.pg_allow_replication = flag("pg_allow_replication", pg_allow_replication)
        used = True
    if kafka_acls is not None:
        settings.acl = [
            _kafka_acl(i, acl) for i, acl in enumerate(_items("kafka_acls", kafka_acls))
        ]
        used = True
    if opensearch_acls is not None:
        items = _items("opensearch_acls", opensearch_acls)
        settings.opensearch_acl = [_opensearch_acl(i, acl) for i, acl in enumerate(items)]
        used = True
    if mongo_databases is not None or mongo_role is not None:
        mongo = gen.MongoUserSettings()
        if mongo_databases is not None:
            mongo.databases = strings("mongo_databases", mongo_databases)
        if mongo_role is not None:
            mongo.role = choice("mongo_role", mongo_role, MongoRole)
        settings.mongo_user_settings = mongo
        used = True
    return settings if used else None


def _items(param: str, value: object) -> list[Any]:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise InvalidInputError(f"{param} must be a list, not {shown(value)}")
    return list(value)


def _kafka_acl(i: int, acl: object) -> gen.KafkaAcl:
    if isinstance(acl, KafkaAcl):
        topic, permission = acl.topic, acl.permission
    elif isinstance(acl, tuple) and len(acl) == 2:
        topic, permission = acl
    else:
        raise InvalidInputError(f"kafka_acls[{i}] must be a KafkaAcl or a (topic, permission) pair")
    return gen.KafkaAcl(
        topic=text(f"kafka_acls[{i}] topic", topic),
        permission=choice(f"kafka_acls[{i}] permission", permission, KafkaAclPermission),
    )


def _opensearch_acl(i: int, acl: object) -> gen.OpenSearchAcl:
    if isinstance(acl, OpenSearchAcl):
        index, permission = acl.index, acl.permission
    elif isinstance(acl, tuple) and len(acl) == 2:
        index, permission = acl
    else:
        raise InvalidInputError(
            f"opensearch_acls[{i}] must be an OpenSearchAcl or an (index, permission) pair"
        )
    return gen.OpenSearchAcl(
        index=text(f"opensearch_acls[{i}] index", index),
        permission=choice(f"opensearch_acls[{i}] permission", permission, OpenSearchAclPermission),
    )


_ENGINE_OF_OPTION = {
    "mysql_auth_plugin": "MySQL",
    "pg_allow_replication": "PostgreSQL",
    "kafka_acls": "Kafka",
    "opensearch_acls": "OpenSearch",
    "mongo_databases": "MongoDB",
    "mongo_role": "MongoDB",
    "readonly": "MongoDB",
}


def _known_options(call: str, options: Mapping[str, object], known: frozenset[str]) -> None:
    unknown = sorted(set(options) - known)
    if unknown:
        raise TypeError(f"{call}() got an unexpected keyword argument {unknown[0]!r}")


def _one_engine(options: Mapping[str, object]) -> None:
    """Refuse options of two engines in one call: no cluster accepts both."""
    engines: dict[str, str] = {}
    for option, value in options.items():
        if value is not None:
            engines.setdefault(_ENGINE_OF_OPTION[option], option)
    if len(engines) > 1:
        named = " and ".join(f"{opt} ({engine})" for engine, opt in engines.items())
        raise InvalidInputError(f"options for different engines cannot be combined: {named}")


# Resending a reset after an unsure attempt is safe: each reset replaces the
# password, so the answer the caller finally gets holds the one that works (an
# earlier, lost reset only made a password that the later one replaced). The
# auth plugin is set to the same value each time.
RESET_IS_SAFE: Final = True


def _without_ids(settings: Any) -> Any:
    if not isinstance(settings, Mapping):
        return settings
    return {
        key: [{k: v for k, v in item.items() if k != "id"} for item in value]
        if key == "acl" and isinstance(value, list)
        else value
        for key, value in settings.items()
    }


def _confirm_add(cluster: object, body: Mapping[str, Any]) -> Confirm:
    """Look the new user up; it counts as this add's if it has what was asked for."""
    name = body["name"]
    wanted_plugin = (body.get("mysql_settings") or {}).get("auth_plugin")
    wanted = _without_ids(body.get("settings") or {})
    readonly = body.get("readonly") is True

    def matches(user: Any) -> bool:
        if not isinstance(user, Mapping) or user.get("name") != name:
            return False
        plugin = (user.get("mysql_settings") or {}).get("auth_plugin")
        if wanted_plugin is not None and plugin != wanted_plugin:
            return False
        got = _without_ids(user.get("settings") or {})
        if any(got.get(key) != value for key, value in wanted.items()):
            return False
        if readonly:
            mongo = got.get("mongo_user_settings") or {}
            return bool(mongo.get("role") == "readOnly")
        return True

    return Confirm(get_user_raw(cluster, name), matches)


# The reference page's calls: dict or binary body in, JSON object out ----------


def list_users_raw(cluster: object) -> Call[JSONObject]:
    return Call("GET", _users_path(cluster), 200, _json_object)


def get_user_raw(cluster: object, username: object) -> Call[JSONObject]:
    return Call("GET", _user_path(cluster, username), 200, _json_object)


def add_user_raw(cluster: object, body: object) -> Call[JSONObject]:
    path = _users_path(cluster)
    decoded, content = _raw_body(body)
    _check_create(decoded)
    return Call(
        "POST",
        path,
        201,
        _json_object,
        content or _encode(decoded),
        idempotent=False,
        confirm=lambda: _confirm_add(cluster, decoded),
    )


def update_user_raw(cluster: object, username: object, body: object) -> Call[JSONObject]:
    path = _user_path(cluster, username)
    decoded, content = _raw_body(body)
    if "settings" not in decoded:
        raise InvalidInputError("body must have 'settings': only the settings of a user can change")
    _check_settings("body['settings']", decoded["settings"])
    return Call("PUT", path, 201, _json_object, content or _encode(decoded))


def delete_user_raw(cluster: object, username: object) -> Call[None]:
    return Call("DELETE", _user_path(cluster, username), 204, _nothing)


def reset_auth_raw(cluster: object, username: object, body: object) -> Call[JSONObject]:
    path = f"{_user_path(cluster, username)}/reset_auth"
    decoded, content = _raw_body(body)
    if "mysql_settings" in decoded:
        _check_mysql("body['mysql_settings']", decoded["mysql_settings"])
    return Call(
        "POST", path, 200, _json_object, content or _encode(decoded), idempotent=RESET_IS_SAFE
    )


# The typed calls: keyword options in, DatabaseUser out ---------------------------


def list_users(cluster: object) -> Call[list[DatabaseUser]]:
    return Call("GET", _users_path(cluster), 200, _many_users)


def get_user(cluster: object, username: object) -> Call[DatabaseUser]:
    return Call("GET", _user_path(cluster, username), 200, _one_user)


def add_user(cluster: object, name: object, **options: Unpack[AddOptions]) -> Call[DatabaseUser]:
    _known_options("add", options, _ADD_KEYS)
    path = _users_path(cluster)
    _one_engine(options)
    body = gen.DatabaseUserCreate(name=text("name", name))
    plugin = options.get("mysql_auth_plugin")
    if plugin is not None:
        chosen = choice("mysql_auth_plugin", plugin, MysqlAuthPlugin)
        body.mysql_settings = gen.MysqlSettings(auth_plugin=chosen)
    settings = _settings_model(options)
    if settings is not None:
        body.settings = settings
    readonly = options.get("readonly")
    if readonly is not None:
        body.readonly = flag("readonly", readonly)
    sent = body.to_dict()
    return Call(
        "POST",
        path,
        201,
        _one_user,
        _encode(sent),
        idempotent=False,
        confirm=lambda: _confirm_add(cluster, sent),
    )


def update_user(
    cluster: object, username: object, **options: Unpack[SettingsOptions]
) -> Call[DatabaseUser]:
    _known_options("update", options, _SETTINGS_KEYS)
    path = _user_path(cluster, username)
    _one_engine(options)
    settings = _settings_model(options)
    if settings is None:
        raise InvalidInputError("update needs at least one setting to change")
    body = gen.DatabaseUserUpdate(settings=settings)
    return Call("PUT", path, 201, _one_user, _encode(body.to_dict()))


def delete_user(cluster: object, username: object) -> Call[None]:
    return delete_user_raw(cluster, username)


def reset_auth(
    cluster: object, username: object, *, mysql_auth_plugin: MysqlAuthPlugin | str | None = None
) -> Call[DatabaseUser]:
    path = f"{_user_path(cluster, username)}/reset_auth"
    body = gen.DatabaseUserResetAuth()
    if mysql_auth_plugin is not None:
        plugin = choice("mysql_auth_plugin", mysql_auth_plugin, MysqlAuthPlugin)
        body.mysql_settings = gen.MysqlSettings(auth_plugin=plugin)
    return Call("POST", path, 200, _one_user, _encode(body.to_dict()), idempotent=RESET_IS_SAFE)

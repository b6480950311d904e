"""The emulator's clusters and users, and the API's rules about them.

Pure logic, no HTTP: each operation takes decoded JSON and returns JSON-ready
dicts, or raises `ApiError` with the status and error body the API would send.
"""

from __future__ import annotations

import re
import secrets
import string
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

import attrs

ENGINES: Final = ("pg", "mysql", "valkey", "mongodb", "kafka", "opensearch")
MYSQL_PLUGINS: Final = ("mysql_native_password", "caching_sha2_password")
MYSQL_DEFAULT_PLUGIN: Final = "caching_sha2_password"
KAFKA_PERMISSIONS: Final = ("admin", "consume", "produce", "produceconsume")
OPENSEARCH_PERMISSIONS: Final = ("deny", "admin", "read", "readwrite", "write")
MONGO_ROLES: Final = ("readOnly", "readWrite", "dbAdmin")
_PASSWORD_ALPHABET: Final = string.ascii_lowercase + string.digits
# The emulator's own rule for names (the API's exact rule is not published).
_NAME: Final = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}")
_CREATE_FIELDS: Final = frozenset({"name", "mysql_settings", "settings", "readonly"})
_SERVER_FIELDS: Final = frozenset({"role", "password", "access_cert", "access_key"})
_ENGINE_OF_SETTING: Final = {
    "pg_allow_replication": "pg",
    "acl": "kafka",
    "opensearch_acl": "opensearch",
    "mongo_user_settings": "mongodb",
}


class ApiError(Exception):
    """An error answer: HTTP status and the API's `{"id", "message"}` body."""

    def __init__(self, status: int, error_id: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.error_id = error_id
        self.message = message


def not_found() -> ApiError:
    return ApiError(404, "not_found", "The resource you requested could not be found.")


def unprocessable(message: str) -> ApiError:
    return ApiError(422, "unprocessable_entity", message)


@attrs.frozen
class ClusterSpec:
    """A cluster the emulator starts with."""

    id: str
    name: str
    engine: str = attrs.field(validator=attrs.validators.in_(ENGINES))


def _stable_id(engine: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"dodb-emulator/{engine}"))


SEEDED_CLUSTERS: Final = (
    ClusterSpec("ab7bb7a", "reference-page-pg", "pg"),
    *(ClusterSpec(_stable_id(e), f"emulator-{e}", e) for e in ENGINES),
)
"""One cluster per engine with stable ids, plus the reference page's `ab7bb7a` (PostgreSQL)."""

CLUSTER_IDS: Final = {spec.engine: spec.id for spec in SEEDED_CLUSTERS[1:]}
"""The seeded cluster id of each engine."""


def new_password() -> str:
    return "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(16))


@attrs.define
class Cluster:
    spec: ClusterSpec
    users: dict[str, dict[str, Any]] = attrs.field(factory=dict)


CertMaker = Callable[[str], tuple[str, str]]


class Store:
    """Every cluster and user of one emulator, in memory."""

    def __init__(self, clusters: Iterable[ClusterSpec], make_cert: CertMaker) -> None:
        self._make_cert = make_cert
        self.clusters: dict[str, Cluster] = {}
        for spec in clusters:
            self.add_cluster(spec)

    def add_cluster(self, spec: ClusterSpec) -> None:
        if spec.id in self.clusters:
            raise ValueError(f"cluster id {spec.id!r} is declared twice")
        cluster = Cluster(spec)
        self.clusters[spec.id] = cluster
        if spec.engine != "valkey":
            cluster.users["doadmin"] = self._new_user(spec.engine, "doadmin", "primary", {})

    # Reading ---------------------------------------------------------------

    def list_clusters(self) -> list[dict[str, Any]]:
        return [
            {"id": c.spec.id, "name": c.spec.name, "engine": c.spec.engine, "status": "online"}
            for c in self.clusters.values()
        ]

    def _cluster(self, cluster_id: str, *, users: bool = True) -> Cluster:
        cluster = self.clusters.get(cluster_id)
        if cluster is None:
            raise not_found()
        if users and cluster.spec.engine == "valkey":
            raise unprocessable("User management is not supported for Valkey/Redis clusters.")
        return cluster

    def _user(self, cluster: Cluster, name: str) -> dict[str, Any]:
        user = cluster.users.get(name)
        if user is None:
            raise not_found()
        return user

    def list_users(self, cluster_id: str) -> list[dict[str, Any]]:
        return list(self._cluster(cluster_id).users.values())

    def get_user(self, cluster_id: str, name: str) -> dict[str, Any]:
        return self._user(self._cluster(cluster_id), name)

    # Changing --------------------------------------------------------------

    def add_user(self, cluster_id: str, body: Any) -> dict[str, Any]:
        cluster = self._cluster(cluster_id)
        engine = cluster.spec.engine
        body = _object(body, "request body")
        for key in body:
            if key in _SERVER_FIELDS:
                raise unprocessable(f"{key} is set by the server and cannot be sent")
            if key not in _CREATE_FIELDS:
                raise unprocessable(f"unknown field {key!r}")
        name = body.get("name")
        if name is None:
            raise unprocessable("name is required")
        if not isinstance(name, str) or not _NAME.fullmatch(name):
            raise unprocessable(
                "name must be 1 to 63 letters, digits, '_', '-' or '.', not starting with - or ."
            )
        if name in cluster.users:
            raise unprocessable(f"a user named {name!r} already exists")
        mysql = body.get("mysql_settings")
        if mysql is not None:
            _only_on(engine, "mysql", "mysql_settings")
        settings = _settings(engine, body.get("settings"))
        readonly = body.get("readonly")
        if readonly is not None:
            _only_on(engine, "mongodb", "readonly")
            if not isinstance(readonly, bool):
                raise unprocessable("readonly must be a boolean")
            mongo = settings.setdefault("mongo_user_settings", {"databases": ["admin"]})
            if readonly:
                if mongo.get("role", "readOnly") != "readOnly":
                    raise unprocessable("readonly conflicts with mongo_user_settings.role")
                mongo["role"] = "readOnly"
        user = self._new_user(engine, name, "normal", settings)
        if mysql is not None:
            user["mysql_settings"] = {"auth_plugin": _plugin(mysql)}
        cluster.users[name] = user
        return user

    def update_user(self, cluster_id: str, name: str, body: Any) -> dict[str, Any]:
        cluster = self._cluster(cluster_id)
        user = self._user(cluster, name)
        body = _object(body, "request body")
        extra = set(body) - {"settings"}
        if extra:
            raise unprocessable(f"only settings can change, not {', '.join(sorted(extra))}")
        if "settings" not in body:
            raise unprocessable("settings is required")
        settings = _settings(cluster.spec.engine, body["settings"])
        if settings:
            user["settings"] = settings
        else:
            user.pop("settings", None)
        return user

    def delete_user(self, cluster_id: str, name: str) -> None:
        cluster = self._cluster(cluster_id)
        self._user(cluster, name)
        del cluster.users[name]

    def reset_auth(self, cluster_id: str, name: str, body: Any) -> dict[str, Any]:
        cluster = self._cluster(cluster_id)
        user = self._user(cluster, name)
        body = _object(body, "request body")
        extra = set(body) - {"mysql_settings"}
        if extra:
            raise unprocessable(f"unknown field {sorted(extra)[0]!r}")
        mysql = body.get("mysql_settings")
        if mysql is not None:
            _only_on(cluster.spec.engine, "mysql", "mysql_settings")
            user["mysql_settings"] = {"auth_plugin": _plugin(mysql)}
        user["password"] = new_password()
        return user

    def _new_user(
        self, engine: str, name: str, role: str, settings: dict[str, Any]
    ) -> dict[str, Any]:
        user: dict[str, Any] = {"name": name, "role": role, "password": new_password()}
        if engine == "mysql":
            user["mysql_settings"] = {"auth_plugin": MYSQL_DEFAULT_PLUGIN}
        if engine == "kafka":
            user["access_cert"], user["access_key"] = self._make_cert(name)
        if settings:
            user["settings"] = settings
        return user


# Validation helpers -------------------------------------------------------------


def _object(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise unprocessable(f"{what} must be a JSON object")
    return value


def _only_on(engine: str, wanted: str, option: str) -> None:
    if engine != wanted:
        raise unprocessable(f"{option} applies only to {wanted} clusters, not {engine}")


def _enum(value: Any, allowed: tuple[str, ...], field: str) -> str:
    if value not in allowed:
        raise unprocessable(f"{field} must be one of {', '.join(allowed)}")
    return str(value)


def _plugin(mysql: Any) -> str:
    mysql = _object(mysql, "mysql_settings")
    if "auth_plugin" not in mysql:
        raise unprocessable("mysql_settings.auth_plugin is required")
    return _enum(mysql["auth_plugin"], MYSQL_PLUGINS, "mysql_settings.auth_plugin")


def _settings(engine: str, raw: Any) -> dict[str, Any]:
    """A validated copy of a settings object, with server-made ACL ids."""
    if raw is None:
        return {}
    raw = _object(raw, "settings")
    settings: dict[str, Any] = {}
    for key, value in raw.items():
        wanted = _ENGINE_OF_SETTING.get(key)
        if wanted is None:
            raise unprocessable(f"unknown setting {key!r}")
        _only_on(engine, wanted, f"settings.{key}")
        settings[key] = _SETTING_CHECKS[key](value)
    return settings


def _replication(value: Any) -> bool:
    if not isinstance(value, bool):
        raise unprocessable("settings.pg_allow_replication must be a boolean")
    return value


def _list(value: Any, field: str) -> list[Any]:
    if not isinstance(value, list):
        raise unprocessable(f"{field} must be an array")
    return value


def _kafka_acls(value: Any) -> list[dict[str, str]]:
    acls = []
    for i, item in enumerate(_list(value, "settings.acl")):
        item = _object(item, f"settings.acl[{i}]")
        topic = item.get("topic")
        if not isinstance(topic, str) or not topic:
            raise unprocessable(f"settings.acl[{i}].topic is required")
        permission = _enum(
            item.get("permission"), KAFKA_PERMISSIONS, f"settings.acl[{i}].permission"
        )
        acls.append({"id": "acl" + secrets.token_hex(6), "topic": topic, "permission": permission})
    return acls


def _opensearch_acls(value: Any) -> list[dict[str, str]]:
    acls = []
    for i, item in enumerate(_list(value, "settings.opensearch_acl")):
        item = _object(item, f"settings.opensearch_acl[{i}]")
        index = item.get("index")
        if not isinstance(index, str) or not index:
            raise unprocessable(f"settings.opensearch_acl[{i}].index is required")
        field = f"settings.opensearch_acl[{i}].permission"
        acls.append(
            {
                "index": index,
                "permission": _enum(item.get("permission"), OPENSEARCH_PERMISSIONS, field),
            }
        )
    return acls


def _mongo(value: Any) -> dict[str, Any]:
    value = _object(value, "settings.mongo_user_settings")
    unknown = set(value) - {"databases", "role"}
    if unknown:
        raise unprocessable(f"unknown setting mongo_user_settings.{sorted(unknown)[0]}")
    mongo: dict[str, Any] = {}
    if "databases" in value:
        databases = _list(value["databases"], "settings.mongo_user_settings.databases")
        if not all(isinstance(d, str) and d for d in databases):
            raise unprocessable("settings.mongo_user_settings.databases must hold names")
        mongo["databases"] = list(databases)
    if "role" in value:
        mongo["role"] = _enum(value["role"], MONGO_ROLES, "settings.mongo_user_settings.role")
    return mongo


_SETTING_CHECKS: Final[Mapping[str, Callable[[Any], Any]]] = {
    "pg_allow_replication": _replication,
    "acl": _kafka_acls,
    "opensearch_acl": _opensearch_acls,
    "mongo_user_settings": _mongo,
}

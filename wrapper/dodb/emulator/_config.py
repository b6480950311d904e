"""A cluster's settings: advanced configuration per engine (`/config`), MySQL's SQL mode
(`/sql_mode`) and the eviction policy of Redis and Valkey (`/eviction_policy`).

A cluster's configuration starts from the defaults the spec gives its engine's
settings; a PATCH changes only what it sends (an object one level down is merged),
each setting read against that engine's schema: its type, its enum, its limits.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from dodb_api.models import (
    DatabaseConfigUpdate,
    DatabaseEngine,
    DatabaseEventType,
    DatabaseSqlMode,
    EvictionPolicy,
    EvictionPolicySetting,
    KafkaAdvancedConfig,
    MongoAdvancedConfig,
    MysqlAdvancedConfig,
    OpensearchAdvancedConfig,
    PostgresAdvancedConfig,
    RedisAdvancedConfig,
    ValkeyAdvancedConfig,
)
from dodb_api.types import Model, schema_of

from ._resource import (
    Backend,
    changeable,
    check_limits,
    defaults,
    engine_name,
    find,
    on_engines,
    part,
    read,
    record,
)
from ._state import MYSQL, VALKEY, ApiError, Cluster, Store, _object, unprocessable

_KEY: Final = "config"
_SETTINGS: Final[dict[str, type[Model]]] = {
    DatabaseEngine.PG.value: PostgresAdvancedConfig,
    DatabaseEngine.MYSQL.value: MysqlAdvancedConfig,
    DatabaseEngine.REDIS.value: RedisAdvancedConfig,
    DatabaseEngine.VALKEY.value: ValkeyAdvancedConfig,
    DatabaseEngine.KAFKA.value: KafkaAdvancedConfig,
    DatabaseEngine.OPENSEARCH.value: OpensearchAdvancedConfig,
    DatabaseEngine.MONGODB.value: MongoAdvancedConfig,
}
"""Each engine's settings: the options of the spec's `DatabaseConfigUpdate.config`."""
_EVICTING: Final = (DatabaseEngine.REDIS.value, VALKEY.value)
_VALKEY_POLICY: Final = "valkey_maxmemory_policy"
"""Valkey's eviction policy is also this setting of its configuration (the same enum)."""
DEFAULT_SQL_MODE: Final = (
    "ANSI,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
    "STRICT_ALL_TABLES"
)
"""DigitalOcean's default SQL mode for MySQL clusters (its SQL mode documentation)."""
SQL_MODES: Final = frozenset(
    {
        "ALLOW_INVALID_DATES",
        "ANSI_QUOTES",
        "ERROR_FOR_DIVISION_BY_ZERO",
        "HIGH_NOT_PRECEDENCE",
        "IGNORE_SPACE",
        "NO_AUTO_VALUE_ON_ZERO",
        "NO_BACKSLASH_ESCAPES",
        "NO_DIR_IN_CREATE",
        "NO_ENGINE_SUBSTITUTION",
        "NO_UNSIGNED_SUBTRACTION",
        "NO_ZERO_DATE",
        "NO_ZERO_IN_DATE",
        "ONLY_FULL_GROUP_BY",
        "PAD_CHAR_TO_FULL_LENGTH",
        "PIPES_AS_CONCAT",
        "REAL_AS_FLOAT",
        "STRICT_ALL_TABLES",
        "STRICT_TRANS_TABLES",
        "TIME_TRUNCATE_FRACTIONAL",
        "ANSI",
        "TRADITIONAL",
    }
)
"""MySQL 8's SQL modes and combination modes (MySQL's reference manual)."""
DEFAULT_EVICTION: Final = EvictionPolicy.NOEVICTION
"""The emulator's choice for a new cluster: keep every key, refuse writes when full."""


@attrs.define
class _Settings:
    config: dict[str, Any]
    sql_mode: str = DEFAULT_SQL_MODE
    eviction_policy: str = DEFAULT_EVICTION.value


def _model(cluster: Cluster) -> type[Model]:
    model = _SETTINGS.get(cluster.spec.engine)
    if model is None:
        raise unprocessable(f"{engine_name(cluster.spec.engine)} clusters have no settings here")
    return model


def _settings(cluster: Cluster) -> _Settings:
    return part(cluster, _KEY, lambda: _Settings(defaults(_model(cluster).__name__)))


def get_config(store: Store, cluster_id: str) -> dict[str, Any]:
    return dict(_settings(find(store, cluster_id)).config)


def patch_config(store: Store, cluster_id: str, body: Any) -> None:
    cluster = changeable(store, find(store, cluster_id))
    model = _model(cluster)
    config = _object(read(DatabaseConfigUpdate, body).config, "config")
    known = schema_of(model).by_name
    for key in config:
        if key not in known:
            name = engine_name(cluster.spec.engine)
            raise unprocessable(f"config.{key} is not a setting of {name} clusters")
    try:
        read(model, config)
    except ApiError as exc:
        raise unprocessable(f"config.{exc.message}") from None
    check_limits(model.__name__, config, "config")
    settings = _settings(cluster)
    for key, value in config.items():
        old = settings.config.get(key)
        if isinstance(value, dict) and isinstance(old, dict):
            settings.config[key] = {**old, **value}
        elif value is not None:
            settings.config[key] = value
    record(cluster, DatabaseEventType.CLUSTER_UPDATE)


def get_sql_mode(store: Store, cluster_id: str) -> str:
    cluster = on_engines(store, cluster_id, [MYSQL.value], "SQL modes")
    return _settings(cluster).sql_mode


def update_sql_mode(store: Store, cluster_id: str, body: Any) -> None:
    cluster = on_engines(store, cluster_id, [MYSQL.value], "SQL modes")
    modes = [m.strip().upper() for m in read(DatabaseSqlMode, body).sql_mode.split(",")]
    unknown = [m for m in modes if m not in SQL_MODES]
    if unknown:
        raise unprocessable(f"not MySQL SQL modes: {', '.join(unknown)}")
    _settings(cluster).sql_mode = ",".join(dict.fromkeys(modes))


def get_eviction_policy(store: Store, cluster_id: str) -> str:
    cluster = on_engines(store, cluster_id, _EVICTING, "Eviction policies")
    settings = _settings(cluster)
    if cluster.spec.engine == VALKEY:
        found: str = settings.config.get(_VALKEY_POLICY, settings.eviction_policy)
        return found
    return settings.eviction_policy


def update_eviction_policy(store: Store, cluster_id: str, body: Any) -> None:
    cluster = on_engines(store, cluster_id, _EVICTING, "Eviction policies")
    policy = read(EvictionPolicySetting, body).eviction_policy
    settings = _settings(cluster)
    settings.eviction_policy = policy.value
    if cluster.spec.engine == VALKEY:
        settings.config[_VALKEY_POLICY] = policy.value


ROWS: Final[dict[str, Backend]] = {
    "databases_get_config": lambda store, cluster, body: get_config(store, cluster),
    "databases_patch_config": lambda store, cluster, body: patch_config(store, cluster, body),
    "databases_get_sql_mode": lambda store, cluster, body: get_sql_mode(store, cluster),
    "databases_update_sql_mode": lambda s, cluster, body: update_sql_mode(s, cluster, body),
    "databases_get_eviction_policy": lambda s, cluster, body: get_eviction_policy(s, cluster),
    "databases_update_eviction_policy": lambda s, c, body: update_eviction_policy(s, c, body),
}

"""Immutable typed models of database users, built from the generated layer.

Enum-valued fields hold the generated enums, which keep values the server
adds later. Fields the spec does not know yet are kept in `extra`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from dodb_api import models as gen
from dodb_api.models import (
    KafkaAclPermission,
    MongoRole,
    MysqlAuthPlugin,
    OpenSearchAclPermission,
    UserRole,
)
from dodb_api.types import Unset

from ._errors import InvalidInputError
from ._secret import Secret
from ._validation import choice

T = TypeVar("T")
_EMPTY: Mapping[str, Any] = MappingProxyType({})


def _set(value: T | Unset) -> T | None:
    return None if isinstance(value, Unset) else value


def _extra(model: Any) -> Mapping[str, Any]:
    found: dict[str, Any] = getattr(model, "additional_properties", {})
    return MappingProxyType(dict(found)) if found else _EMPTY


def _kafka_permission(value: object) -> KafkaAclPermission:
    return choice("Kafka ACL permission", value, KafkaAclPermission)


def _opensearch_permission(value: object) -> OpenSearchAclPermission:
    return choice("OpenSearch ACL permission", value, OpenSearchAclPermission)


def _topic(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidInputError(f"Kafka ACL topic must be a string, not {type(value).__name__}")
    return value


@attrs.frozen
class KafkaAcl:
    """Kafka: what a user may do on the topics matching `topic` (a regex)."""

    topic: str = attrs.field(converter=_topic)
    permission: KafkaAclPermission = attrs.field(converter=_kafka_permission)
    id: str | None = None
    extra: Mapping[str, Any] = attrs.field(default=_EMPTY, repr=False, eq=False)


@attrs.frozen
class OpenSearchAcl:
    """OpenSearch: what a user may do on the indexes matching `index` (a regex)."""

    index: str
    permission: OpenSearchAclPermission = attrs.field(converter=_opensearch_permission)
    extra: Mapping[str, Any] = attrs.field(default=_EMPTY, repr=False, eq=False)


@attrs.frozen
class MongoUserSettings:
    """MongoDB: the databases a user may reach (`admin` means all) and its role."""

    databases: tuple[str, ...] | None = None
    role: MongoRole | None = None
    extra: Mapping[str, Any] = attrs.field(default=_EMPTY, repr=False, eq=False)


@attrs.frozen
class MysqlSettings:
    """MySQL: how the user authenticates."""

    auth_plugin: MysqlAuthPlugin
    extra: Mapping[str, Any] = attrs.field(default=_EMPTY, repr=False, eq=False)


@attrs.frozen
class UserSettings:
    """Engine-specific settings; each field applies to one engine."""

    pg_allow_replication: bool | None = None
    acl: tuple[KafkaAcl, ...] | None = None
    opensearch_acl: tuple[OpenSearchAcl, ...] | None = None
    mongo_user_settings: MongoUserSettings | None = None
    extra: Mapping[str, Any] = attrs.field(default=_EMPTY, repr=False, eq=False)


@attrs.frozen
class DatabaseUser:
    """A database user as the API returned it.

    `password` and `access_key` are `Secret` values: masked when printed,
    readable with `.reveal()`. They are `None` when the token may not see
    credentials (or, for the key, when the engine is not Kafka).
    """

    name: str
    role: UserRole | None = None
    password: Secret | None = None
    access_cert: str | None = attrs.field(default=None, repr=False)
    access_key: Secret | None = None
    mysql_settings: MysqlSettings | None = None
    settings: UserSettings | None = None
    extra: Mapping[str, Any] = attrs.field(default=_EMPTY, repr=False, eq=False)

    @property
    def is_primary(self) -> bool:
        """Whether this is the cluster's admin user."""
        return self.role == UserRole.PRIMARY


def _kafka_acl(model: gen.KafkaAcl) -> KafkaAcl:
    return KafkaAcl(
        topic=model.topic, permission=model.permission, id=_set(model.id), extra=_extra(model)
    )


def _opensearch_acl(model: gen.OpenSearchAcl) -> OpenSearchAcl:
    return OpenSearchAcl(
        index=_set(model.index) or "",
        permission=_set(model.permission) or OpenSearchAclPermission.DENY,
        extra=_extra(model),
    )


def _settings(model: gen.UserSettings) -> UserSettings:
    acl = _set(model.acl)
    opensearch_acl = _set(model.opensearch_acl)
    mongo = _set(model.mongo_user_settings)
    return UserSettings(
        pg_allow_replication=_set(model.pg_allow_replication),
        acl=None if acl is None else tuple(_kafka_acl(a) for a in acl),
        opensearch_acl=(
            None if opensearch_acl is None else tuple(_opensearch_acl(a) for a in opensearch_acl)
        ),
        mongo_user_settings=None
        if mongo is None
        else MongoUserSettings(
            databases=None if isinstance(mongo.databases, Unset) else tuple(mongo.databases),
            role=_set(mongo.role),
            extra=_extra(mongo),
        ),
        extra=_extra(model),
    )


def user_from_generated(model: gen.DatabaseUser) -> DatabaseUser:
    """The public model of a user parsed by the generated layer."""
    password = _set(model.password)
    key = _set(model.access_key)
    mysql = _set(model.mysql_settings)
    settings = _set(model.settings)
    return DatabaseUser(
        name=model.name,
        role=_set(model.role),
        password=None if password is None else Secret(password),
        access_cert=_set(model.access_cert),
        access_key=None if key is None else Secret(key),
        mysql_settings=None
        if mysql is None
        else MysqlSettings(auth_plugin=mysql.auth_plugin, extra=_extra(mysql)),
        settings=None if settings is None else _settings(settings),
        extra=_extra(model),
    )

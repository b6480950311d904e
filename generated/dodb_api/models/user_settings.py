from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    BOOLEAN,
    NO_EXTRA,
    Prop,
    Schema,
    array,
    dump,
    load,
    model,
)

if TYPE_CHECKING:
    from ..models.kafka_acl import KafkaAcl
    from ..models.mongo_user_settings import MongoUserSettings
    from ..models.open_search_acl import OpenSearchAcl


@_attrs_frozen
class UserSettings:
    """Engine-specific user settings. Each field applies to one engine."""

    pg_allow_replication: bool | None = None
    """ PostgreSQL only. Whether the user may replicate; absent means `false`. """
    acl: tuple[KafkaAcl, ...] | None = None
    """ Kafka only. The topics the user may reach. """
    opensearch_acl: tuple[OpenSearchAcl, ...] | None = None
    """ OpenSearch only. The indexes the user may reach. """
    mongo_user_settings: MongoUserSettings | None = None
    """ MongoDB only. The databases the user may reach, and how. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.kafka_acl import KafkaAcl  # noqa: PLC0415
        from ..models.mongo_user_settings import MongoUserSettings  # noqa: PLC0415
        from ..models.open_search_acl import OpenSearchAcl  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop(
                "pg_allow_replication",
                "pg_allow_replication",
                BOOLEAN,
                extensions={
                    "x-dodb-option": {
                        "engine": "PostgreSQL",
                        "flag": "--pg-allow-replication",
                        "help": "grant (or, with --no-..., withhold) replication "
                        "rights",
                        "name": "pg_allow_replication",
                    }
                },
            ),
            Prop(
                "acl",
                "acl",
                array(model(KafkaAcl)),
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--kafka-acl",
                        "help": "a permission on the topics matching a pattern "
                        "(repeatable)",
                        "name": "kafka_acls",
                    }
                },
            ),
            Prop(
                "opensearch_acl",
                "opensearch_acl",
                array(model(OpenSearchAcl)),
                extensions={
                    "x-dodb-option": {
                        "engine": "OpenSearch",
                        "flag": "--opensearch-acl",
                        "help": "a permission on the indexes matching a pattern "
                        "(repeatable)",
                        "name": "opensearch_acls",
                    }
                },
            ),
            Prop(
                "mongo_user_settings", "mongo_user_settings", model(MongoUserSettings)
            ),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> UserSettings:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

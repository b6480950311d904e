from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.kafka_acl_permission import KafkaAclPermission
from ..types import (
    NO_EXTRA,
    STRING,
    Prop,
    Schema,
    dump,
    enum,
    load,
    text,
)


@_attrs_frozen
class KafkaAcl:
    """Kafka only. One access rule on the topics matching a pattern."""

    topic: str
    """ A regular expression for the topic names, such as `customer-events.*`. """
    permission: KafkaAclPermission
    """ What a Kafka user may do on the matching topics. """
    id: str | None = None
    """ The rule's id, computed by the server when the ACL is created or
    updated. Not read-only: an update may send the ids it read back,
    as upstream's example does (models/user_settings.yml). """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("topic", "topic", text(1), required=True),
            Prop(
                "permission",
                "permission",
                enum(
                    KafkaAclPermission,
                    spellings={
                        "produce_consume": "produceconsume",
                        "read_write": "produceconsume",
                        "readwrite": "produceconsume",
                    },
                ),
                required=True,
            ),
            Prop("id", "id", STRING),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> KafkaAcl:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

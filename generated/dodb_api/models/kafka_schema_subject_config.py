from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.kafka_schema_compatibility import KafkaSchemaCompatibility
from ..types import (
    NO_EXTRA,
    Prop,
    Schema,
    dump,
    enum,
    load,
    text,
)


@_attrs_frozen
class KafkaSchemaSubjectConfig:
    """A subject's compatibility level."""

    subject_name: str
    """ The subject. """
    compatibility_level: KafkaSchemaCompatibility
    """ Which earlier versions a new schema version must stay compatible with:
    none, the previous one (`BACKWARD`, `FORWARD`, `FULL`) or all earlier
    ones (`*_TRANSITIVE`). """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("subject_name", "subject_name", text(1), required=True),
            Prop(
                "compatibility_level",
                "compatibility_level",
                enum(KafkaSchemaCompatibility),
                required=True,
            ),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> KafkaSchemaSubjectConfig:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

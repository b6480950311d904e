from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.kafka_schema_type import KafkaSchemaType
from ..types import (
    INTEGER,
    NO_EXTRA,
    Prop,
    Schema,
    dump,
    enum,
    load,
    text,
)


@_attrs_frozen
class KafkaSchemaVersion:
    """One version of a subject's schema (upstream's
    models/kafka_schema_version_verbose.yml)."""

    schema_id: int
    """ The schema's id in the registry. """
    version: str
    """ The version. """
    subject_name: str
    """ The subject. """
    schema_type: KafkaSchemaType
    """ The language of a schema. """
    schema: str
    """ The schema itself. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("schema_id", "schema_id", INTEGER, required=True),
            Prop("version", "version", text(1), required=True),
            Prop("subject_name", "subject_name", text(1), required=True),
            Prop("schema_type", "schema_type", enum(KafkaSchemaType), required=True),
            Prop("schema", "schema", text(1), required=True),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> KafkaSchemaVersion:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

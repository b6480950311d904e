from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.kafka_schema_type import KafkaSchemaType
from ..types import (
    INTEGER,
    NO_EXTRA,
    STRING,
    Prop,
    Schema,
    dump,
    enum,
    load,
)


@_attrs_frozen
class KafkaSchemaListed:
    """A registered schema as listed (upstream's
    models/kafka_schema_verbose.yml, no field required)."""

    schema_id: int | None = None
    """ The schema's id in the registry. """
    subject_name: str | None = None
    """ The subject. """
    schema_type: KafkaSchemaType | None = None
    """ The language of a schema. """
    schema: str | None = None
    """ The schema itself. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("schema_id", "schema_id", INTEGER),
            Prop("subject_name", "subject_name", STRING),
            Prop("schema_type", "schema_type", enum(KafkaSchemaType)),
            Prop("schema", "schema", STRING),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> KafkaSchemaListed:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import frozen as _attrs_frozen

from ..models.kafka_schema_type import KafkaSchemaType
from ..types import (
    Prop,
    Schema,
    dump,
    enum,
    load,
    text,
)


@_attrs_frozen
class KafkaSchemaCreate:
    """The body of a request that registers a schema (upstream's
    models/database_kafka_schema_create.yml)."""

    subject_name: str
    """ The subject to register the schema under. """
    schema_type: KafkaSchemaType
    """ The language of a schema. """
    schema: str
    """ The schema itself, in its language. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop(
                "subject_name",
                "subject_name",
                text(1),
                required=True,
                extensions={"x-dodb-arg": "name"},
            ),
            Prop(
                "schema_type",
                "schema_type",
                enum(KafkaSchemaType),
                required=True,
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--schema-type",
                        "help": "AVRO, JSON or PROTOBUF",
                        "name": "schema_type",
                    }
                },
            ),
            Prop(
                "schema",
                "schema",
                text(1),
                required=True,
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--schema",
                        "help": "the schema itself",
                        "name": "schema",
                    }
                },
            ),
        )
        return Schema(props, extra=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> KafkaSchemaCreate:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

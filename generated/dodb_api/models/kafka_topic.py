from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.kafka_topic_state import KafkaTopicState
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
class KafkaTopic:
    """A Kafka topic as listed (upstream's models/kafka_topic.yml)."""

    name: str | None = None
    """ The topic's name. """
    state: KafkaTopicState | None = None
    """ Whether the topic is usable (`active`), changing, being deleted, or unknown. """
    replication_factor: int | None = None
    """ On how many nodes each partition is kept. """
    partition_count: int | None = None
    """ How many partitions the topic has. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("name", "name", STRING),
            Prop("state", "state", enum(KafkaTopicState)),
            Prop("replication_factor", "replication_factor", INTEGER),
            Prop("partition_count", "partition_count", INTEGER),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> KafkaTopic:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

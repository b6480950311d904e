from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    INTEGER,
    NO_EXTRA,
    Prop,
    Schema,
    array,
    dump,
    load,
    model,
)

if TYPE_CHECKING:
    from ..models.kafka_consumer_group import KafkaConsumerGroup


@_attrs_frozen
class KafkaTopicPartition:
    """One partition of a topic (upstream's models/kafka_topic_partition.yml)."""

    size: int | None = None
    """ The partition's size, in bytes. """
    id: int | None = None
    """ The partition's number. """
    in_sync_replicas: int | None = None
    """ How many nodes have the partition's latest data. """
    earliest_offset: int | None = None
    """ The lowest offset any consumer group has. """
    consumer_groups: tuple[KafkaConsumerGroup, ...] | None = None
    """ The consumer groups reading the partition; null when none. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.kafka_consumer_group import KafkaConsumerGroup  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop("size", "size", INTEGER),
            Prop("id", "id", INTEGER),
            Prop("in_sync_replicas", "in_sync_replicas", INTEGER),
            Prop("earliest_offset", "earliest_offset", INTEGER),
            Prop(
                "consumer_groups", "consumer_groups", array(model(KafkaConsumerGroup))
            ),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> KafkaTopicPartition:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

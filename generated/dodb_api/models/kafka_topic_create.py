from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import frozen as _attrs_frozen

from ..types import (
    INTEGER,
    Prop,
    Schema,
    dump,
    load,
    model,
    text,
)

if TYPE_CHECKING:
    from ..models.kafka_topic_config import KafkaTopicConfig


@_attrs_frozen
class KafkaTopicCreate:
    """The body of a create-topic request (upstream's models/kafka_topic_create.yml)."""

    name: str
    """ The new topic's name. """
    replication_factor: int | None = None
    """ On how many nodes each partition is kept. """
    partition_count: int | None = None
    """ How many partitions the topic has. """
    config: KafkaTopicConfig | None = None
    """ The settings of one Kafka topic (upstream's models/kafka_topic_config.yml). """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.kafka_topic_config import KafkaTopicConfig  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop(
                "name",
                "name",
                text(1),
                required=True,
                extensions={"x-dodb-arg": "name"},
            ),
            Prop(
                "replication_factor",
                "replication_factor",
                INTEGER,
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--replication-factor",
                        "help": "on how many nodes each partition is kept",
                        "name": "replication_factor",
                    }
                },
            ),
            Prop(
                "partition_count",
                "partition_count",
                INTEGER,
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--partition-count",
                        "help": "how many partitions",
                        "name": "partition_count",
                    }
                },
            ),
            Prop("config", "config", model(KafkaTopicConfig)),
        )
        return Schema(props, extra=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> KafkaTopicCreate:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

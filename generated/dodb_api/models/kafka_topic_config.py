from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.kafka_message_format_version import KafkaMessageFormatVersion
from ..models.kafka_topic_cleanup_policy import KafkaTopicCleanupPolicy
from ..models.kafka_topic_compression_type import KafkaTopicCompressionType
from ..models.kafka_topic_timestamp_type import KafkaTopicTimestampType
from ..types import (
    BOOLEAN,
    INTEGER,
    NO_EXTRA,
    NUMBER,
    Prop,
    Schema,
    dump,
    enum,
    load,
)


@_attrs_frozen
class KafkaTopicConfig:
    """The settings of one Kafka topic (upstream's models/kafka_topic_config.yml)."""

    cleanup_policy: KafkaTopicCleanupPolicy | None = None
    """ What happens to a topic's old segments. """
    compression_type: KafkaTopicCompressionType | None = None
    """ How a topic's messages are stored compressed. Upstream writes `Iz4`, a
    typo for Kafka's `lz4` codec (its cluster settings list `lz4`); this
    document has `lz4`. """
    delete_retention_ms: int | None = None
    """ Milliseconds delete markers (tombstones) are kept. """
    file_delete_delay_ms: int | None = None
    """ Milliseconds to wait before a deleted segment's file is removed. """
    flush_messages: int | None = None
    """ Messages a partition gathers before they are flushed to disk. Unset,
    Kafka's default of 2^63 - 1 (never). """
    flush_ms: int | None = None
    """ The longest a message stays in memory before a flush, in milliseconds.
    Unset, Kafka's default of 2^63 - 1 (never). """
    index_interval_bytes: int | None = None
    """ Bytes between two entries of the offset index. """
    max_compaction_lag_ms: int | None = None
    """ The longest a message stays uncompacted, in milliseconds (with
    compaction on). Unset, Kafka's default of 2^63 - 1 (never). """
    max_message_bytes: int | None = None
    """ The largest record batch the topic accepts, in bytes, after compression. """
    message_down_conversion_enable: bool | None = None
    """ Whether messages are converted to older formats for consumers that ask;
    when off, such consumers get `UNSUPPORTED_VERSION`. """
    message_format_version: KafkaMessageFormatVersion | None = None
    """ A Kafka message format version. """
    message_timestamp_type: KafkaTopicTimestampType | None = None
    """ Which time a message's timestamp is. """
    min_cleanable_dirty_ratio: float | None = None
    """ The share of a log that may be duplicates before compaction runs (0.5: half). """
    min_compaction_lag_ms: int | None = None
    """ The shortest a message stays uncompacted, in milliseconds (with compaction on). """
    min_insync_replicas: int | None = None
    """ How many replicas must confirm a write for it to succeed. """
    preallocate: bool | None = None
    """ Whether a segment file is allocated in full when created. """
    retention_bytes: int | None = None
    """ The largest a partition's log grows before old messages are deleted, in
    bytes; -1 means no limit. """
    retention_ms: int | None = None
    """ Milliseconds a message is kept before it is deleted. """
    segment_bytes: int | None = None
    """ The largest segment file, in bytes. """
    segment_jitter_ms: int | None = None
    """ The most random time taken off the segment roll time, in milliseconds,
    so that segments do not all roll at once. """
    segment_ms: int | None = None
    """ The longest before a new segment is started even if the current one is
    not full, in milliseconds. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop(
                "cleanup_policy",
                "cleanup_policy",
                enum(KafkaTopicCleanupPolicy),
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--cleanup-policy",
                        "help": "delete, compact or compact_delete old segments",
                        "name": "cleanup_policy",
                    }
                },
            ),
            Prop(
                "compression_type",
                "compression_type",
                enum(KafkaTopicCompressionType),
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--compression-type",
                        "help": "how messages are stored compressed",
                        "name": "compression_type",
                    }
                },
            ),
            Prop(
                "delete_retention_ms",
                "delete_retention_ms",
                INTEGER,
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--delete-retention-ms",
                        "help": "how long tombstones are kept, in ms",
                        "name": "delete_retention_ms",
                    }
                },
            ),
            Prop(
                "file_delete_delay_ms",
                "file_delete_delay_ms",
                INTEGER,
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--file-delete-delay-ms",
                        "help": "delay before a deleted segment's file goes, in ms",
                        "name": "file_delete_delay_ms",
                    }
                },
            ),
            Prop(
                "flush_messages",
                "flush_messages",
                INTEGER,
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--flush-messages",
                        "help": "messages gathered before a flush to disk",
                        "name": "flush_messages",
                    }
                },
            ),
            Prop(
                "flush_ms",
                "flush_ms",
                INTEGER,
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--flush-ms",
                        "help": "longest a message waits for a flush, in ms",
                        "name": "flush_ms",
                    }
                },
            ),
            Prop(
                "index_interval_bytes",
                "index_interval_bytes",
                INTEGER,
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--index-interval-bytes",
                        "help": "bytes between offset index entries",
                        "name": "index_interval_bytes",
                    }
                },
            ),
            Prop(
                "max_compaction_lag_ms",
                "max_compaction_lag_ms",
                INTEGER,
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--max-compaction-lag-ms",
                        "help": "longest a message stays uncompacted, in ms",
                        "name": "max_compaction_lag_ms",
                    }
                },
            ),
            Prop(
                "max_message_bytes",
                "max_message_bytes",
                INTEGER,
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--max-message-bytes",
                        "help": "largest record batch, in bytes",
                        "name": "max_message_bytes",
                    }
                },
            ),
            Prop(
                "message_down_conversion_enable",
                "message_down_conversion_enable",
                BOOLEAN,
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--message-down-conversion-enable",
                        "help": "convert messages for older consumers",
                        "name": "message_down_conversion_enable",
                    }
                },
            ),
            Prop(
                "message_format_version",
                "message_format_version",
                enum(KafkaMessageFormatVersion),
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--message-format-version",
                        "help": "the message format version",
                        "name": "message_format_version",
                    }
                },
            ),
            Prop(
                "message_timestamp_type",
                "message_timestamp_type",
                enum(KafkaTopicTimestampType),
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--message-timestamp-type",
                        "help": "create_time or log_append_time",
                        "name": "message_timestamp_type",
                    }
                },
            ),
            Prop(
                "min_cleanable_dirty_ratio",
                "min_cleanable_dirty_ratio",
                NUMBER,
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--min-cleanable-dirty-ratio",
                        "help": "share of duplicates before compaction (0 to 1)",
                        "name": "min_cleanable_dirty_ratio",
                    }
                },
            ),
            Prop(
                "min_compaction_lag_ms",
                "min_compaction_lag_ms",
                INTEGER,
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--min-compaction-lag-ms",
                        "help": "shortest a message stays uncompacted, in ms",
                        "name": "min_compaction_lag_ms",
                    }
                },
            ),
            Prop(
                "min_insync_replicas",
                "min_insync_replicas",
                INTEGER,
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--min-insync-replicas",
                        "help": "replicas that must confirm a write",
                        "name": "min_insync_replicas",
                    }
                },
            ),
            Prop(
                "preallocate",
                "preallocate",
                BOOLEAN,
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--preallocate",
                        "help": "allocate segment files in full",
                        "name": "preallocate",
                    }
                },
            ),
            Prop(
                "retention_bytes",
                "retention_bytes",
                INTEGER,
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--retention-bytes",
                        "help": "largest log per partition, in bytes (-1: no limit)",
                        "name": "retention_bytes",
                    }
                },
            ),
            Prop(
                "retention_ms",
                "retention_ms",
                INTEGER,
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--retention-ms",
                        "help": "how long messages are kept, in ms",
                        "name": "retention_ms",
                    }
                },
            ),
            Prop(
                "segment_bytes",
                "segment_bytes",
                INTEGER,
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--segment-bytes",
                        "help": "largest segment file, in bytes",
                        "name": "segment_bytes",
                    }
                },
            ),
            Prop(
                "segment_jitter_ms",
                "segment_jitter_ms",
                INTEGER,
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--segment-jitter-ms",
                        "help": "random time taken off segment rolls, in ms",
                        "name": "segment_jitter_ms",
                    }
                },
            ),
            Prop(
                "segment_ms",
                "segment_ms",
                INTEGER,
                extensions={
                    "x-dodb-option": {
                        "engine": "Kafka",
                        "flag": "--segment-ms",
                        "help": "longest before a new segment, in ms",
                        "name": "segment_ms",
                    }
                },
            ),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> KafkaTopicConfig:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

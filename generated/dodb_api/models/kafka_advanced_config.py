from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.kafka_compression_type import KafkaCompressionType
from ..models.kafka_log_cleanup_policy import KafkaLogCleanupPolicy
from ..models.kafka_log_message_timestamp_type import KafkaLogMessageTimestampType
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
class KafkaAdvancedConfig:
    """Kafka's advanced broker settings (upstream's
    models/advanced_config/kafka_advanced_config.yml)."""

    compression_type: KafkaCompressionType | None = None
    """ A compression of stored messages. """
    group_initial_rebalance_delay_ms: int | None = None
    """ Milliseconds a new consumer group waits for more members before its
    first rebalance (3000 by default). """
    group_min_session_timeout_ms: int | None = None
    """ The shortest session timeout a consumer may ask for, in milliseconds. """
    group_max_session_timeout_ms: int | None = None
    """ The longest session timeout a consumer may ask for, in milliseconds. """
    connections_max_idle_ms: int | None = None
    """ Milliseconds after which an idle connection is closed. """
    max_incremental_fetch_session_cache_slots: int | None = None
    """ The most incremental fetch sessions a broker keeps. """
    message_max_bytes: int | None = None
    """ The largest message a broker accepts, in bytes. """
    offsets_retention_minutes: int | None = None
    """ Minutes the committed offsets of a consumer group are kept. """
    log_cleaner_delete_retention_ms: int | None = None
    """ Milliseconds delete markers (tombstones) are kept in compacted topics. """
    log_cleaner_min_cleanable_ratio: float | None = None
    """ The share of a log that must be uncompacted before compaction runs;
    higher compacts less often. See also
    `log_cleaner_max_compaction_lag_ms`. """
    log_cleaner_max_compaction_lag_ms: int | None = None
    """ The longest a message stays uncompacted in a compacted topic, in milliseconds. """
    log_cleaner_min_compaction_lag_ms: int | None = None
    """ The shortest a message stays uncompacted in a compacted topic, in milliseconds. """
    log_cleanup_policy: KafkaLogCleanupPolicy | None = None
    """ What happens to segments past the retention. """
    log_flush_interval_messages: int | None = None
    """ Messages a partition gathers before they are flushed to disk. """
    log_flush_interval_ms: int | None = None
    """ The longest a message stays in memory before a flush, in milliseconds;
    unset, the scheduler's interval applies. """
    log_index_interval_bytes: int | None = None
    """ Bytes between two entries of the offset index. """
    log_index_size_max_bytes: int | None = None
    """ The largest offset index, in bytes. """
    log_message_downconversion_enable: bool | None = None
    """ Whether messages are converted to older formats for consumers that ask. """
    log_message_timestamp_type: KafkaLogMessageTimestampType | None = None
    """ Which time a message's timestamp is. """
    log_message_timestamp_difference_max_ms: int | None = None
    """ The largest gap allowed between a message's timestamp and the broker's
    clock, in milliseconds. """
    log_preallocate: bool | None = None
    """ Whether segment files are allocated in full when created. """
    log_retention_bytes: int | None = None
    """ The largest a partition's log grows before old messages are deleted, in
    bytes; -1 means no limit. """
    log_retention_hours: int | None = None
    """ Hours a log file is kept. """
    log_retention_ms: int | None = None
    """ Milliseconds a log file is kept; -1 means no limit, unset uses the
    minutes setting. """
    log_roll_jitter_ms: int | None = None
    """ The most random time taken off the segment roll time, in milliseconds. """
    log_roll_ms: int | None = None
    """ The longest before a new segment is started, in milliseconds. """
    log_segment_bytes: int | None = None
    """ The largest segment file, in bytes. """
    log_segment_delete_delay_ms: int | None = None
    """ Milliseconds to wait before a deleted segment's file is removed. """
    auto_create_topics_enable: bool | None = None
    """ Whether a topic is created when a client uses one that does not exist. """
    min_insync_replicas: int | None = None
    """ With `acks=all`, how many replicas must confirm a write for it to succeed. """
    num_partitions: int | None = None
    """ The partition count of automatically created topics. """
    default_replication_factor: int | None = None
    """ The replication factor of automatically created topics. """
    replica_fetch_max_bytes: int | None = None
    """ Bytes a replica tries to fetch per partition (1 MiB by default); a
    bigger first batch is still fetched. """
    replica_fetch_response_max_bytes: int | None = None
    """ Bytes a replica expects in a whole fetch response (10 MiB by default); a
    bigger first batch is still fetched. """
    max_connections_per_ip: int | None = None
    """ The most connections from one IP address. """
    producer_purgatory_purge_interval_requests: int | None = None
    """ Requests between purges of the producer request purgatory. """
    socket_request_max_bytes: int | None = None
    """ The largest socket request, in bytes. """
    transaction_state_log_segment_bytes: int | None = None
    """ The segment size of the transaction topic, in bytes; small segments
    compact and load faster. """
    transaction_remove_expired_transaction_cleanup_interval_ms: int | None = None
    """ Milliseconds between removals of expired transactions. """
    schema_registry: bool | None = None
    """ Whether the cluster has a schema registry (dedicated-CPU plans only). """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("compression_type", "compression_type", enum(KafkaCompressionType)),
            Prop(
                "group_initial_rebalance_delay_ms",
                "group_initial_rebalance_delay_ms",
                INTEGER,
            ),
            Prop(
                "group_min_session_timeout_ms", "group_min_session_timeout_ms", INTEGER
            ),
            Prop(
                "group_max_session_timeout_ms", "group_max_session_timeout_ms", INTEGER
            ),
            Prop("connections_max_idle_ms", "connections_max_idle_ms", INTEGER),
            Prop(
                "max_incremental_fetch_session_cache_slots",
                "max_incremental_fetch_session_cache_slots",
                INTEGER,
            ),
            Prop("message_max_bytes", "message_max_bytes", INTEGER),
            Prop("offsets_retention_minutes", "offsets_retention_minutes", INTEGER),
            Prop(
                "log_cleaner_delete_retention_ms",
                "log_cleaner_delete_retention_ms",
                INTEGER,
            ),
            Prop(
                "log_cleaner_min_cleanable_ratio",
                "log_cleaner_min_cleanable_ratio",
                NUMBER,
            ),
            Prop(
                "log_cleaner_max_compaction_lag_ms",
                "log_cleaner_max_compaction_lag_ms",
                INTEGER,
            ),
            Prop(
                "log_cleaner_min_compaction_lag_ms",
                "log_cleaner_min_compaction_lag_ms",
                INTEGER,
            ),
            Prop(
                "log_cleanup_policy", "log_cleanup_policy", enum(KafkaLogCleanupPolicy)
            ),
            Prop("log_flush_interval_messages", "log_flush_interval_messages", INTEGER),
            Prop("log_flush_interval_ms", "log_flush_interval_ms", INTEGER),
            Prop("log_index_interval_bytes", "log_index_interval_bytes", INTEGER),
            Prop("log_index_size_max_bytes", "log_index_size_max_bytes", INTEGER),
            Prop(
                "log_message_downconversion_enable",
                "log_message_downconversion_enable",
                BOOLEAN,
            ),
            Prop(
                "log_message_timestamp_type",
                "log_message_timestamp_type",
                enum(KafkaLogMessageTimestampType),
            ),
            Prop(
                "log_message_timestamp_difference_max_ms",
                "log_message_timestamp_difference_max_ms",
                INTEGER,
            ),
            Prop("log_preallocate", "log_preallocate", BOOLEAN),
            Prop("log_retention_bytes", "log_retention_bytes", INTEGER),
            Prop("log_retention_hours", "log_retention_hours", INTEGER),
            Prop("log_retention_ms", "log_retention_ms", INTEGER),
            Prop("log_roll_jitter_ms", "log_roll_jitter_ms", INTEGER),
            Prop("log_roll_ms", "log_roll_ms", INTEGER),
            Prop("log_segment_bytes", "log_segment_bytes", INTEGER),
            Prop("log_segment_delete_delay_ms", "log_segment_delete_delay_ms", INTEGER),
            Prop("auto_create_topics_enable", "auto_create_topics_enable", BOOLEAN),
            Prop("min_insync_replicas", "min_insync_replicas", INTEGER),
            Prop("num_partitions", "num_partitions", INTEGER),
            Prop("default_replication_factor", "default_replication_factor", INTEGER),
            Prop("replica_fetch_max_bytes", "replica_fetch_max_bytes", INTEGER),
            Prop(
                "replica_fetch_response_max_bytes",
                "replica_fetch_response_max_bytes",
                INTEGER,
            ),
            Prop("max_connections_per_ip", "max_connections_per_ip", INTEGER),
            Prop(
                "producer_purgatory_purge_interval_requests",
                "producer_purgatory_purge_interval_requests",
                INTEGER,
            ),
            Prop("socket_request_max_bytes", "socket_request_max_bytes", INTEGER),
            Prop(
                "transaction_state_log_segment_bytes",
                "transaction_state_log_segment_bytes",
                INTEGER,
            ),
            Prop(
                "transaction_remove_expired_transaction_cleanup_interval_ms",
                "transaction_remove_expired_transaction_cleanup_interval_ms",
                INTEGER,
            ),
            Prop("schema_registry", "schema_registry", BOOLEAN),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> KafkaAdvancedConfig:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

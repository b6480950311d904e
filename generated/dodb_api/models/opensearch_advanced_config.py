from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    BOOLEAN,
    INTEGER,
    NO_EXTRA,
    STRING,
    Prop,
    Schema,
    array,
    dump,
    load,
)


@_attrs_frozen
class OpensearchAdvancedConfig:
    """OpenSearch's advanced settings (upstream's
    models/advanced_config/opensearch_advanced_config.yml)."""

    http_max_content_length_bytes: int | None = None
    """ The largest HTTP request body, in bytes. """
    http_max_header_size_bytes: int | None = None
    """ The largest HTTP headers, in bytes. """
    http_max_initial_line_length_bytes: int | None = None
    """ The longest HTTP URL, in bytes. """
    indices_query_bool_max_clause_count: int | None = None
    """ The most clauses a boolean query may have; raising it can slow the cluster. """
    indices_fielddata_cache_size_percentage: int | None = None
    """ The heap share of the field data cache, in percent. """
    indices_memory_index_buffer_size_percentage: int | None = None
    """ The heap share of the indexing buffer, in percent. """
    indices_memory_min_index_buffer_size_mb: int | None = None
    """ The smallest indexing buffer, in MB. """
    indices_memory_max_index_buffer_size_mb: int | None = None
    """ The largest indexing buffer, in MB; unset, no limit. """
    indices_queries_cache_size_percentage: int | None = None
    """ The heap share of the query cache, in percent. """
    indices_recovery_max_mb_per_sec: int | None = None
    """ The recovery traffic limit of each node, in MB per second, for peer and
    snapshot recoveries. """
    indices_recovery_max_concurrent_file_chunks: int | None = None
    """ File chunks sent at once in each recovery. """
    thread_pool_search_size: int | None = None
    """ Threads of the search pool; lowered when above what the CPUs allow. """
    thread_pool_search_throttled_size: int | None = None
    """ Threads of the throttled search pool (searches of frozen indexes). """
    thread_pool_get_size: int | None = None
    """ Threads of the get pool. """
    thread_pool_analyze_size: int | None = None
    """ Threads of the analyze pool. """
    thread_pool_write_size: int | None = None
    """ Threads of the write pool. """
    thread_pool_force_merge_size: int | None = None
    """ Threads of the force-merge pool. """
    thread_pool_search_queue_size: int | None = None
    """ The queue length of the search pool. """
    thread_pool_search_throttled_queue_size: int | None = None
    """ The queue length of the throttled search pool. """
    thread_pool_get_queue_size: int | None = None
    """ The queue length of the get pool. """
    thread_pool_analyze_queue_size: int | None = None
    """ The queue length of the analyze pool. """
    thread_pool_write_queue_size: int | None = None
    """ The queue length of the write pool. """
    ism_enabled: bool | None = None
    """ Whether Index State Management is on. """
    ism_history_enabled: bool | None = None
    """ Whether ISM keeps a history index of what it did. """
    ism_history_max_age_hours: int | None = None
    """ Hours before the ISM history index rolls over. """
    ism_history_max_docs: int | None = None
    """ Documents before the ISM history index rolls over. """
    ism_history_rollover_check_period_hours: int | None = None
    """ Hours between rollover checks of the ISM history index. """
    ism_history_rollover_retention_period_days: int | None = None
    """ Days old ISM history indexes are kept. """
    search_max_buckets: int | None = None
    """ The most aggregation buckets in one response. """
    action_auto_create_index_enabled: bool | None = None
    """ Whether writing to a missing index creates it. """
    enable_security_audit: bool | None = None
    """ Whether security audit logging is on. """
    action_destructive_requires_name: bool | None = None
    """ Whether deleting indexes needs their explicit names (no wildcards). """
    cluster_max_shards_per_node: int | None = None
    """ The most shards on one data node. """
    override_main_response_version: bool | None = None
    """ Whether OpenSearch reports version 7.10, for clients that check it. """
    script_max_compilations_rate: str | None = None
    """ The most inline script compilations per period, such as `75/5m`; `use-
    context` by default. """
    cluster_routing_allocation_node_concurrent_recoveries: int | None = None
    """ The most shard recoveries one node runs at once, in and out. """
    reindex_remote_whitelist: tuple[str, ...] | None = None
    """ The remote hosts (`address:port`) reindexing may read from; changing it
    restarts every node. """
    plugins_alerting_filter_by_backend_roles_enabled: bool | None = None
    """ Whether alerting results are filtered by the user's backend roles. """
    knn_memory_circuit_breaker_enabled: bool | None = None
    """ Whether the k-NN memory circuit breaker is on. """
    knn_memory_circuit_breaker_limit: int | None = None
    """ The heap share k-NN indexes may use, in percent (50 by default); 0
    clears the limit, dropping the caches. """
    keep_index_refresh_interval: bool | None = None
    """ Whether your own `index.refresh_interval` is kept; otherwise
    DigitalOcean resets it to one second. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop(
                "http_max_content_length_bytes",
                "http_max_content_length_bytes",
                INTEGER,
            ),
            Prop("http_max_header_size_bytes", "http_max_header_size_bytes", INTEGER),
            Prop(
                "http_max_initial_line_length_bytes",
                "http_max_initial_line_length_bytes",
                INTEGER,
            ),
            Prop(
                "indices_query_bool_max_clause_count",
                "indices_query_bool_max_clause_count",
                INTEGER,
            ),
            Prop(
                "indices_fielddata_cache_size_percentage",
                "indices_fielddata_cache_size_percentage",
                INTEGER,
            ),
            Prop(
                "indices_memory_index_buffer_size_percentage",
                "indices_memory_index_buffer_size_percentage",
                INTEGER,
            ),
            Prop(
                "indices_memory_min_index_buffer_size_mb",
                "indices_memory_min_index_buffer_size_mb",
                INTEGER,
            ),
            Prop(
                "indices_memory_max_index_buffer_size_mb",
                "indices_memory_max_index_buffer_size_mb",
                INTEGER,
            ),
            Prop(
                "indices_queries_cache_size_percentage",
                "indices_queries_cache_size_percentage",
                INTEGER,
            ),
            Prop(
                "indices_recovery_max_mb_per_sec",
                "indices_recovery_max_mb_per_sec",
                INTEGER,
            ),
            Prop(
                "indices_recovery_max_concurrent_file_chunks",
                "indices_recovery_max_concurrent_file_chunks",
                INTEGER,
            ),
            Prop("thread_pool_search_size", "thread_pool_search_size", INTEGER),
            Prop(
                "thread_pool_search_throttled_size",
                "thread_pool_search_throttled_size",
                INTEGER,
            ),
            Prop("thread_pool_get_size", "thread_pool_get_size", INTEGER),
            Prop("thread_pool_analyze_size", "thread_pool_analyze_size", INTEGER),
            Prop("thread_pool_write_size", "thread_pool_write_size", INTEGER),
            Prop(
                "thread_pool_force_merge_size", "thread_pool_force_merge_size", INTEGER
            ),
            Prop(
                "thread_pool_search_queue_size",
                "thread_pool_search_queue_size",
                INTEGER,
            ),
            Prop(
                "thread_pool_search_throttled_queue_size",
                "thread_pool_search_throttled_queue_size",
                INTEGER,
            ),
            Prop("thread_pool_get_queue_size", "thread_pool_get_queue_size", INTEGER),
            Prop(
                "thread_pool_analyze_queue_size",
                "thread_pool_analyze_queue_size",
                INTEGER,
            ),
            Prop(
                "thread_pool_write_queue_size", "thread_pool_write_queue_size", INTEGER
            ),
            Prop("ism_enabled", "ism_enabled", BOOLEAN),
            Prop("ism_history_enabled", "ism_history_enabled", BOOLEAN),
            Prop("ism_history_max_age_hours", "ism_history_max_age_hours", INTEGER),
            Prop("ism_history_max_docs", "ism_history_max_docs", INTEGER),
            Prop(
                "ism_history_rollover_check_period_hours",
                "ism_history_rollover_check_period_hours",
                INTEGER,
            ),
            Prop(
                "ism_history_rollover_retention_period_days",
                "ism_history_rollover_retention_period_days",
                INTEGER,
            ),
            Prop("search_max_buckets", "search_max_buckets", INTEGER),
            Prop(
                "action_auto_create_index_enabled",
                "action_auto_create_index_enabled",
                BOOLEAN,
            ),
            Prop("enable_security_audit", "enable_security_audit", BOOLEAN),
            Prop(
                "action_destructive_requires_name",
                "action_destructive_requires_name",
                BOOLEAN,
            ),
            Prop("cluster_max_shards_per_node", "cluster_max_shards_per_node", INTEGER),
            Prop(
                "override_main_response_version",
                "override_main_response_version",
                BOOLEAN,
            ),
            Prop(
                "script_max_compilations_rate", "script_max_compilations_rate", STRING
            ),
            Prop(
                "cluster_routing_allocation_node_concurrent_recoveries",
                "cluster_routing_allocation_node_concurrent_recoveries",
                INTEGER,
            ),
            Prop("reindex_remote_whitelist", "reindex_remote_whitelist", array(STRING)),
            Prop(
                "plugins_alerting_filter_by_backend_roles_enabled",
                "plugins_alerting_filter_by_backend_roles_enabled",
                BOOLEAN,
            ),
            Prop(
                "knn_memory_circuit_breaker_enabled",
                "knn_memory_circuit_breaker_enabled",
                BOOLEAN,
            ),
            Prop(
                "knn_memory_circuit_breaker_limit",
                "knn_memory_circuit_breaker_limit",
                INTEGER,
            ),
            Prop("keep_index_refresh_interval", "keep_index_refresh_interval", BOOLEAN),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> OpensearchAdvancedConfig:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

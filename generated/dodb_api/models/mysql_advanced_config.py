from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.mysql_log_output import MysqlLogOutput
from ..models.mysql_tmp_mem_storage_engine import MysqlTmpMemStorageEngine
from ..types import (
    BOOLEAN,
    INTEGER,
    NO_EXTRA,
    NUMBER,
    STRING,
    Prop,
    Schema,
    dump,
    enum,
    load,
    model,
    text,
)

if TYPE_CHECKING:
    from ..models.mysql_incremental_backup import MysqlIncrementalBackup


@_attrs_frozen
class MysqlAdvancedConfig:
    """MySQL's advanced settings (upstream's
    models/advanced_config/mysql_advanced_config.yml)."""

    backup_hour: int | None = None
    """ The hour (UTC) the daily backup starts; a backup waits for the previous
    one to finish. """
    backup_minute: int | None = None
    """ The minute of `backup_hour` the daily backup starts. """
    automatic_sp_privileges: bool | None = None
    """ Whether the creator of a stored routine gets `EXECUTE` and `ALTER
    ROUTINE` on it. """
    sql_mode: str | None = None
    """ The global SQL modes, comma-separated upper-case names; empty means
    MySQL's defaults. """
    connect_timeout: int | None = None
    """ Seconds the server waits for a connect packet before answering with a
    bad handshake. """
    default_time_zone: str | None = None
    """ The server's time zone: an offset such as `+03:00`, a zone name, or `SYSTEM`. """
    div_precision_increment: int | None = None
    """ How many digits the `/` operator adds to the scale of its result. """
    end_markers_in_json: bool | None = None
    """ Whether `EXPLAIN FORMAT=JSON` marks the ends of nested structures. """
    eq_range_index_dive_limit: int | None = None
    """ Above this many equality ranges the optimizer uses index statistics
    instead of index dives. """
    group_concat_max_len: int | None = None
    """ The longest result `GROUP_CONCAT()` returns, in bytes. """
    information_schema_stats_expiry: int | None = None
    """ Seconds before cached table statistics expire. """
    innodb_ft_enable_stopword: bool | None = None
    """ Whether InnoDB FULLTEXT indexes use a stopword list. """
    innodb_ft_max_token_size: int | None = None
    """ The longest word an InnoDB FULLTEXT index stores; changing it restarts MySQL. """
    innodb_ft_min_token_size: int | None = None
    """ The shortest word an InnoDB FULLTEXT index stores. """
    innodb_ft_num_word_optimize: int | None = None
    """ How many words each `OPTIMIZE TABLE` on a FULLTEXT index processes. """
    innodb_ft_result_cache_limit: int | None = None
    """ The cache limit for FULLTEXT query results, in bytes. """
    innodb_ft_server_stopword_table: str | None = None
    """ The stopword table (`db_name/table_name`) of every InnoDB FULLTEXT index. """
    innodb_ft_user_stopword_table: str | None = None
    """ The stopword table (`db_name/table_name`) of user-created FULLTEXT
    indexes; null clears it. """
    innodb_lock_wait_timeout: int | None = None
    """ Seconds a transaction waits for a row lock before giving up. """
    innodb_log_buffer_size: int | None = None
    """ The buffer InnoDB writes its log files from, in bytes. """
    innodb_online_alter_log_max_size: int | None = None
    """ The most the temporary log of an online DDL change may grow to, in bytes. """
    innodb_optimize_fulltext_only: bool | None = None
    """ Whether `OPTIMIZE TABLE` rebuilds only the FULLTEXT indexes, not the table. """
    innodb_print_all_deadlocks: bool | None = None
    """ Whether every deadlock is written to the error log. """
    innodb_rollback_on_timeout: bool | None = None
    """ Whether a lock wait timeout rolls back the whole transaction, not just
    the statement. """
    interactive_timeout: int | None = None
    """ Seconds an idle interactive connection stays open. """
    internal_tmp_mem_storage_engine: MysqlTmpMemStorageEngine | None = None
    """ The storage engine of in-memory internal temporary tables. """
    net_read_timeout: int | None = None
    """ Seconds to wait for more data on a connection before the read fails. """
    net_write_timeout: int | None = None
    """ Seconds to wait for a block to be written to a connection before the
    write fails. """
    sql_require_primary_key: bool | None = None
    """ Whether new tables, and tables changed by `ALTER TABLE`, must have a
    primary key. """
    wait_timeout: int | None = None
    """ Seconds an idle non-interactive connection stays open. """
    windowing_use_high_precision: bool | None = None
    """ Whether window functions compute with more precision, more slowly. """
    max_allowed_packet: int | None = None
    """ The largest message the server accepts, in bytes (64 MiB by default). """
    max_execution_time: int | None = None
    """ The time limit of a `SELECT`, in milliseconds; 0 means none. """
    max_heap_table_size: int | None = None
    """ The largest in-memory table, in bytes (16 MiB by default); also set
    `tmp_table_size`. """
    max_seeks_for_key: int | None = None
    """ The most seeks the optimizer assumes for a key lookup; lower favours
    indexes over scans. """
    optimizer_prune_level: int | None = None
    """ Whether the optimizer prunes unpromising partial plans (1) or not (0). """
    optimizer_search_depth: int | None = None
    """ How deep the optimizer searches; 0 lets the server choose. """
    optimizer_switch: str | None = None
    """ Optimizer flags as `name=on|off|default` pairs, comma-separated, or `default`. """
    sort_buffer_size: int | None = None
    """ The sort buffer for `ORDER BY`, in bytes (256 KiB by default). """
    tmp_table_size: int | None = None
    """ The largest in-memory internal temporary table, in bytes (16 MiB by
    default); also set `max_heap_table_size`. """
    slow_query_log: bool | None = None
    """ Whether slow queries are logged; turning it off also empties `mysql.slow_log`. """
    long_query_time: float | None = None
    """ Seconds a query must run to count as slow (10 by default). """
    binlog_retention_period: float | None = None
    """ The least time binary log entries are kept, in seconds; raise it for
    change-data-capture readers. """
    innodb_change_buffer_max_size: int | None = None
    """ The change buffer's largest size, in percent of the buffer pool. """
    innodb_flush_neighbors: int | None = None
    """ Which dirty pages of the same extent a page flush takes along: 0 none, 1
    the contiguous ones, 2 all. """
    innodb_read_io_threads: int | None = None
    """ InnoDB's threads for reads; changing it restarts MySQL. """
    innodb_write_io_threads: int | None = None
    """ InnoDB's threads for writes; changing it restarts MySQL. """
    innodb_thread_concurrency: int | None = None
    """ The most threads inside InnoDB at once; 0 (the default) means no limit. """
    net_buffer_length: int | None = None
    """ The starting size of connection and result buffers, a multiple of 1024;
    changing it restarts MySQL. """
    log_output: MysqlLogOutput | None = None
    """ Where MySQL's logs go. """
    mysql_incremental_backup: MysqlIncrementalBackup | None = None
    """ MySQL's incremental backups (upstream's
    models/advanced_config/helpers/mysql_incremental_backup.yml). """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.mysql_incremental_backup import MysqlIncrementalBackup  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop("backup_hour", "backup_hour", INTEGER),
            Prop("backup_minute", "backup_minute", INTEGER),
            Prop("automatic_sp_privileges", "automatic_sp_privileges", BOOLEAN),
            Prop("sql_mode", "sql_mode", STRING),
            Prop("connect_timeout", "connect_timeout", INTEGER),
            Prop("default_time_zone", "default_time_zone", text(2)),
            Prop("div_precision_increment", "div_precision_increment", INTEGER),
            Prop("end_markers_in_json", "end_markers_in_json", BOOLEAN),
            Prop("eq_range_index_dive_limit", "eq_range_index_dive_limit", INTEGER),
            Prop("group_concat_max_len", "group_concat_max_len", INTEGER),
            Prop(
                "information_schema_stats_expiry",
                "information_schema_stats_expiry",
                INTEGER,
            ),
            Prop("innodb_ft_enable_stopword", "innodb_ft_enable_stopword", BOOLEAN),
            Prop("innodb_ft_max_token_size", "innodb_ft_max_token_size", INTEGER),
            Prop("innodb_ft_min_token_size", "innodb_ft_min_token_size", INTEGER),
            Prop("innodb_ft_num_word_optimize", "innodb_ft_num_word_optimize", INTEGER),
            Prop(
                "innodb_ft_result_cache_limit", "innodb_ft_result_cache_limit", INTEGER
            ),
            Prop(
                "innodb_ft_server_stopword_table",
                "innodb_ft_server_stopword_table",
                STRING,
            ),
            Prop(
                "innodb_ft_user_stopword_table", "innodb_ft_user_stopword_table", STRING
            ),
            Prop("innodb_lock_wait_timeout", "innodb_lock_wait_timeout", INTEGER),
            Prop("innodb_log_buffer_size", "innodb_log_buffer_size", INTEGER),
            Prop(
                "innodb_online_alter_log_max_size",
                "innodb_online_alter_log_max_size",
                INTEGER,
            ),
            Prop(
                "innodb_optimize_fulltext_only",
                "innodb_optimize_fulltext_only",
                BOOLEAN,
            ),
            Prop("innodb_print_all_deadlocks", "innodb_print_all_deadlocks", BOOLEAN),
            Prop("innodb_rollback_on_timeout", "innodb_rollback_on_timeout", BOOLEAN),
            Prop("interactive_timeout", "interactive_timeout", INTEGER),
            Prop(
                "internal_tmp_mem_storage_engine",
                "internal_tmp_mem_storage_engine",
                enum(MysqlTmpMemStorageEngine),
            ),
            Prop("net_read_timeout", "net_read_timeout", INTEGER),
            Prop("net_write_timeout", "net_write_timeout", INTEGER),
            Prop("sql_require_primary_key", "sql_require_primary_key", BOOLEAN),
            Prop("wait_timeout", "wait_timeout", INTEGER),
            Prop(
                "windowing_use_high_precision", "windowing_use_high_precision", BOOLEAN
            ),
            Prop("max_allowed_packet", "max_allowed_packet", INTEGER),
            Prop("max_execution_time", "max_execution_time", INTEGER),
            Prop("max_heap_table_size", "max_heap_table_size", INTEGER),
            Prop("max_seeks_for_key", "max_seeks_for_key", INTEGER),
            Prop("optimizer_prune_level", "optimizer_prune_level", INTEGER),
            Prop("optimizer_search_depth", "optimizer_search_depth", INTEGER),
            Prop("optimizer_switch", "optimizer_switch", STRING),
            Prop("sort_buffer_size", "sort_buffer_size", INTEGER),
            Prop("tmp_table_size", "tmp_table_size", INTEGER),
            Prop("slow_query_log", "slow_query_log", BOOLEAN),
            Prop("long_query_time", "long_query_time", NUMBER),
            Prop("binlog_retention_period", "binlog_retention_period", NUMBER),
            Prop(
                "innodb_change_buffer_max_size",
                "innodb_change_buffer_max_size",
                INTEGER,
            ),
            Prop("innodb_flush_neighbors", "innodb_flush_neighbors", INTEGER),
            Prop("innodb_read_io_threads", "innodb_read_io_threads", INTEGER),
            Prop("innodb_write_io_threads", "innodb_write_io_threads", INTEGER),
            Prop("innodb_thread_concurrency", "innodb_thread_concurrency", INTEGER),
            Prop("net_buffer_length", "net_buffer_length", INTEGER),
            Prop("log_output", "log_output", enum(MysqlLogOutput)),
            Prop(
                "mysql_incremental_backup",
                "mysql_incremental_backup",
                model(MysqlIncrementalBackup),
            ),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> MysqlAdvancedConfig:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

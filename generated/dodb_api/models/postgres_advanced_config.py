from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.pg_log_error_verbosity import PgLogErrorVerbosity
from ..models.pg_log_line_prefix import PgLogLinePrefix
from ..models.pg_stat_statements_track import PgStatStatementsTrack
from ..models.pg_synchronous_replication import PgSynchronousReplication
from ..models.pg_toast_compression import PgToastCompression
from ..models.pg_track_commit_timestamp import PgTrackCommitTimestamp
from ..models.pg_track_functions import PgTrackFunctions
from ..models.pg_track_io_timing import PgTrackIoTiming
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
)

if TYPE_CHECKING:
    from ..models.pgbouncer_advanced_config import PgbouncerAdvancedConfig
    from ..models.timescaledb_advanced_config import TimescaledbAdvancedConfig


@_attrs_frozen
class PostgresAdvancedConfig:
    """PostgreSQL's advanced settings (upstream's
    models/advanced_config/postgres_advanced_config.yml)."""

    autovacuum_freeze_max_age: int | None = None
    """ The transaction age of a table that forces a VACUUM against ID
    wraparound, even with autovacuum off; changing it restarts the server. """
    autovacuum_max_workers: int | None = None
    """ The most autovacuum processes at once, the launcher aside (3 by
    default); set at server start. """
    autovacuum_naptime: int | None = None
    """ The least time between autovacuum runs on a database, in seconds (60 by
    default). """
    autovacuum_vacuum_threshold: int | None = None
    """ The updated or deleted rows that, with the scale factor, trigger a
    VACUUM (50 by default). """
    autovacuum_analyze_threshold: int | None = None
    """ The inserted, updated or deleted rows that, with the scale factor,
    trigger an ANALYZE (50 by default). """
    autovacuum_vacuum_scale_factor: float | None = None
    """ The share of a table's size added to `autovacuum_vacuum_threshold` (0.2
    by default). """
    autovacuum_analyze_scale_factor: float | None = None
    """ The share of a table's size added to `autovacuum_analyze_threshold` (0.2
    by default). """
    autovacuum_vacuum_cost_delay: int | None = None
    """ The cost delay of automatic VACUUM, in milliseconds; -1 uses
    `vacuum_cost_delay` (20 ms). """
    autovacuum_vacuum_cost_limit: int | None = None
    """ The cost limit of automatic VACUUM; -1 (the default) uses `vacuum_cost_limit`. """
    backup_hour: int | None = None
    """ The hour (UTC) the daily backup starts; a backup waits for the previous
    one to finish. """
    backup_minute: int | None = None
    """ The minute of `backup_hour` the daily backup starts. """
    bgwriter_delay: int | None = None
    """ Milliseconds between the background writer's rounds (200 by default). """
    bgwriter_flush_after: int | None = None
    """ Kilobytes the background writer writes before asking the OS to flush
    them (512 by default); 0 never asks. """
    bgwriter_lru_maxpages: int | None = None
    """ The most buffers the background writer writes per round (100 by
    default); 0 turns it off. """
    bgwriter_lru_multiplier: float | None = None
    """ How many buffers to write ahead, as a multiple of the recent need (2.0
    by default; 1.0 is just in time). """
    deadlock_timeout: int | None = None
    """ Milliseconds to wait on a lock before checking for a deadlock. """
    default_toast_compression: PgToastCompression | None = None
    """ A TOAST compression method. """
    idle_in_transaction_session_timeout: int | None = None
    """ Milliseconds a session may stay idle inside a transaction before it is ended. """
    jit: bool | None = None
    """ Whether just-in-time compilation of queries is on. """
    log_autovacuum_min_duration: int | None = None
    """ Log each autovacuum action that took at least this many milliseconds; 0
    logs all, -1 (the default) none. """
    log_error_verbosity: PgLogErrorVerbosity | None = None
    """ How much detail a log message has. """
    log_line_prefix: PgLogLinePrefix | None = None
    """ A log line format. """
    log_min_duration_statement: int | None = None
    """ Log statements that take longer than this many milliseconds; -1 logs none. """
    max_files_per_process: int | None = None
    """ The most files a server process may have open. """
    max_prepared_transactions: int | None = None
    """ The most prepared transactions; can only be raised. """
    max_pred_locks_per_transaction: int | None = None
    """ The most predicate locks per transaction. """
    max_locks_per_transaction: int | None = None
    """ The most locks per transaction; can only be raised. """
    max_stack_depth: int | None = None
    """ The deepest the execution stack may get, in bytes. """
    max_standby_archive_delay: int | None = None
    """ How long a standby applying archived WAL waits for conflicting queries,
    in milliseconds. """
    max_standby_streaming_delay: int | None = None
    """ How long a standby applying streamed WAL waits for conflicting queries,
    in milliseconds. """
    max_replication_slots: int | None = None
    """ The most replication slots. """
    max_logical_replication_workers: int | None = None
    """ The most logical replication workers, taken from `max_parallel_workers`. """
    max_parallel_workers: int | None = None
    """ The most workers for parallel queries. """
    max_parallel_workers_per_gather: int | None = None
    """ The most workers one Gather or Gather Merge node may start. """
    max_worker_processes: int | None = None
    """ The most background processes; can only be raised. """
    pg_partman_bgw_role: str | None = None
    """ The role pg_partman's background tasks run as: letters, digits, `.`, `_`
    or `-`, not starting with `-` or `.`, at most 64 characters. """
    pg_partman_bgw_interval: int | None = None
    """ Seconds between runs of pg_partman's background tasks. """
    pg_stat_statements_track: PgStatStatementsTrack | None = None
    """ Which statements pg_stat_statements counts. """
    temp_file_limit: int | None = None
    """ The most temporary file space a process may use, in KiB; -1 means no limit. """
    timezone: str | None = None
    """ The server's time zone, such as `Europe/Helsinki`. """
    track_activity_query_size: int | None = None
    """ Bytes kept of each session's running statement. """
    track_commit_timestamp: PgTrackCommitTimestamp | None = None
    """ Whether commit times are recorded. """
    track_functions: PgTrackFunctions | None = None
    """ Which function calls are tracked. """
    track_io_timing: PgTrackIoTiming | None = None
    """ Whether I/O calls are timed. """
    max_wal_senders: int | None = None
    """ The most WAL sender processes; can only be raised. """
    wal_sender_timeout: int | None = None
    """ Milliseconds after which an inactive replication connection is closed: 0
    (never) or 5000 to 10800000. """
    wal_writer_delay: int | None = None
    """ Milliseconds between WAL flushes; below the default 200 ms can cost performance. """
    shared_buffers_percentage: float | None = None
    """ The share of RAM used for shared buffers, 20 to 60 percent; sets
    `shared_buffers`. """
    pgbouncer: PgbouncerAdvancedConfig | None = None
    """ PgBouncer's settings (upstream's
    models/advanced_config/pgbouncer_advanced_config.yml). """
    work_mem: int | None = None
    """ Memory an operation such as a sort or a hash may use before spilling to
    disk, in MB (by default 1 MB plus 0.075 % of RAM, up to 32 MB). """
    timescaledb: TimescaledbAdvancedConfig | None = None
    """ The TimescaleDB extension's settings (upstream's
    models/advanced_config/timescaledb_advanced_config.yml). """
    synchronous_replication: PgSynchronousReplication | None = None
    """ The synchronous replication mode. """
    stat_monitor_enable: bool | None = None
    """ Whether the pg_stat_monitor extension is on; turning it on restarts the
    cluster, and makes pg_stat_statements unreliable for utility commands. """
    max_failover_replication_time_lag: int | None = None
    """ Seconds the primary may be unreachable before a standby takes over (60
    by default). """
    max_connections: int | None = None
    """ The most concurrent connections; on request only, can only be raised (on
    a read replica first), and changing it restarts the service. """
    max_slot_wal_keep_size: int | None = None
    """ The most WAL replication slots may keep, in MB; -1 (the default) means
    no limit. `wal_keep_size` takes precedence. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.pgbouncer_advanced_config import PgbouncerAdvancedConfig  # noqa: PLC0415
        from ..models.timescaledb_advanced_config import TimescaledbAdvancedConfig  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop("autovacuum_freeze_max_age", "autovacuum_freeze_max_age", INTEGER),
            Prop("autovacuum_max_workers", "autovacuum_max_workers", INTEGER),
            Prop("autovacuum_naptime", "autovacuum_naptime", INTEGER),
            Prop("autovacuum_vacuum_threshold", "autovacuum_vacuum_threshold", INTEGER),
            Prop(
                "autovacuum_analyze_threshold", "autovacuum_analyze_threshold", INTEGER
            ),
            Prop(
                "autovacuum_vacuum_scale_factor",
                "autovacuum_vacuum_scale_factor",
                NUMBER,
            ),
            Prop(
                "autovacuum_analyze_scale_factor",
                "autovacuum_analyze_scale_factor",
                NUMBER,
            ),
            Prop(
                "autovacuum_vacuum_cost_delay", "autovacuum_vacuum_cost_delay", INTEGER
            ),
            Prop(
                "autovacuum_vacuum_cost_limit", "autovacuum_vacuum_cost_limit", INTEGER
            ),
            Prop("backup_hour", "backup_hour", INTEGER),
            Prop("backup_minute", "backup_minute", INTEGER),
            Prop("bgwriter_delay", "bgwriter_delay", INTEGER),
            Prop("bgwriter_flush_after", "bgwriter_flush_after", INTEGER),
            Prop("bgwriter_lru_maxpages", "bgwriter_lru_maxpages", INTEGER),
            Prop("bgwriter_lru_multiplier", "bgwriter_lru_multiplier", NUMBER),
            Prop("deadlock_timeout", "deadlock_timeout", INTEGER),
            Prop(
                "default_toast_compression",
                "default_toast_compression",
                enum(PgToastCompression),
            ),
            Prop(
                "idle_in_transaction_session_timeout",
                "idle_in_transaction_session_timeout",
                INTEGER,
            ),
            Prop("jit", "jit", BOOLEAN),
            Prop("log_autovacuum_min_duration", "log_autovacuum_min_duration", INTEGER),
            Prop(
                "log_error_verbosity", "log_error_verbosity", enum(PgLogErrorVerbosity)
            ),
            Prop("log_line_prefix", "log_line_prefix", enum(PgLogLinePrefix)),
            Prop("log_min_duration_statement", "log_min_duration_statement", INTEGER),
            Prop("max_files_per_process", "max_files_per_process", INTEGER),
            Prop("max_prepared_transactions", "max_prepared_transactions", INTEGER),
            Prop(
                "max_pred_locks_per_transaction",
                "max_pred_locks_per_transaction",
                INTEGER,
            ),
            Prop("max_locks_per_transaction", "max_locks_per_transaction", INTEGER),
            Prop("max_stack_depth", "max_stack_depth", INTEGER),
            Prop("max_standby_archive_delay", "max_standby_archive_delay", INTEGER),
            Prop("max_standby_streaming_delay", "max_standby_streaming_delay", INTEGER),
            Prop("max_replication_slots", "max_replication_slots", INTEGER),
            Prop(
                "max_logical_replication_workers",
                "max_logical_replication_workers",
                INTEGER,
            ),
            Prop("max_parallel_workers", "max_parallel_workers", INTEGER),
            Prop(
                "max_parallel_workers_per_gather",
                "max_parallel_workers_per_gather",
                INTEGER,
            ),
            Prop("max_worker_processes", "max_worker_processes", INTEGER),
            Prop("pg_partman_bgw.role", "pg_partman_bgw_role", STRING),
            Prop("pg_partman_bgw.interval", "pg_partman_bgw_interval", INTEGER),
            Prop(
                "pg_stat_statements.track",
                "pg_stat_statements_track",
                enum(PgStatStatementsTrack),
            ),
            Prop("temp_file_limit", "temp_file_limit", INTEGER),
            Prop("timezone", "timezone", STRING),
            Prop("track_activity_query_size", "track_activity_query_size", INTEGER),
            Prop(
                "track_commit_timestamp",
                "track_commit_timestamp",
                enum(PgTrackCommitTimestamp),
            ),
            Prop("track_functions", "track_functions", enum(PgTrackFunctions)),
            Prop("track_io_timing", "track_io_timing", enum(PgTrackIoTiming)),
            Prop("max_wal_senders", "max_wal_senders", INTEGER),
            Prop("wal_sender_timeout", "wal_sender_timeout", INTEGER),
            Prop("wal_writer_delay", "wal_writer_delay", INTEGER),
            Prop("shared_buffers_percentage", "shared_buffers_percentage", NUMBER),
            Prop("pgbouncer", "pgbouncer", model(PgbouncerAdvancedConfig)),
            Prop("work_mem", "work_mem", INTEGER),
            Prop("timescaledb", "timescaledb", model(TimescaledbAdvancedConfig)),
            Prop(
                "synchronous_replication",
                "synchronous_replication",
                enum(PgSynchronousReplication),
            ),
            Prop("stat_monitor_enable", "stat_monitor_enable", BOOLEAN),
            Prop(
                "max_failover_replication_time_lag",
                "max_failover_replication_time_lag",
                INTEGER,
            ),
            Prop("max_connections", "max_connections", INTEGER),
            Prop("max_slot_wal_keep_size", "max_slot_wal_keep_size", INTEGER),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> PostgresAdvancedConfig:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

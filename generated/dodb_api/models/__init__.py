"""Every model of the spec, each imported on first use: `from dodb_api.models import X`
loads X's module (and what it refers to) only, so the size of the spec does not
weigh on `import dodb`."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .connection_pool import ConnectionPool
    from .connection_pool_create import ConnectionPoolCreate
    from .connection_pool_envelope import ConnectionPoolEnvelope
    from .connection_pool_list import ConnectionPoolList
    from .connection_pool_update import ConnectionPoolUpdate
    from .database_autoscale import DatabaseAutoscale
    from .database_autoscale_envelope import DatabaseAutoscaleEnvelope
    from .database_backup import DatabaseBackup
    from .database_backup_list import DatabaseBackupList
    from .database_backup_restore import DatabaseBackupRestore
    from .database_backup_schedule import DatabaseBackupSchedule
    from .database_basic_auth_credentials import DatabaseBasicAuthCredentials
    from .database_ca import DatabaseCa
    from .database_ca_envelope import DatabaseCaEnvelope
    from .database_cluster import DatabaseCluster
    from .database_cluster_create import DatabaseClusterCreate
    from .database_cluster_envelope import DatabaseClusterEnvelope
    from .database_cluster_list import DatabaseClusterList
    from .database_cluster_resize import DatabaseClusterResize
    from .database_cluster_status import DatabaseClusterStatus
    from .database_config_envelope import DatabaseConfigEnvelope
    from .database_config_update import DatabaseConfigUpdate
    from .database_connection import DatabaseConnection
    from .database_engine import DatabaseEngine
    from .database_engine_options import DatabaseEngineOptions
    from .database_event import DatabaseEvent
    from .database_event_list import DatabaseEventList
    from .database_event_type import DatabaseEventType
    from .database_layout_option import DatabaseLayoutOption
    from .database_maintenance_window import DatabaseMaintenanceWindow
    from .database_metrics_credentials import DatabaseMetricsCredentials
    from .database_options import DatabaseOptions
    from .database_options_by_engine import DatabaseOptionsByEngine
    from .database_region_update import DatabaseRegionUpdate
    from .database_replica import DatabaseReplica
    from .database_replica_create import DatabaseReplicaCreate
    from .database_replica_envelope import DatabaseReplicaEnvelope
    from .database_replica_list import DatabaseReplicaList
    from .database_service_endpoint import DatabaseServiceEndpoint
    from .database_sql_mode import DatabaseSqlMode
    from .database_storage_autoscale import DatabaseStorageAutoscale
    from .database_user import DatabaseUser
    from .database_user_create import DatabaseUserCreate
    from .database_user_envelope import DatabaseUserEnvelope
    from .database_user_list import DatabaseUserList
    from .database_user_reset_auth import DatabaseUserResetAuth
    from .database_user_update import DatabaseUserUpdate
    from .database_version_availability import DatabaseVersionAvailability
    from .database_version_availability_by_engine import (
        DatabaseVersionAvailabilityByEngine,
    )
    from .database_version_update import DatabaseVersionUpdate
    from .datadog_logsink_config import DatadogLogsinkConfig
    from .do_settings import DoSettings
    from .do_settings_envelope import DoSettingsEnvelope
    from .do_settings_update import DoSettingsUpdate
    from .elasticsearch_logsink_config import ElasticsearchLogsinkConfig
    from .error import Error
    from .eviction_policy import EvictionPolicy
    from .eviction_policy_setting import EvictionPolicySetting
    from .firewall_rule import FirewallRule
    from .firewall_rule_list import FirewallRuleList
    from .firewall_rule_type import FirewallRuleType
    from .firewall_rules_update import FirewallRulesUpdate
    from .kafka_acl import KafkaAcl
    from .kafka_acl_permission import KafkaAclPermission
    from .kafka_advanced_config import KafkaAdvancedConfig
    from .kafka_compression_type import KafkaCompressionType
    from .kafka_consumer_group import KafkaConsumerGroup
    from .kafka_log_cleanup_policy import KafkaLogCleanupPolicy
    from .kafka_log_message_timestamp_type import KafkaLogMessageTimestampType
    from .kafka_message_format_version import KafkaMessageFormatVersion
    from .kafka_schema import KafkaSchema
    from .kafka_schema_compatibility import KafkaSchemaCompatibility
    from .kafka_schema_create import KafkaSchemaCreate
    from .kafka_schema_list import KafkaSchemaList
    from .kafka_schema_listed import KafkaSchemaListed
    from .kafka_schema_registry_config import KafkaSchemaRegistryConfig
    from .kafka_schema_subject_config import KafkaSchemaSubjectConfig
    from .kafka_schema_type import KafkaSchemaType
    from .kafka_schema_version import KafkaSchemaVersion
    from .kafka_topic import KafkaTopic
    from .kafka_topic_cleanup_policy import KafkaTopicCleanupPolicy
    from .kafka_topic_compression_type import KafkaTopicCompressionType
    from .kafka_topic_config import KafkaTopicConfig
    from .kafka_topic_create import KafkaTopicCreate
    from .kafka_topic_envelope import KafkaTopicEnvelope
    from .kafka_topic_list import KafkaTopicList
    from .kafka_topic_partition import KafkaTopicPartition
    from .kafka_topic_state import KafkaTopicState
    from .kafka_topic_timestamp_type import KafkaTopicTimestampType
    from .kafka_topic_update import KafkaTopicUpdate
    from .kafka_topic_verbose import KafkaTopicVerbose
    from .logical_database import LogicalDatabase
    from .logical_database_create import LogicalDatabaseCreate
    from .logical_database_envelope import LogicalDatabaseEnvelope
    from .logical_database_list import LogicalDatabaseList
    from .logsink import Logsink
    from .logsink_create import LogsinkCreate
    from .logsink_envelope import LogsinkEnvelope
    from .logsink_list import LogsinkList
    from .logsink_type import LogsinkType
    from .logsink_update import LogsinkUpdate
    from .mongo_advanced_config import MongoAdvancedConfig
    from .mongo_read_concern import MongoReadConcern
    from .mongo_role import MongoRole
    from .mongo_user_settings import MongoUserSettings
    from .mysql_advanced_config import MysqlAdvancedConfig
    from .mysql_auth_plugin import MysqlAuthPlugin
    from .mysql_incremental_backup import MysqlIncrementalBackup
    from .mysql_log_output import MysqlLogOutput
    from .mysql_settings import MysqlSettings
    from .mysql_tmp_mem_storage_engine import MysqlTmpMemStorageEngine
    from .online_migration import OnlineMigration
    from .online_migration_source import OnlineMigrationSource
    from .online_migration_start import OnlineMigrationStart
    from .online_migration_status import OnlineMigrationStatus
    from .open_search_acl import OpenSearchAcl
    from .open_search_acl_permission import OpenSearchAclPermission
    from .open_search_dashboard_connection import OpenSearchDashboardConnection
    from .open_search_index import OpenSearchIndex
    from .open_search_index_health import OpenSearchIndexHealth
    from .open_search_index_list import OpenSearchIndexList
    from .open_search_index_status import OpenSearchIndexStatus
    from .open_search_logsink_config import OpenSearchLogsinkConfig
    from .opensearch_advanced_config import OpensearchAdvancedConfig
    from .pg_log_error_verbosity import PgLogErrorVerbosity
    from .pg_log_line_prefix import PgLogLinePrefix
    from .pg_stat_statements_track import PgStatStatementsTrack
    from .pg_synchronous_replication import PgSynchronousReplication
    from .pg_toast_compression import PgToastCompression
    from .pg_track_commit_timestamp import PgTrackCommitTimestamp
    from .pg_track_functions import PgTrackFunctions
    from .pg_track_io_timing import PgTrackIoTiming
    from .pgbouncer_advanced_config import PgbouncerAdvancedConfig
    from .pgbouncer_pool_mode import PgbouncerPoolMode
    from .pgbouncer_startup_parameter import PgbouncerStartupParameter
    from .postgres_advanced_config import PostgresAdvancedConfig
    from .redis_acl_channels_default import RedisAclChannelsDefault
    from .redis_advanced_config import RedisAdvancedConfig
    from .redis_maxmemory_policy import RedisMaxmemoryPolicy
    from .redis_persistence import RedisPersistence
    from .rsyslog_format import RsyslogFormat
    from .rsyslog_logsink_config import RsyslogLogsinkConfig
    from .schema_registry_connection import SchemaRegistryConnection
    from .timescaledb_advanced_config import TimescaledbAdvancedConfig
    from .user_role import UserRole
    from .user_settings import UserSettings
    from .valkey_acl_channels_default import ValkeyAclChannelsDefault
    from .valkey_advanced_config import ValkeyAdvancedConfig
    from .valkey_persistence import ValkeyPersistence

_MODULES = {
    "ConnectionPool": "connection_pool",
    "ConnectionPoolCreate": "connection_pool_create",
    "ConnectionPoolEnvelope": "connection_pool_envelope",
    "ConnectionPoolList": "connection_pool_list",
    "ConnectionPoolUpdate": "connection_pool_update",
    "DatabaseAutoscale": "database_autoscale",
    "DatabaseAutoscaleEnvelope": "database_autoscale_envelope",
    "DatabaseBackup": "database_backup",
    "DatabaseBackupList": "database_backup_list",
    "DatabaseBackupRestore": "database_backup_restore",
    "DatabaseBackupSchedule": "database_backup_schedule",
    "DatabaseBasicAuthCredentials": "database_basic_auth_credentials",
    "DatabaseCa": "database_ca",
    "DatabaseCaEnvelope": "database_ca_envelope",
    "DatabaseCluster": "database_cluster",
    "DatabaseClusterCreate": "database_cluster_create",
    "DatabaseClusterEnvelope": "database_cluster_envelope",
    "DatabaseClusterList": "database_cluster_list",
    "DatabaseClusterResize": "database_cluster_resize",
    "DatabaseClusterStatus": "database_cluster_status",
    "DatabaseConfigEnvelope": "database_config_envelope",
    "DatabaseConfigUpdate": "database_config_update",
    "DatabaseConnection": "database_connection",
    "DatabaseEngine": "database_engine",
    "DatabaseEngineOptions": "database_engine_options",
    "DatabaseEvent": "database_event",
    "DatabaseEventList": "database_event_list",
    "DatabaseEventType": "database_event_type",
    "DatabaseLayoutOption": "database_layout_option",
    "DatabaseMaintenanceWindow": "database_maintenance_window",
    "DatabaseMetricsCredentials": "database_metrics_credentials",
    "DatabaseOptions": "database_options",
    "DatabaseOptionsByEngine": "database_options_by_engine",
    "DatabaseRegionUpdate": "database_region_update",
    "DatabaseReplica": "database_replica",
    "DatabaseReplicaCreate": "database_replica_create",
    "DatabaseReplicaEnvelope": "database_replica_envelope",
    "DatabaseReplicaList": "database_replica_list",
    "DatabaseServiceEndpoint": "database_service_endpoint",
    "DatabaseSqlMode": "database_sql_mode",
    "DatabaseStorageAutoscale": "database_storage_autoscale",
    "DatabaseUser": "database_user",
    "DatabaseUserCreate": "database_user_create",
    "DatabaseUserEnvelope": "database_user_envelope",
    "DatabaseUserList": "database_user_list",
    "DatabaseUserResetAuth": "database_user_reset_auth",
    "DatabaseUserUpdate": "database_user_update",
    "DatabaseVersionAvailability": "database_version_availability",
    "DatabaseVersionAvailabilityByEngine": "database_version_availability_by_engine",
    "DatabaseVersionUpdate": "database_version_update",
    "DatadogLogsinkConfig": "datadog_logsink_config",
    "DoSettings": "do_settings",
    "DoSettingsEnvelope": "do_settings_envelope",
    "DoSettingsUpdate": "do_settings_update",
    "ElasticsearchLogsinkConfig": "elasticsearch_logsink_config",
    "Error": "error",
    "EvictionPolicy": "eviction_policy",
    "EvictionPolicySetting": "eviction_policy_setting",
    "FirewallRule": "firewall_rule",
    "FirewallRuleList": "firewall_rule_list",
    "FirewallRuleType": "firewall_rule_type",
    "FirewallRulesUpdate": "firewall_rules_update",
    "KafkaAcl": "kafka_acl",
    "KafkaAclPermission": "kafka_acl_permission",
    "KafkaAdvancedConfig": "kafka_advanced_config",
    "KafkaCompressionType": "kafka_compression_type",
    "KafkaConsumerGroup": "kafka_consumer_group",
    "KafkaLogCleanupPolicy": "kafka_log_cleanup_policy",
    "KafkaLogMessageTimestampType": "kafka_log_message_timestamp_type",
    "KafkaMessageFormatVersion": "kafka_message_format_version",
    "KafkaSchema": "kafka_schema",
    "KafkaSchemaCompatibility": "kafka_schema_compatibility",
    "KafkaSchemaCreate": "kafka_schema_create",
    "KafkaSchemaList": "kafka_schema_list",
    "KafkaSchemaListed": "kafka_schema_listed",
    "KafkaSchemaRegistryConfig": "kafka_schema_registry_config",
    "KafkaSchemaSubjectConfig": "kafka_schema_subject_config",
    "KafkaSchemaType": "kafka_schema_type",
    "KafkaSchemaVersion": "kafka_schema_version",
    "KafkaTopic": "kafka_topic",
    "KafkaTopicCleanupPolicy": "kafka_topic_cleanup_policy",
    "KafkaTopicCompressionType": "kafka_topic_compression_type",
    "KafkaTopicConfig": "kafka_topic_config",
    "KafkaTopicCreate": "kafka_topic_create",
    "KafkaTopicEnvelope": "kafka_topic_envelope",
    "KafkaTopicList": "kafka_topic_list",
    "KafkaTopicPartition": "kafka_topic_partition",
    "KafkaTopicState": "kafka_topic_state",
    "KafkaTopicTimestampType": "kafka_topic_timestamp_type",
    "KafkaTopicUpdate": "kafka_topic_update",
    "KafkaTopicVerbose": "kafka_topic_verbose",
    "LogicalDatabase": "logical_database",
    "LogicalDatabaseCreate": "logical_database_create",
    "LogicalDatabaseEnvelope": "logical_database_envelope",
    "LogicalDatabaseList": "logical_database_list",
    "Logsink": "logsink",
    "LogsinkCreate": "logsink_create",
    "LogsinkEnvelope": "logsink_envelope",
    "LogsinkList": "logsink_list",
    "LogsinkType": "logsink_type",
    "LogsinkUpdate": "logsink_update",
    "MongoAdvancedConfig": "mongo_advanced_config",
    "MongoReadConcern": "mongo_read_concern",
    "MongoRole": "mongo_role",
    "MongoUserSettings": "mongo_user_settings",
    "MysqlAdvancedConfig": "mysql_advanced_config",
    "MysqlAuthPlugin": "mysql_auth_plugin",
    "MysqlIncrementalBackup": "mysql_incremental_backup",
    "MysqlLogOutput": "mysql_log_output",
    "MysqlSettings": "mysql_settings",
    "MysqlTmpMemStorageEngine": "mysql_tmp_mem_storage_engine",
    "OnlineMigration": "online_migration",
    "OnlineMigrationSource": "online_migration_source",
    "OnlineMigrationStart": "online_migration_start",
    "OnlineMigrationStatus": "online_migration_status",
    "OpenSearchAcl": "open_search_acl",
    "OpenSearchAclPermission": "open_search_acl_permission",
    "OpenSearchDashboardConnection": "open_search_dashboard_connection",
    "OpenSearchIndex": "open_search_index",
    "OpenSearchIndexHealth": "open_search_index_health",
    "OpenSearchIndexList": "open_search_index_list",
    "OpenSearchIndexStatus": "open_search_index_status",
    "OpenSearchLogsinkConfig": "open_search_logsink_config",
    "OpensearchAdvancedConfig": "opensearch_advanced_config",
    "PgLogErrorVerbosity": "pg_log_error_verbosity",
    "PgLogLinePrefix": "pg_log_line_prefix",
    "PgStatStatementsTrack": "pg_stat_statements_track",
    "PgSynchronousReplication": "pg_synchronous_replication",
    "PgToastCompression": "pg_toast_compression",
    "PgTrackCommitTimestamp": "pg_track_commit_timestamp",
    "PgTrackFunctions": "pg_track_functions",
    "PgTrackIoTiming": "pg_track_io_timing",
    "PgbouncerAdvancedConfig": "pgbouncer_advanced_config",
    "PgbouncerPoolMode": "pgbouncer_pool_mode",
    "PgbouncerStartupParameter": "pgbouncer_startup_parameter",
    "PostgresAdvancedConfig": "postgres_advanced_config",
    "RedisAclChannelsDefault": "redis_acl_channels_default",
    "RedisAdvancedConfig": "redis_advanced_config",
    "RedisMaxmemoryPolicy": "redis_maxmemory_policy",
    "RedisPersistence": "redis_persistence",
    "RsyslogFormat": "rsyslog_format",
    "RsyslogLogsinkConfig": "rsyslog_logsink_config",
    "SchemaRegistryConnection": "schema_registry_connection",
    "TimescaledbAdvancedConfig": "timescaledb_advanced_config",
    "UserRole": "user_role",
    "UserSettings": "user_settings",
    "ValkeyAclChannelsDefault": "valkey_acl_channels_default",
    "ValkeyAdvancedConfig": "valkey_advanced_config",
    "ValkeyPersistence": "valkey_persistence",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = (
    "ConnectionPool",
    "ConnectionPoolCreate",
    "ConnectionPoolEnvelope",
    "ConnectionPoolList",
    "ConnectionPoolUpdate",
    "DatabaseAutoscale",
    "DatabaseAutoscaleEnvelope",
    "DatabaseBackup",
    "DatabaseBackupList",
    "DatabaseBackupRestore",
    "DatabaseBackupSchedule",
    "DatabaseBasicAuthCredentials",
    "DatabaseCa",
    "DatabaseCaEnvelope",
    "DatabaseCluster",
    "DatabaseClusterCreate",
    "DatabaseClusterEnvelope",
    "DatabaseClusterList",
    "DatabaseClusterResize",
    "DatabaseClusterStatus",
    "DatabaseConfigEnvelope",
    "DatabaseConfigUpdate",
    "DatabaseConnection",
    "DatabaseEngine",
    "DatabaseEngineOptions",
    "DatabaseEvent",
    "DatabaseEventList",
    "DatabaseEventType",
    "DatabaseLayoutOption",
    "DatabaseMaintenanceWindow",
    "DatabaseMetricsCredentials",
    "DatabaseOptions",
    "DatabaseOptionsByEngine",
    "DatabaseRegionUpdate",
    "DatabaseReplica",
    "DatabaseReplicaCreate",
    "DatabaseReplicaEnvelope",
    "DatabaseReplicaList",
    "DatabaseServiceEndpoint",
    "DatabaseSqlMode",
    "DatabaseStorageAutoscale",
    "DatabaseUser",
    "DatabaseUserCreate",
    "DatabaseUserEnvelope",
    "DatabaseUserList",
    "DatabaseUserResetAuth",
    "DatabaseUserUpdate",
    "DatabaseVersionAvailability",
    "DatabaseVersionAvailabilityByEngine",
    "DatabaseVersionUpdate",
    "DatadogLogsinkConfig",
    "DoSettings",
    "DoSettingsEnvelope",
    "DoSettingsUpdate",
    "ElasticsearchLogsinkConfig",
    "Error",
    "EvictionPolicy",
    "EvictionPolicySetting",
    "FirewallRule",
    "FirewallRuleList",
    "FirewallRulesUpdate",
    "FirewallRuleType",
    "KafkaAcl",
    "KafkaAclPermission",
    "KafkaAdvancedConfig",
    "KafkaCompressionType",
    "KafkaConsumerGroup",
    "KafkaLogCleanupPolicy",
    "KafkaLogMessageTimestampType",
    "KafkaMessageFormatVersion",
    "KafkaSchema",
    "KafkaSchemaCompatibility",
    "KafkaSchemaCreate",
    "KafkaSchemaList",
    "KafkaSchemaListed",
    "KafkaSchemaRegistryConfig",
    "KafkaSchemaSubjectConfig",
    "KafkaSchemaType",
    "KafkaSchemaVersion",
    "KafkaTopic",
    "KafkaTopicCleanupPolicy",
    "KafkaTopicCompressionType",
    "KafkaTopicConfig",
    "KafkaTopicCreate",
    "KafkaTopicEnvelope",
    "KafkaTopicList",
    "KafkaTopicPartition",
    "KafkaTopicState",
    "KafkaTopicTimestampType",
    "KafkaTopicUpdate",
    "KafkaTopicVerbose",
    "LogicalDatabase",
    "LogicalDatabaseCreate",
    "LogicalDatabaseEnvelope",
    "LogicalDatabaseList",
    "Logsink",
    "LogsinkCreate",
    "LogsinkEnvelope",
    "LogsinkList",
    "LogsinkType",
    "LogsinkUpdate",
    "MongoAdvancedConfig",
    "MongoReadConcern",
    "MongoRole",
    "MongoUserSettings",
    "MysqlAdvancedConfig",
    "MysqlAuthPlugin",
    "MysqlIncrementalBackup",
    "MysqlLogOutput",
    "MysqlSettings",
    "MysqlTmpMemStorageEngine",
    "OnlineMigration",
    "OnlineMigrationSource",
    "OnlineMigrationStart",
    "OnlineMigrationStatus",
    "OpenSearchAcl",
    "OpenSearchAclPermission",
    "OpensearchAdvancedConfig",
    "OpenSearchDashboardConnection",
    "OpenSearchIndex",
    "OpenSearchIndexHealth",
    "OpenSearchIndexList",
    "OpenSearchIndexStatus",
    "OpenSearchLogsinkConfig",
    "PgbouncerAdvancedConfig",
    "PgbouncerPoolMode",
    "PgbouncerStartupParameter",
    "PgLogErrorVerbosity",
    "PgLogLinePrefix",
    "PgStatStatementsTrack",
    "PgSynchronousReplication",
    "PgToastCompression",
    "PgTrackCommitTimestamp",
    "PgTrackFunctions",
    "PgTrackIoTiming",
    "PostgresAdvancedConfig",
    "RedisAclChannelsDefault",
    "RedisAdvancedConfig",
    "RedisMaxmemoryPolicy",
    "RedisPersistence",
    "RsyslogFormat",
    "RsyslogLogsinkConfig",
    "SchemaRegistryConnection",
    "TimescaledbAdvancedConfig",
    "UserRole",
    "UserSettings",
    "ValkeyAclChannelsDefault",
    "ValkeyAdvancedConfig",
    "ValkeyPersistence",
)

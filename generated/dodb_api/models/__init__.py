"""Contains all the data models used in inputs/outputs"""

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
from .database_version_availability_by_engine import DatabaseVersionAvailabilityByEngine
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

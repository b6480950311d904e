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
from .do_settings import DoSettings
from .do_settings_envelope import DoSettingsEnvelope
from .do_settings_update import DoSettingsUpdate
from .error import Error
from .firewall_rule import FirewallRule
from .firewall_rule_list import FirewallRuleList
from .firewall_rule_type import FirewallRuleType
from .firewall_rules_update import FirewallRulesUpdate
from .kafka_acl import KafkaAcl
from .kafka_acl_permission import KafkaAclPermission
from .logical_database import LogicalDatabase
from .logical_database_create import LogicalDatabaseCreate
from .logical_database_envelope import LogicalDatabaseEnvelope
from .logical_database_list import LogicalDatabaseList
from .mongo_role import MongoRole
from .mongo_user_settings import MongoUserSettings
from .mysql_auth_plugin import MysqlAuthPlugin
from .mysql_settings import MysqlSettings
from .online_migration import OnlineMigration
from .online_migration_source import OnlineMigrationSource
from .online_migration_start import OnlineMigrationStart
from .online_migration_status import OnlineMigrationStatus
from .open_search_acl import OpenSearchAcl
from .open_search_acl_permission import OpenSearchAclPermission
from .open_search_dashboard_connection import OpenSearchDashboardConnection
from .schema_registry_connection import SchemaRegistryConnection
from .user_role import UserRole
from .user_settings import UserSettings

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
    "DoSettings",
    "DoSettingsEnvelope",
    "DoSettingsUpdate",
    "Error",
    "FirewallRule",
    "FirewallRuleList",
    "FirewallRulesUpdate",
    "FirewallRuleType",
    "KafkaAcl",
    "KafkaAclPermission",
    "LogicalDatabase",
    "LogicalDatabaseCreate",
    "LogicalDatabaseEnvelope",
    "LogicalDatabaseList",
    "MongoRole",
    "MongoUserSettings",
    "MysqlAuthPlugin",
    "MysqlSettings",
    "OnlineMigration",
    "OnlineMigrationSource",
    "OnlineMigrationStart",
    "OnlineMigrationStatus",
    "OpenSearchAcl",
    "OpenSearchAclPermission",
    "OpenSearchDashboardConnection",
    "SchemaRegistryConnection",
    "UserRole",
    "UserSettings",
)

"""Contains all the data models used in inputs/outputs"""

from .connection_pool import ConnectionPool
from .connection_pool_create import ConnectionPoolCreate
from .connection_pool_envelope import ConnectionPoolEnvelope
from .connection_pool_list import ConnectionPoolList
from .connection_pool_update import ConnectionPoolUpdate
from .database_ca import DatabaseCa
from .database_ca_envelope import DatabaseCaEnvelope
from .database_cluster import DatabaseCluster
from .database_cluster_envelope import DatabaseClusterEnvelope
from .database_cluster_list import DatabaseClusterList
from .database_cluster_status import DatabaseClusterStatus
from .database_connection import DatabaseConnection
from .database_engine import DatabaseEngine
from .database_user import DatabaseUser
from .database_user_create import DatabaseUserCreate
from .database_user_envelope import DatabaseUserEnvelope
from .database_user_list import DatabaseUserList
from .database_user_reset_auth import DatabaseUserResetAuth
from .database_user_update import DatabaseUserUpdate
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
from .open_search_acl import OpenSearchAcl
from .open_search_acl_permission import OpenSearchAclPermission
from .user_role import UserRole
from .user_settings import UserSettings

__all__ = (
    "ConnectionPool",
    "ConnectionPoolCreate",
    "ConnectionPoolEnvelope",
    "ConnectionPoolList",
    "ConnectionPoolUpdate",
    "DatabaseCa",
    "DatabaseCaEnvelope",
    "DatabaseCluster",
    "DatabaseClusterEnvelope",
    "DatabaseClusterList",
    "DatabaseClusterStatus",
    "DatabaseConnection",
    "DatabaseEngine",
    "DatabaseUser",
    "DatabaseUserCreate",
    "DatabaseUserEnvelope",
    "DatabaseUserList",
    "DatabaseUserResetAuth",
    "DatabaseUserUpdate",
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
    "OpenSearchAcl",
    "OpenSearchAclPermission",
    "UserRole",
    "UserSettings",
)

"""Contains all the data models used in inputs/outputs"""

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
from .kafka_acl import KafkaAcl
from .kafka_acl_permission import KafkaAclPermission
from .mongo_role import MongoRole
from .mongo_user_settings import MongoUserSettings
from .mysql_auth_plugin import MysqlAuthPlugin
from .mysql_settings import MysqlSettings
from .open_search_acl import OpenSearchAcl
from .open_search_acl_permission import OpenSearchAclPermission
from .user_role import UserRole
from .user_settings import UserSettings

__all__ = (
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
    "KafkaAcl",
    "KafkaAclPermission",
    "MongoRole",
    "MongoUserSettings",
    "MysqlAuthPlugin",
    "MysqlSettings",
    "OpenSearchAcl",
    "OpenSearchAclPermission",
    "UserRole",
    "UserSettings",
)

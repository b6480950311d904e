"""Every model of the spec, each imported on first use: `from dodb_api.models import X`
loads X's module (and what it refers to) only, so the size of the spec does not
weigh on `import dodb`."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_MODULES = {
    "DatabaseCluster": "database_cluster",
    "DatabaseClusterEnvelope": "database_cluster_envelope",
    "DatabaseClusterList": "database_cluster_list",
    "DatabaseClusterStatus": "database_cluster_status",
    "DatabaseConnection": "database_connection",
    "DatabaseEngine": "database_engine",
    "DatabaseUser": "database_user",
    "DatabaseUserCreate": "database_user_create",
    "DatabaseUserEnvelope": "database_user_envelope",
    "DatabaseUserList": "database_user_list",
    "DatabaseUserResetAuth": "database_user_reset_auth",
    "DatabaseUserUpdate": "database_user_update",
    "Error": "error",
    "KafkaAcl": "kafka_acl",
    "KafkaAclPermission": "kafka_acl_permission",
    "MongoRole": "mongo_role",
    "MongoUserSettings": "mongo_user_settings",
    "MysqlAuthPlugin": "mysql_auth_plugin",
    "MysqlSettings": "mysql_settings",
    "OpenSearchAcl": "open_search_acl",
    "OpenSearchAclPermission": "open_search_acl_permission",
    "UserRole": "user_role",
    "UserSettings": "user_settings",
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

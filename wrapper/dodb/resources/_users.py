"""`client.databases.users`: typed calls that return `DatabaseUser` models."""

from __future__ import annotations

from collections.abc import Iterable

from dodb_api.models import MongoRole, MysqlAuthPlugin

from .. import _calls as calls
from .._calls import KafkaAclInput, OpenSearchAclInput
from .._models import DatabaseUser
from ._senders import AsyncSender, Sender


class DatabaseUsers:
    """The users of managed database clusters.

    Engine options are keywords; options of two engines in one call are
    refused, as are enum values the API does not know, before sending.
    """

    def __init__(self, client: Sender) -> None:
        self._client = client

    def list(self, cluster: str) -> list[DatabaseUser]:
        """Every user of the cluster, its primary admin user included."""
        return self._client._send(calls.list_users(cluster))

    def get(self, cluster: str, name: str) -> DatabaseUser:
        """One user; raises NotFoundError if there is none of that name."""
        return self._client._send(calls.get_user(cluster, name))

    def add(
        self,
        cluster: str,
        name: str,
        *,
        mysql_auth_plugin: MysqlAuthPlugin | str | None = None,
        pg_allow_replication: bool | None = None,
        kafka_acls: Iterable[KafkaAclInput] | None = None,
        opensearch_acls: Iterable[OpenSearchAclInput] | None = None,
        mongo_databases: Iterable[str] | None = None,
        mongo_role: MongoRole | str | None = None,
        readonly: bool | None = None,
    ) -> DatabaseUser:
        """Create a user; the result carries its generated password.

        `kafka_acls` items are `KafkaAcl(topic, permission)` or `(topic, permission)`
        pairs, likewise `opensearch_acls` with `(index, permission)`. `readonly`
        is the older MongoDB flag; prefer `mongo_role`.
        """
        call = calls.add_user(
            cluster,
            name,
            mysql_auth_plugin=mysql_auth_plugin,
            pg_allow_replication=pg_allow_replication,
            kafka_acls=kafka_acls,
            opensearch_acls=opensearch_acls,
            mongo_databases=mongo_databases,
            mongo_role=mongo_role,
            readonly=readonly,
        )
        return self._client._send(call)

    def update(
        self,
        cluster: str,
        name: str,
        *,
        pg_allow_replication: bool | None = None,
        kafka_acls: Iterable[KafkaAclInput] | None = None,
        opensearch_acls: Iterable[OpenSearchAclInput] | None = None,
        mongo_databases: Iterable[str] | None = None,
        mongo_role: MongoRole | str | None = None,
    ) -> DatabaseUser:
        """Replace the user's settings; only settings can change."""
        call = calls.update_user(
            cluster,
            name,
            pg_allow_replication=pg_allow_replication,
            kafka_acls=kafka_acls,
            opensearch_acls=opensearch_acls,
            mongo_databases=mongo_databases,
            mongo_role=mongo_role,
        )
        return self._client._send(call)

    def delete(self, cluster: str, name: str) -> None:
        """Remove the user."""
        self._client._send(calls.delete_user(cluster, name))

    def reset_auth(
        self, cluster: str, name: str, *, mysql_auth_plugin: MysqlAuthPlugin | str | None = None
    ) -> DatabaseUser:
        """Give the user a new password (and, on MySQL, optionally a new auth plugin)."""
        call = calls.reset_auth(cluster, name, mysql_auth_plugin=mysql_auth_plugin)
        return self._client._send(call)


class AsyncDatabaseUsers:
    """The users of managed database clusters; every call is awaited."""

    def __init__(self, client: AsyncSender) -> None:
        self._client = client

    async def list(self, cluster: str) -> list[DatabaseUser]:
        """Every user of the cluster, its primary admin user included."""
        return await self._client._send(calls.list_users(cluster))

    async def get(self, cluster: str, name: str) -> DatabaseUser:
        """One user; raises NotFoundError if there is none of that name."""
        return await self._client._send(calls.get_user(cluster, name))

    async def add(
        self,
        cluster: str,
        name: str,
        *,
        mysql_auth_plugin: MysqlAuthPlugin | str | None = None,
        pg_allow_replication: bool | None = None,
        kafka_acls: Iterable[KafkaAclInput] | None = None,
        opensearch_acls: Iterable[OpenSearchAclInput] | None = None,
        mongo_databases: Iterable[str] | None = None,
        mongo_role: MongoRole | str | None = None,
        readonly: bool | None = None,
    ) -> DatabaseUser:
        """Create a user; see `DatabaseUsers.add`."""
        call = calls.add_user(
            cluster,
            name,
            mysql_auth_plugin=mysql_auth_plugin,
            pg_allow_replication=pg_allow_replication,
            kafka_acls=kafka_acls,
            opensearch_acls=opensearch_acls,
            mongo_databases=mongo_databases,
            mongo_role=mongo_role,
            readonly=readonly,
        )
        return await self._client._send(call)

    async def update(
        self,
        cluster: str,
        name: str,
        *,
        pg_allow_replication: bool | None = None,
        kafka_acls: Iterable[KafkaAclInput] | None = None,
        opensearch_acls: Iterable[OpenSearchAclInput] | None = None,
        mongo_databases: Iterable[str] | None = None,
        mongo_role: MongoRole | str | None = None,
    ) -> DatabaseUser:
        """Replace the user's settings; see `DatabaseUsers.update`."""
        call = calls.update_user(
            cluster,
            name,
            pg_allow_replication=pg_allow_replication,
            kafka_acls=kafka_acls,
            opensearch_acls=opensearch_acls,
            mongo_databases=mongo_databases,
            mongo_role=mongo_role,
        )
        return await self._client._send(call)

    async def delete(self, cluster: str, name: str) -> None:
        """Remove the user."""
        await self._client._send(calls.delete_user(cluster, name))

    async def reset_auth(
        self, cluster: str, name: str, *, mysql_auth_plugin: MysqlAuthPlugin | str | None = None
    ) -> DatabaseUser:
        """Give the user a new password; see `DatabaseUsers.reset_auth`."""
        call = calls.reset_auth(cluster, name, mysql_auth_plugin=mysql_auth_plugin)
        return await self._client._send(call)

"""`client.databases.users`: typed calls that return `DatabaseUser` models."""

from __future__ import annotations

from typing import Unpack

from dodb_api.models import DatabaseUser, MysqlAuthPlugin

from .. import _calls as calls
from .._calls import AddOptions, SettingsOptions
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

    def add(self, cluster: str, name: str, **options: Unpack[AddOptions]) -> DatabaseUser:
        """Create a user; the result carries its generated password.

        Options (keywords, one engine at a time): `mysql_auth_plugin`,
        `pg_allow_replication`, `kafka_acls` (items `KafkaAcl(topic, permission)`
        or `(topic, permission)` pairs), `opensearch_acls` (likewise with
        `(index, permission)`), `mongo_databases`, `mongo_role`, and `readonly`,
        the older MongoDB flag (prefer `mongo_role`).
        """
        return self._client._send(calls.add_user(cluster, name, **options))

    def update(self, cluster: str, name: str, **options: Unpack[SettingsOptions]) -> DatabaseUser:
        """Replace the user's settings; only settings can change (same keywords as `add`)."""
        return self._client._send(calls.update_user(cluster, name, **options))

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

    async def add(self, cluster: str, name: str, **options: Unpack[AddOptions]) -> DatabaseUser:
        """Create a user; see `DatabaseUsers.add`."""
        return await self._client._send(calls.add_user(cluster, name, **options))

    async def update(
        self, cluster: str, name: str, **options: Unpack[SettingsOptions]
    ) -> DatabaseUser:
        """Replace the user's settings; see `DatabaseUsers.update`."""
        return await self._client._send(calls.update_user(cluster, name, **options))

    async def delete(self, cluster: str, name: str) -> None:
        """Remove the user."""
        await self._client._send(calls.delete_user(cluster, name))

    async def reset_auth(
        self, cluster: str, name: str, *, mysql_auth_plugin: MysqlAuthPlugin | str | None = None
    ) -> DatabaseUser:
        """Give the user a new password; see `DatabaseUsers.reset_auth`."""
        call = calls.reset_auth(cluster, name, mysql_auth_plugin=mysql_auth_plugin)
        return await self._client._send(call)

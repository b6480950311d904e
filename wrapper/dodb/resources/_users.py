"""`client.databases.users`: typed calls that return `DatabaseUser` models."""

from __future__ import annotations

from typing import Unpack

from dodb_api.models import DatabaseUser, MysqlAuthPlugin

from .. import _calls as calls
from .. import _provision as provision
from .._calls import AddOptions, SettingsOptions
from .._provision import Credentials, Ensured
from ._senders import AsyncSender, Sender, drive, drive_async


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

    def ensure(self, cluster: str, name: str, **options: Unpack[AddOptions]) -> Ensured:
        """Make the user exist with exactly these options, and say what that took.

        Creates it if absent; otherwise changes what differs (settings by an update,
        the MySQL plugin by reset_auth, which also gives a new password) or leaves it
        alone. `Ensured.action` is "created", "changed" or "unchanged". Settings not
        given are cleared (replication off, no ACLs); a MongoDB role cannot change.
        """
        ensured: Ensured = drive(self._client, provision.ensure_flow(cluster, name, options))
        return ensured

    def credentials(self, cluster: str, name: str, *, private: bool = False) -> Credentials:
        """What an app needs to connect as the user (a URI, or URL and basic auth for
        OpenSearch, or bootstrap address and client certificate for Kafka). `private`:
        the cluster's address inside its VPC."""
        flow = provision.credentials_flow(cluster, name, private=private)
        found: Credentials = drive(self._client, flow)
        return found

    def rotate(self, cluster: str, name: str) -> Credentials:
        """A new password (reset_auth), and the credentials that use it."""
        found: Credentials = drive(self._client, provision.rotate_flow(cluster, name))
        return found


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

    async def ensure(self, cluster: str, name: str, **options: Unpack[AddOptions]) -> Ensured:
        """Make the user exist with exactly these options; see `DatabaseUsers.ensure`."""
        flow = provision.ensure_flow(cluster, name, options)
        ensured: Ensured = await drive_async(self._client, flow)
        return ensured

    async def credentials(self, cluster: str, name: str, *, private: bool = False) -> Credentials:
        """What an app needs to connect as the user; see `DatabaseUsers.credentials`."""
        flow = provision.credentials_flow(cluster, name, private=private)
        found: Credentials = await drive_async(self._client, flow)
        return found

    async def rotate(self, cluster: str, name: str) -> Credentials:
        """A new password, and the credentials that use it."""
        found: Credentials = await drive_async(self._client, provision.rotate_flow(cluster, name))
        return found

"""`client.databases`: the official client's call names, bodies and JSON results.

Code written for the official client runs unchanged after swapping the import.
Results are the JSON objects the API sent; bodies may be dicts or binary files.
"""

from __future__ import annotations

from .. import _calls as calls
from .._calls import Body, JSONObject
from ._clusters import AsyncDatabaseClusters, DatabaseClusters
from ._senders import AsyncSender, Sender
from ._users import AsyncDatabaseUsers, DatabaseUsers


class Databases:
    """Database-user operations, named as in the official client."""

    def __init__(self, client: Sender) -> None:
        self._client = client
        self.users = DatabaseUsers(client)
        """The typed calls: `client.databases.users.add(...)` and so on."""
        self.clusters = DatabaseClusters(client)
        """The clusters, typed: `client.databases.clusters.get(id)`."""

    def list_clusters(self) -> JSONObject:
        """GET the account's clusters: `{"databases": [...]}`."""
        return self._client._send(calls.list_clusters_raw())

    def get_cluster(self, database_cluster_uuid: str) -> JSONObject:
        """GET one cluster: `{"database": {...}}`, with its connection details."""
        return self._client._send(calls.get_cluster_raw(database_cluster_uuid))

    def list_users(self, database_cluster_uuid: str) -> JSONObject:
        """GET the cluster's users: `{"users": [...]}`."""
        return self._client._send(calls.list_users_raw(database_cluster_uuid))

    def add_user(self, database_cluster_uuid: str, body: Body) -> JSONObject:
        """POST a new user: `{"user": {...}}` with its generated password."""
        return self._client._send(calls.add_user_raw(database_cluster_uuid, body))

    def get_user(self, database_cluster_uuid: str, username: str) -> JSONObject:
        """GET one user: `{"user": {...}}`."""
        return self._client._send(calls.get_user_raw(database_cluster_uuid, username))

    def update_user(self, database_cluster_uuid: str, username: str, body: Body) -> JSONObject:
        """PUT new settings (`{"settings": {...}}`): `{"user": {...}}`."""
        return self._client._send(calls.update_user_raw(database_cluster_uuid, username, body))

    def delete_user(self, database_cluster_uuid: str, username: str) -> None:
        """DELETE a user; the API answers 204 with no body."""
        self._client._send(calls.delete_user_raw(database_cluster_uuid, username))

    def reset_auth(self, database_cluster_uuid: str, username: str, body: Body) -> JSONObject:
        """POST reset_auth: `{"user": {...}}` with the new password."""
        return self._client._send(calls.reset_auth_raw(database_cluster_uuid, username, body))


class AsyncDatabases:
    """Database-user operations, named as in the official client; awaited."""

    def __init__(self, client: AsyncSender) -> None:
        self._client = client
        self.users = AsyncDatabaseUsers(client)
        self.clusters = AsyncDatabaseClusters(client)

    async def list_clusters(self) -> JSONObject:
        """GET the account's clusters: `{"databases": [...]}`."""
        return await self._client._send(calls.list_clusters_raw())

    async def get_cluster(self, database_cluster_uuid: str) -> JSONObject:
        """GET one cluster: `{"database": {...}}`."""
        return await self._client._send(calls.get_cluster_raw(database_cluster_uuid))
        """The typed calls: `await client.databases.users.add(...)` and so on."""

    async def list_users(self, database_cluster_uuid: str) -> JSONObject:
        """GET the cluster's users: `{"users": [...]}`."""
        return await self._client._send(calls.list_users_raw(database_cluster_uuid))

    async def add_user(self, database_cluster_uuid: str, body: Body) -> JSONObject:
        """POST a new user: `{"user": {...}}` with its generated password."""
        return await self._client._send(calls.add_user_raw(database_cluster_uuid, body))

    async def get_user(self, database_cluster_uuid: str, username: str) -> JSONObject:
        """GET one user: `{"user": {...}}`."""
        return await self._client._send(calls.get_user_raw(database_cluster_uuid, username))

    async def update_user(
        self, database_cluster_uuid: str, username: str, body: Body
    ) -> JSONObject:
        """PUT new settings (`{"settings": {...}}`): `{"user": {...}}`."""
        call = calls.update_user_raw(database_cluster_uuid, username, body)
        return await self._client._send(call)

    async def delete_user(self, database_cluster_uuid: str, username: str) -> None:
        """DELETE a user; the API answers 204 with no body."""
        await self._client._send(calls.delete_user_raw(database_cluster_uuid, username))

    async def reset_auth(self, database_cluster_uuid: str, username: str, body: Body) -> JSONObject:
        """POST reset_auth: `{"user": {...}}` with the new password."""
        call = calls.reset_auth_raw(database_cluster_uuid, username, body)
        return await self._client._send(call)

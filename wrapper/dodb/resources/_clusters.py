"""`client.databases.clusters`: the clusters, as far as their users need them."""

from __future__ import annotations

from dodb_api.models import DatabaseCluster

from .. import _calls as calls
from ._senders import AsyncSender, Sender


class DatabaseClusters:
    """Which clusters exist, their engine and status, and how to connect to them."""

    def __init__(self, client: Sender) -> None:
        self._client = client

    def list(self) -> list[DatabaseCluster]:
        """Every cluster of the account, with its connection details."""
        return self._client._send(calls.list_clusters())

    def get(self, cluster: str) -> DatabaseCluster:
        """One cluster; raises NotFoundError if there is none with that id."""
        return self._client._send(calls.get_cluster(cluster))


class AsyncDatabaseClusters:
    """The clusters; every call is awaited."""

    def __init__(self, client: AsyncSender) -> None:
        self._client = client

    async def list(self) -> list[DatabaseCluster]:
        """Every cluster of the account, with its connection details."""
        return await self._client._send(calls.list_clusters())

    async def get(self, cluster: str) -> DatabaseCluster:
        """One cluster; raises NotFoundError if there is none with that id."""
        return await self._client._send(calls.get_cluster(cluster))

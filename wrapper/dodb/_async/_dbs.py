"""`client.databases.dbs`: the generated logical-database calls, plus `ensure`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dodb_api.calls.dbs import AsyncDbsCalls

if TYPE_CHECKING:
    from .._access import EnsuredDatabase
    from .._base import BaseClient


class AsyncDatabaseDbs(AsyncDbsCalls):
    """The logical databases of a cluster."""

    _client: BaseClient

    async def ensure(self, cluster: str, name: str) -> EnsuredDatabase:
        """Make the logical database exist; `action` says whether it was created."""
        from .._access import ensure_database_flow

        flow = ensure_database_flow(cluster, name)
        found: EnsuredDatabase = await self._client._drive(flow)
        return found

"""`client.databases.pools`: the generated connection-pool calls, plus `ensure`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from dodb_api.calls.pools import AsyncPoolsCalls, PoolsAddOptions

if TYPE_CHECKING:
    from .._access import EnsuredPool
    from .._base import BaseClient


class AsyncDatabasePools(AsyncPoolsCalls):
    """The PgBouncer connection pools of a PostgreSQL cluster."""

    _client: BaseClient

    async def ensure(
        self, cluster: str, name: str, **wanted: Unpack[PoolsAddOptions]
    ) -> EnsuredPool:
        """Make the pool exist with these settings (`mode`, `size`, `db`, `user`).

        A new size or mode is an update; a new database or user replaces the pool
        (deleted, then added: its connections drop), as `EnsuredPool.replaced` says."""
        from .._access import ensure_pool_flow

        flow = ensure_pool_flow(cluster, name, wanted)
        found: EnsuredPool = await self._client._drive(flow)
        return found

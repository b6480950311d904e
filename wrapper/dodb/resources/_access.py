"""`client.databases.dbs`, `.pools`, `.firewall`: the generated calls, plus `ensure`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Unpack

from dodb_api.calls.dbs import AsyncDbsCalls, DbsCalls
from dodb_api.calls.firewall import AsyncFirewallCalls, FirewallCalls
from dodb_api.calls.pools import AsyncPoolsCalls, PoolsAddOptions, PoolsCalls
from dodb_api.models import FirewallRuleType

from .. import _access as access
from .._access import EnsuredDatabase, EnsuredPool, EnsuredRules

if TYPE_CHECKING:
    from .._base import BaseClient

Rule = tuple[FirewallRuleType | str, str]


def _rules(rules: Iterable[Rule]) -> list[tuple[str, str]]:
    return [access.rule(kind, value) for kind, value in rules]


class DatabaseDbs(DbsCalls):
    """The logical databases of a cluster."""

    _client: BaseClient

    def ensure(self, cluster: str, name: str) -> EnsuredDatabase:
        """Make the logical database exist; `action` says whether it was created."""
        found: EnsuredDatabase = self._client._drive(access.ensure_database_flow(cluster, name))
        return found


class DatabasePools(PoolsCalls):
    """The PgBouncer connection pools of a PostgreSQL cluster."""

    _client: BaseClient

    def ensure(self, cluster: str, name: str, **wanted: Unpack[PoolsAddOptions]) -> EnsuredPool:
        """Make the pool exist with these settings (`mode`, `size`, `db`, `user`).

        A new size or mode is an update; a new database or user replaces the pool
        (deleted, then added: its connections drop), as `EnsuredPool.replaced` says."""
        found: EnsuredPool = self._client._drive(access.ensure_pool_flow(cluster, name, wanted))
        return found


class DatabaseFirewall(FirewallCalls):
    """The trusted sources of a cluster: who may connect."""

    _client: BaseClient

    def ensure(self, cluster: str, rules: Iterable[Rule]) -> EnsuredRules:
        """Add these (type, value) rules where missing; keep every other rule.

        The API replaces the whole list, so this reads it, adds, writes and reads
        again; see `_access.ensure_rules_flow` for what a concurrent writer does."""
        flow = access.ensure_rules_flow(cluster, _rules(rules))
        found: EnsuredRules = self._client._drive(flow)
        return found


class AsyncDatabaseDbs(AsyncDbsCalls):
    """The logical databases of a cluster; awaited."""

    _client: BaseClient

    async def ensure(self, cluster: str, name: str) -> EnsuredDatabase:
        """Make the logical database exist; see `DatabaseDbs.ensure`."""
        flow = access.ensure_database_flow(cluster, name)
        found: EnsuredDatabase = await self._client._drive(flow)
        return found


class AsyncDatabasePools(AsyncPoolsCalls):
    """The connection pools of a PostgreSQL cluster; awaited."""

    _client: BaseClient

    async def ensure(
        self, cluster: str, name: str, **wanted: Unpack[PoolsAddOptions]
    ) -> EnsuredPool:
        """Make the pool exist with these settings; see `DatabasePools.ensure`."""
        flow = access.ensure_pool_flow(cluster, name, wanted)
        found: EnsuredPool = await self._client._drive(flow)
        return found


class AsyncDatabaseFirewall(AsyncFirewallCalls):
    """The trusted sources of a cluster; awaited."""

    _client: BaseClient

    async def ensure(self, cluster: str, rules: Iterable[Rule]) -> EnsuredRules:
        """Add these rules where missing; see `DatabaseFirewall.ensure`."""
        flow = access.ensure_rules_flow(cluster, _rules(rules))
        found: EnsuredRules = await self._client._drive(flow)
        return found

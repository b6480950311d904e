# Derived from dodb/_async/_dbs.py by scripts/generate.sh (unasync): do not edit;
# edit the async file and regenerate.
"""`client.databases.dbs`: the generated logical-database calls, plus `ensure`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dodb_api.calls.dbs import DbsCalls

if TYPE_CHECKING:
    from .._access import EnsuredDatabase
    from .._base import BaseClient


class DatabaseDbs(DbsCalls):
    """The logical databases of a cluster."""

    _client: BaseClient

    def ensure(self, cluster: str, name: str) -> EnsuredDatabase:
        """Make the logical database exist; `action` says whether it was created."""
        from .._access import ensure_database_flow

        flow = ensure_database_flow(cluster, name)
        found: EnsuredDatabase = self._client._drive(flow)
        return found

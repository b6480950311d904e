"""`client.databases`: every operation under the official client's name, and the typed
resources (`client.databases.users`, `.clusters`, ...), all generated from the spec."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from dodb_api.calls.databases import AsyncDatabasesCalls

if TYPE_CHECKING:
    from ._dbs import AsyncDatabaseDbs
    from ._firewall import AsyncDatabaseFirewall
    from ._pools import AsyncDatabasePools
    from ._users import AsyncDatabaseUsers


class AsyncDatabases(AsyncDatabasesCalls):
    """The `databases` operations, named as in the official client; JSON in and out."""

    @cached_property
    def users(self) -> AsyncDatabaseUsers:
        """The typed user calls, and provisioning: `client.databases.users.ensure(...)`."""
        from ._users import AsyncDatabaseUsers

        return AsyncDatabaseUsers(self._client)

    @cached_property
    def dbs(self) -> AsyncDatabaseDbs:
        """The typed logical-database calls, and `ensure`."""
        from ._dbs import AsyncDatabaseDbs

        return AsyncDatabaseDbs(self._client)

    @cached_property
    def pools(self) -> AsyncDatabasePools:
        """The typed connection-pool calls, and `ensure`."""
        from ._pools import AsyncDatabasePools

        return AsyncDatabasePools(self._client)

    @cached_property
    def firewall(self) -> AsyncDatabaseFirewall:
        """The typed trusted-source calls, and `ensure`."""
        from ._firewall import AsyncDatabaseFirewall

        return AsyncDatabaseFirewall(self._client)

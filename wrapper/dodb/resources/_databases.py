"""`client.databases`: every operation under the official client's name, and the typed
resources (`client.databases.users`, `.clusters`, ...), all generated from the spec."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from dodb_api.calls.databases import AsyncDatabasesCalls, DatabasesCalls

if TYPE_CHECKING:
    from ._dbs import AsyncDatabaseDbs, DatabaseDbs
    from ._firewall import AsyncDatabaseFirewall, DatabaseFirewall
    from ._pools import AsyncDatabasePools, DatabasePools
    from ._users import AsyncDatabaseUsers, DatabaseUsers


class Databases(DatabasesCalls):
    """The `databases` operations, named as in the official client; JSON in and out."""

    @cached_property
    def users(self) -> DatabaseUsers:
        """The typed user calls, and provisioning: `client.databases.users.ensure(...)`."""
        from ._users import DatabaseUsers

        return DatabaseUsers(self._client)

    @cached_property
    def dbs(self) -> DatabaseDbs:
        """The typed logical-database calls, and `ensure`."""
        from ._dbs import DatabaseDbs

        return DatabaseDbs(self._client)

    @cached_property
    def pools(self) -> DatabasePools:
        """The typed connection-pool calls, and `ensure`."""
        from ._pools import DatabasePools

        return DatabasePools(self._client)

    @cached_property
    def firewall(self) -> DatabaseFirewall:
        """The typed trusted-source calls, and `ensure`."""
        from ._firewall import DatabaseFirewall

        return DatabaseFirewall(self._client)


class AsyncDatabases(AsyncDatabasesCalls):
    """The `databases` operations, named as in the official client; awaited."""

    @cached_property
    def users(self) -> AsyncDatabaseUsers:
        """The typed user calls, and provisioning; awaited."""
        from ._users import AsyncDatabaseUsers

        return AsyncDatabaseUsers(self._client)

    @cached_property
    def dbs(self) -> AsyncDatabaseDbs:
        """The typed logical-database calls, and `ensure`; awaited."""
        from ._dbs import AsyncDatabaseDbs

        return AsyncDatabaseDbs(self._client)

    @cached_property
    def pools(self) -> AsyncDatabasePools:
        """The typed connection-pool calls, and `ensure`; awaited."""
        from ._pools import AsyncDatabasePools

        return AsyncDatabasePools(self._client)

    @cached_property
    def firewall(self) -> AsyncDatabaseFirewall:
        """The typed trusted-source calls, and `ensure`; awaited."""
        from ._firewall import AsyncDatabaseFirewall

        return AsyncDatabaseFirewall(self._client)

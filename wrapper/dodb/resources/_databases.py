"""`client.databases`: every operation under the official client's name, and the typed
resources (`client.databases.users`, `.clusters`, ...), all generated from the spec."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from dodb_api.calls.databases import AsyncDatabasesCalls, DatabasesCalls

if TYPE_CHECKING:
    from ._users import AsyncDatabaseUsers, DatabaseUsers


class Databases(DatabasesCalls):
    """The `databases` operations, named as in the official client; JSON in and out."""

    @cached_property
    def users(self) -> DatabaseUsers:
        """The typed user calls, and provisioning: `client.databases.users.ensure(...)`."""
        from ._users import DatabaseUsers

        return DatabaseUsers(self._client)


class AsyncDatabases(AsyncDatabasesCalls):
    """The `databases` operations, named as in the official client; awaited."""

    @cached_property
    def users(self) -> AsyncDatabaseUsers:
        """The typed user calls, and provisioning; awaited."""
        from ._users import AsyncDatabaseUsers

        return AsyncDatabaseUsers(self._client)

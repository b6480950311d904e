# Derived from dodb/_async/_databases.py by scripts/generate.sh (unasync): do not edit;
# edit the async file and regenerate.
"""`client.databases`: every operation under the official client's name, and the typed
resources (`client.databases.users`, `.clusters`, ...), all generated from the spec."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from dodb_api.calls.databases import DatabasesCalls

if TYPE_CHECKING:
    from ._dbs import DatabaseDbs
    from ._firewall import DatabaseFirewall
    from ._pools import DatabasePools
    from ._users import DatabaseUsers


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

"""`client.databases`: the generated calls of every operation, bound to a client.

The calls themselves are generated from openapi.yaml (`dodb_api.calls`); the
hand-written part binds them to a client and adds the flows that build on
several operations (`users.ensure`, `credentials`, `rotate`, and `ensure` on
`dbs`, `pools` and `firewall`). It is written once, for `AsyncClient`, in
`dodb._async`; `dodb._sync` is derived from it for `Client`.
"""

from typing import TYPE_CHECKING, Any

from .._async._databases import AsyncDatabases
from .._sync._databases import Databases

if TYPE_CHECKING:
    from .._async._users import AsyncDatabaseUsers
    from .._sync._users import DatabaseUsers

__all__ = ["AsyncDatabaseUsers", "AsyncDatabases", "DatabaseUsers", "Databases"]


def __getattr__(name: str) -> Any:
    # The user calls (and the provisioning they bring) load with their first use.
    if name == "DatabaseUsers":
        from .._sync._users import DatabaseUsers

        return DatabaseUsers
    if name == "AsyncDatabaseUsers":
        from .._async._users import AsyncDatabaseUsers

        return AsyncDatabaseUsers
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

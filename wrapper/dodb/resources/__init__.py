"""`client.databases`: the generated calls of every operation, bound to a client.

The calls themselves are generated from openapi.yaml (`dodb_api.calls`); this
package only binds them to a client and adds the provisioning flows that build
on several operations (`users.ensure`, `credentials`, `rotate`).
"""

from typing import TYPE_CHECKING, Any

from ._databases import AsyncDatabases, Databases

if TYPE_CHECKING:
    from ._users import AsyncDatabaseUsers, DatabaseUsers

__all__ = ["AsyncDatabaseUsers", "AsyncDatabases", "DatabaseUsers", "Databases"]


def __getattr__(name: str) -> Any:
    # The user calls (and the provisioning they bring) load with their first use.
    if name in ("DatabaseUsers", "AsyncDatabaseUsers"):
        from . import _users

        return getattr(_users, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""`client.databases`: the generated calls of every operation, bound to a client.

The calls themselves are generated from openapi.yaml (`dodb_api.calls`); this
package only binds them to a client and adds the provisioning flows that build
on several operations (`users.ensure`, `credentials`, `rotate`).
"""

from ._databases import AsyncDatabases, Databases
from ._users import AsyncDatabaseUsers, DatabaseUsers

__all__ = ["AsyncDatabaseUsers", "AsyncDatabases", "DatabaseUsers", "Databases"]

"""One class per API resource, sync and async."""

from ._databases import AsyncDatabases, Databases
from ._users import AsyncDatabaseUsers, DatabaseUsers

__all__ = ["AsyncDatabaseUsers", "AsyncDatabases", "DatabaseUsers", "Databases"]

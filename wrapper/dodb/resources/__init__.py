"""One class per API resource, sync and async."""

from ._clusters import AsyncDatabaseClusters, DatabaseClusters
from ._databases import AsyncDatabases, Databases
from ._users import AsyncDatabaseUsers, DatabaseUsers

__all__ = [
    "AsyncDatabaseClusters",
    "AsyncDatabaseUsers",
    "AsyncDatabases",
    "DatabaseClusters",
    "DatabaseUsers",
    "Databases",
]

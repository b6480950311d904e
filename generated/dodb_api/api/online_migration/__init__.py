"""The operations tagged online_migration, by operationId."""

from .databases_delete_online_migration import (
    OPERATION as databases_delete_online_migration,
)
from .databases_get_migration_status import OPERATION as databases_get_migration_status
from .databases_update_online_migration import (
    OPERATION as databases_update_online_migration,
)

__all__ = [
    "databases_delete_online_migration",
    "databases_get_migration_status",
    "databases_update_online_migration",
]

"""The operations tagged connection_pools, by operationId."""

from .databases_add_connection_pool import OPERATION as databases_add_connection_pool
from .databases_delete_connection_pool import (
    OPERATION as databases_delete_connection_pool,
)
from .databases_get_connection_pool import OPERATION as databases_get_connection_pool
from .databases_list_connection_pools import (
    OPERATION as databases_list_connection_pools,
)
from .databases_update_connection_pool import (
    OPERATION as databases_update_connection_pool,
)

__all__ = [
    "databases_add_connection_pool",
    "databases_delete_connection_pool",
    "databases_get_connection_pool",
    "databases_list_connection_pools",
    "databases_update_connection_pool",
]

"""The operations tagged configuration, by operationId."""

from .databases_get_config import OPERATION as databases_get_config
from .databases_get_eviction_policy import OPERATION as databases_get_eviction_policy
from .databases_get_sql_mode import OPERATION as databases_get_sql_mode
from .databases_patch_config import OPERATION as databases_patch_config
from .databases_update_eviction_policy import (
    OPERATION as databases_update_eviction_policy,
)
from .databases_update_sql_mode import OPERATION as databases_update_sql_mode

__all__ = [
    "databases_get_config",
    "databases_get_eviction_policy",
    "databases_get_sql_mode",
    "databases_patch_config",
    "databases_update_eviction_policy",
    "databases_update_sql_mode",
]

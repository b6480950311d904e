"""The operations tagged log_sinks, by operationId."""

from .databases_create_logsink import OPERATION as databases_create_logsink
from .databases_delete_logsink import OPERATION as databases_delete_logsink
from .databases_get_logsink import OPERATION as databases_get_logsink
from .databases_list_logsink import OPERATION as databases_list_logsink
from .databases_update_logsink import OPERATION as databases_update_logsink

__all__ = [
    "databases_create_logsink",
    "databases_delete_logsink",
    "databases_get_logsink",
    "databases_list_logsink",
    "databases_update_logsink",
]

"""The operations tagged backups, by operationId."""

from .databases_list_backups import OPERATION as databases_list_backups

__all__ = [
    "databases_list_backups",
]

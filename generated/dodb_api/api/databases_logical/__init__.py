"""The operations tagged databases_logical, by operationId."""

from .databases_add import OPERATION as databases_add
from .databases_delete import OPERATION as databases_delete
from .databases_get import OPERATION as databases_get
from .databases_list import OPERATION as databases_list

__all__ = [
    "databases_add",
    "databases_delete",
    "databases_get",
    "databases_list",
]

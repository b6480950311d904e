"""The operations tagged replicas, by operationId."""

from .databases_create_replica import OPERATION as databases_create_replica
from .databases_destroy_replica import OPERATION as databases_destroy_replica
from .databases_get_replica import OPERATION as databases_get_replica
from .databases_list_replicas import OPERATION as databases_list_replicas
from .databases_promote_replica import OPERATION as databases_promote_replica

__all__ = [
    "databases_create_replica",
    "databases_destroy_replica",
    "databases_get_replica",
    "databases_list_replicas",
    "databases_promote_replica",
]

"""The operations tagged database_clusters, by operationId."""

from .databases_get_ca import OPERATION as databases_get_ca
from .databases_get_cluster import OPERATION as databases_get_cluster
from .databases_list_clusters import OPERATION as databases_list_clusters

__all__ = [
    "databases_get_ca",
    "databases_get_cluster",
    "databases_list_clusters",
]

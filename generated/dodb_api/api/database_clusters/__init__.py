"""The operations tagged database_clusters, by operationId."""

from .databases_create_cluster import OPERATION as databases_create_cluster
from .databases_destroy_cluster import OPERATION as databases_destroy_cluster
from .databases_get_autoscale import OPERATION as databases_get_autoscale
from .databases_get_ca import OPERATION as databases_get_ca
from .databases_get_cluster import OPERATION as databases_get_cluster
from .databases_get_do_settings import OPERATION as databases_get_do_settings
from .databases_install_update import OPERATION as databases_install_update
from .databases_list_clusters import OPERATION as databases_list_clusters
from .databases_list_events_logs import OPERATION as databases_list_events_logs
from .databases_list_options import OPERATION as databases_list_options
from .databases_update_autoscale import OPERATION as databases_update_autoscale
from .databases_update_cluster_size import OPERATION as databases_update_cluster_size
from .databases_update_do_settings import OPERATION as databases_update_do_settings
from .databases_update_maintenance_window import (
    OPERATION as databases_update_maintenance_window,
)
from .databases_update_major_version import OPERATION as databases_update_major_version
from .databases_update_region import OPERATION as databases_update_region

__all__ = [
    "databases_create_cluster",
    "databases_destroy_cluster",
    "databases_get_autoscale",
    "databases_get_ca",
    "databases_get_cluster",
    "databases_get_do_settings",
    "databases_install_update",
    "databases_list_clusters",
    "databases_list_events_logs",
    "databases_list_options",
    "databases_update_autoscale",
    "databases_update_cluster_size",
    "databases_update_do_settings",
    "databases_update_maintenance_window",
    "databases_update_major_version",
    "databases_update_region",
]

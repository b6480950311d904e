"""The operations tagged metrics_credentials, by operationId."""

from .databases_get_cluster_metrics_credentials import (
    OPERATION as databases_get_cluster_metrics_credentials,
)
from .databases_update_cluster_metrics_credentials import (
    OPERATION as databases_update_cluster_metrics_credentials,
)

__all__ = [
    "databases_get_cluster_metrics_credentials",
    "databases_update_cluster_metrics_credentials",
]

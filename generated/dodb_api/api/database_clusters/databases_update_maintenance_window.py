"""Choose when a cluster's maintenance runs"""

from ..._facts import FACTS
from ...models.database_maintenance_window import DatabaseMaintenanceWindow
from ...types import Operation

OPERATION = Operation(
    name="databases_update_maintenance_window",
    method="PUT",
    path="/v2/databases/{database_cluster_uuid}/maintenance",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=204,
    body=DatabaseMaintenanceWindow,
    result=None,
    facts=FACTS["databases_update_maintenance_window"],
)

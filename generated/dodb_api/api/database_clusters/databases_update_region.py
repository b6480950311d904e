"""Move a database cluster to another region"""

from ..._facts import FACTS
from ...models.database_region_update import DatabaseRegionUpdate
from ...types import Operation

OPERATION = Operation(
    name="databases_update_region",
    method="PUT",
    path="/v2/databases/{database_cluster_uuid}/migrate",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=202,
    body=DatabaseRegionUpdate,
    result=None,
    facts=FACTS["databases_update_region"],
)

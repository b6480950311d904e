"""Change the autoscaling settings of a cluster"""

from ..._facts import FACTS
from ...models.database_autoscale import DatabaseAutoscale
from ...types import Operation

OPERATION = Operation(
    name="databases_update_autoscale",
    method="PUT",
    path="/v2/databases/{database_cluster_uuid}/autoscale",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=204,
    body=DatabaseAutoscale,
    result=None,
    facts=FACTS["databases_update_autoscale"],
)

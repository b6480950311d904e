"""Get the autoscaling settings of a cluster"""

from ..._facts import FACTS
from ...models.database_autoscale_envelope import DatabaseAutoscaleEnvelope
from ...types import Operation

OPERATION = Operation(
    name="databases_get_autoscale",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/autoscale",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=None,
    result=DatabaseAutoscaleEnvelope,
    facts=FACTS["databases_get_autoscale"],
)

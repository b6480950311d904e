"""Get one read-only replica"""

from ..._facts import FACTS
from ...models.database_replica_envelope import DatabaseReplicaEnvelope
from ...types import Operation

OPERATION = Operation(
    name="databases_get_replica",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/replicas/{replica_name}",
    path_params=(
        "database_cluster_uuid",
        "replica_name",
    ),
    query_params=(),
    success=200,
    body=None,
    result=DatabaseReplicaEnvelope,
    facts=FACTS["databases_get_replica"],
)

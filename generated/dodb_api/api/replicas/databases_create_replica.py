"""Create a read-only replica of a database cluster"""

from ..._facts import FACTS
from ...models.database_replica_create import DatabaseReplicaCreate
from ...models.database_replica_envelope import DatabaseReplicaEnvelope
from ...types import Operation

OPERATION = Operation(
    name="databases_create_replica",
    method="POST",
    path="/v2/databases/{database_cluster_uuid}/replicas",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=201,
    body=DatabaseReplicaCreate,
    result=DatabaseReplicaEnvelope,
    facts=FACTS["databases_create_replica"],
)

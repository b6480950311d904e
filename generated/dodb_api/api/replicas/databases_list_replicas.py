"""List the read-only replicas of a database cluster"""

from ...models.database_replica_list import DatabaseReplicaList
from ...types import Operation

OPERATION = Operation(
    name="databases_list_replicas",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/replicas",
    path_params=("database_cluster_uuid",),
    success=200,
    body=None,
    result=DatabaseReplicaList,
)

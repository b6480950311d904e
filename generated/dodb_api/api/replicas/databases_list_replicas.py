"""List the read-only replicas of a database cluster"""

from ..._facts import FACTS
from ...models.database_replica_list import DatabaseReplicaList
from ...types import Operation

OPERATION = Operation(
    name="databases_list_replicas",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/replicas",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=None,
    result=DatabaseReplicaList,
    facts=FACTS["databases_list_replicas"],
)

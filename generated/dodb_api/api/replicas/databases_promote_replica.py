"""Promote a read-only replica to a cluster of its own"""

from ...types import Operation

OPERATION = Operation(
    name="databases_promote_replica",
    method="PUT",
    path="/v2/databases/{database_cluster_uuid}/replicas/{replica_name}/promote",
    path_params=(
        "database_cluster_uuid",
        "replica_name",
    ),
    success=204,
    body=None,
    result=None,
)

"""Promote a read-only replica to a cluster of its own"""

from ..._facts import FACTS
from ...types import Operation

OPERATION = Operation(
    name="databases_promote_replica",
    method="PUT",
    path="/v2/databases/{database_cluster_uuid}/replicas/{replica_name}/promote",
    path_params=(
        "database_cluster_uuid",
        "replica_name",
    ),
    query_params=(),
    success=204,
    body=None,
    result=None,
    facts=FACTS["databases_promote_replica"],
)

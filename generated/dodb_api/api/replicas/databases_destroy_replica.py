"""Destroy a read-only replica"""

from ..._facts import FACTS
from ...types import Operation

OPERATION = Operation(
    name="databases_destroy_replica",
    method="DELETE",
    path="/v2/databases/{database_cluster_uuid}/replicas/{replica_name}",
    path_params=(
        "database_cluster_uuid",
        "replica_name",
    ),
    query_params=(),
    success=204,
    body=None,
    result=None,
    facts=FACTS["databases_destroy_replica"],
)

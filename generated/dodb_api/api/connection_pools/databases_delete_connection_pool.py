"""Delete a connection pool"""

from ..._facts import FACTS
from ...types import Operation

OPERATION = Operation(
    name="databases_delete_connection_pool",
    method="DELETE",
    path="/v2/databases/{database_cluster_uuid}/pools/{pool_name}",
    path_params=(
        "database_cluster_uuid",
        "pool_name",
    ),
    query_params=(),
    success=204,
    body=None,
    result=None,
    facts=FACTS["databases_delete_connection_pool"],
)

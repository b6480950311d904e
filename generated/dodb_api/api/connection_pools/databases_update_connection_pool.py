"""Change the settings of a connection pool"""

from ..._facts import FACTS
from ...models.connection_pool_update import ConnectionPoolUpdate
from ...types import Operation

OPERATION = Operation(
    name="databases_update_connection_pool",
    method="PUT",
    path="/v2/databases/{database_cluster_uuid}/pools/{pool_name}",
    path_params=(
        "database_cluster_uuid",
        "pool_name",
    ),
    query_params=(),
    success=204,
    body=ConnectionPoolUpdate,
    result=None,
    facts=FACTS["databases_update_connection_pool"],
)

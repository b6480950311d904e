"""Get one connection pool of a PostgreSQL cluster"""

from ..._facts import FACTS
from ...models.connection_pool_envelope import ConnectionPoolEnvelope
from ...types import Operation

OPERATION = Operation(
    name="databases_get_connection_pool",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/pools/{pool_name}",
    path_params=(
        "database_cluster_uuid",
        "pool_name",
    ),
    query_params=(),
    success=200,
    body=None,
    result=ConnectionPoolEnvelope,
    facts=FACTS["databases_get_connection_pool"],
)

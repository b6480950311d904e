"""Add a connection pool to a PostgreSQL cluster"""

from ..._facts import FACTS
from ...models.connection_pool_create import ConnectionPoolCreate
from ...models.connection_pool_envelope import ConnectionPoolEnvelope
from ...types import Operation

OPERATION = Operation(
    name="databases_add_connection_pool",
    method="POST",
    path="/v2/databases/{database_cluster_uuid}/pools",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=201,
    body=ConnectionPoolCreate,
    result=ConnectionPoolEnvelope,
    facts=FACTS["databases_add_connection_pool"],
)

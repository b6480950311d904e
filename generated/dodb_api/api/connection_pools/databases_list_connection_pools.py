"""List the connection pools of a PostgreSQL cluster"""

from ..._facts import FACTS
from ...models.connection_pool_list import ConnectionPoolList
from ...types import Operation

OPERATION = Operation(
    name="databases_list_connection_pools",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/pools",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=None,
    result=ConnectionPoolList,
    facts=FACTS["databases_list_connection_pools"],
)

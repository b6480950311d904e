"""List the databases inside a cluster"""

from ..._facts import FACTS
from ...models.logical_database_list import LogicalDatabaseList
from ...types import Operation

OPERATION = Operation(
    name="databases_list",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/dbs",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=None,
    result=LogicalDatabaseList,
    facts=FACTS["databases_list"],
)

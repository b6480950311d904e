"""Get one database of a cluster"""

from ..._facts import FACTS
from ...models.logical_database_envelope import LogicalDatabaseEnvelope
from ...types import Operation

OPERATION = Operation(
    name="databases_get",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/dbs/{database_name}",
    path_params=(
        "database_cluster_uuid",
        "database_name",
    ),
    query_params=(),
    success=200,
    body=None,
    result=LogicalDatabaseEnvelope,
    facts=FACTS["databases_get"],
)

"""Get one database cluster"""

from ..._facts import FACTS
from ...models.database_cluster_envelope import DatabaseClusterEnvelope
from ...types import Operation

OPERATION = Operation(
    name="databases_get_cluster",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=None,
    result=DatabaseClusterEnvelope,
    facts=FACTS["databases_get_cluster"],
)

"""Create a database cluster"""

from ..._facts import FACTS
from ...models.database_cluster_create import DatabaseClusterCreate
from ...models.database_cluster_envelope import DatabaseClusterEnvelope
from ...types import Operation

OPERATION = Operation(
    name="databases_create_cluster",
    method="POST",
    path="/v2/databases",
    path_params=(),
    query_params=(),
    success=201,
    body=DatabaseClusterCreate,
    result=DatabaseClusterEnvelope,
    facts=FACTS["databases_create_cluster"],
)

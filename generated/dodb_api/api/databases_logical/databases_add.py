"""Add a database to a cluster"""

from ..._facts import FACTS
from ...models.logical_database_create import LogicalDatabaseCreate
from ...models.logical_database_envelope import LogicalDatabaseEnvelope
from ...types import Operation

OPERATION = Operation(
    name="databases_add",
    method="POST",
    path="/v2/databases/{database_cluster_uuid}/dbs",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=201,
    body=LogicalDatabaseCreate,
    result=LogicalDatabaseEnvelope,
    facts=FACTS["databases_add"],
)

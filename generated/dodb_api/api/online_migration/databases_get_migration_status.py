"""Get the state of a cluster's online migration"""

from ..._facts import FACTS
from ...models.online_migration import OnlineMigration
from ...types import Operation

OPERATION = Operation(
    name="databases_get_migration_status",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/online-migration",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=None,
    result=OnlineMigration,
    facts=FACTS["databases_get_migration_status"],
)

"""Start an online migration into a cluster"""

from ..._facts import FACTS
from ...models.online_migration import OnlineMigration
from ...models.online_migration_start import OnlineMigrationStart
from ...types import Operation

OPERATION = Operation(
    name="databases_update_online_migration",
    method="PUT",
    path="/v2/databases/{database_cluster_uuid}/online-migration",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=OnlineMigrationStart,
    result=OnlineMigration,
    facts=FACTS["databases_update_online_migration"],
)

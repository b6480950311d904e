"""Stop an online migration"""

from ..._facts import FACTS
from ...types import Operation

OPERATION = Operation(
    name="databases_delete_online_migration",
    method="DELETE",
    path="/v2/databases/{database_cluster_uuid}/online-migration/{migration_id}",
    path_params=(
        "database_cluster_uuid",
        "migration_id",
    ),
    query_params=(),
    success=204,
    body=None,
    result=None,
    facts=FACTS["databases_delete_online_migration"],
)

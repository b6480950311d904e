"""Delete a database from a cluster"""

from ..._facts import FACTS
from ...types import Operation

OPERATION = Operation(
    name="databases_delete",
    method="DELETE",
    path="/v2/databases/{database_cluster_uuid}/dbs/{database_name}",
    path_params=(
        "database_cluster_uuid",
        "database_name",
    ),
    query_params=(),
    success=204,
    body=None,
    result=None,
    facts=FACTS["databases_delete"],
)

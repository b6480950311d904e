"""Remove a log sink from a database cluster"""

from ..._facts import FACTS
from ...types import Operation

OPERATION = Operation(
    name="databases_delete_logsink",
    method="DELETE",
    path="/v2/databases/{database_cluster_uuid}/logsink/{logsink_id}",
    path_params=(
        "database_cluster_uuid",
        "logsink_id",
    ),
    query_params=(),
    success=200,
    body=None,
    result=None,
    facts=FACTS["databases_delete_logsink"],
)

"""Remove a log sink from a database cluster"""

from ...types import Operation

OPERATION = Operation(
    name="databases_delete_logsink",
    method="DELETE",
    path="/v2/databases/{database_cluster_uuid}/logsink/{logsink_id}",
    path_params=(
        "database_cluster_uuid",
        "logsink_id",
    ),
    success=200,
    body=None,
    result=None,
)

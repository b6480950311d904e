"""Destroy a database cluster"""

from ...types import Operation

OPERATION = Operation(
    name="databases_destroy_cluster",
    method="DELETE",
    path="/v2/databases/{database_cluster_uuid}",
    path_params=("database_cluster_uuid",),
    success=204,
    body=None,
    result=None,
)

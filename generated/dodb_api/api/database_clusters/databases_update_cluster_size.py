"""Resize a database cluster"""

from ..._facts import FACTS
from ...models.database_cluster_resize import DatabaseClusterResize
from ...types import Operation

OPERATION = Operation(
    name="databases_update_cluster_size",
    method="PUT",
    path="/v2/databases/{database_cluster_uuid}/resize",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=202,
    body=DatabaseClusterResize,
    result=None,
    facts=FACTS["databases_update_cluster_size"],
)

"""Destroy a database cluster"""

from ..._facts import FACTS
from ...types import Operation

OPERATION = Operation(
    name="databases_destroy_cluster",
    method="DELETE",
    path="/v2/databases/{database_cluster_uuid}",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=204,
    body=None,
    result=None,
    facts=FACTS["databases_destroy_cluster"],
)

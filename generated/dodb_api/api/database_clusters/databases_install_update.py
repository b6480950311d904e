"""Start a cluster's pending maintenance now"""

from ..._facts import FACTS
from ...types import Operation

OPERATION = Operation(
    name="databases_install_update",
    method="PUT",
    path="/v2/databases/{database_cluster_uuid}/install_update",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=204,
    body=None,
    result=None,
    facts=FACTS["databases_install_update"],
)

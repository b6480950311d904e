"""Upgrade a cluster to a new major version"""

from ..._facts import FACTS
from ...models.database_version_update import DatabaseVersionUpdate
from ...types import Operation

OPERATION = Operation(
    name="databases_update_major_version",
    method="PUT",
    path="/v2/databases/{database_cluster_uuid}/upgrade",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=204,
    body=DatabaseVersionUpdate,
    result=None,
    facts=FACTS["databases_update_major_version"],
)

"""Change advanced settings of a database cluster"""

from ..._facts import FACTS
from ...models.database_config_update import DatabaseConfigUpdate
from ...types import Operation

OPERATION = Operation(
    name="databases_patch_config",
    method="PATCH",
    path="/v2/databases/{database_cluster_uuid}/config",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=DatabaseConfigUpdate,
    result=None,
    facts=FACTS["databases_patch_config"],
)

"""Get the advanced settings of a database cluster"""

from ..._facts import FACTS
from ...models.database_config_envelope import DatabaseConfigEnvelope
from ...types import Operation

OPERATION = Operation(
    name="databases_get_config",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/config",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=None,
    result=DatabaseConfigEnvelope,
    facts=FACTS["databases_get_config"],
)

"""Add a log sink to a database cluster"""

from ..._facts import FACTS
from ...models.logsink_create import LogsinkCreate
from ...models.logsink_envelope import LogsinkEnvelope
from ...types import Operation

OPERATION = Operation(
    name="databases_create_logsink",
    method="POST",
    path="/v2/databases/{database_cluster_uuid}/logsink",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=201,
    body=LogsinkCreate,
    result=LogsinkEnvelope,
    facts=FACTS["databases_create_logsink"],
)

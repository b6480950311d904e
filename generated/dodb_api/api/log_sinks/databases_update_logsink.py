"""Change the settings of a log sink"""

from ..._facts import FACTS
from ...models.logsink_update import LogsinkUpdate
from ...types import Operation

OPERATION = Operation(
    name="databases_update_logsink",
    method="PUT",
    path="/v2/databases/{database_cluster_uuid}/logsink/{logsink_id}",
    path_params=(
        "database_cluster_uuid",
        "logsink_id",
    ),
    query_params=(),
    success=200,
    body=LogsinkUpdate,
    result=None,
    facts=FACTS["databases_update_logsink"],
)

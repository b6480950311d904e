"""List the log sinks of a database cluster"""

from ..._facts import FACTS
from ...models.logsink_list import LogsinkList
from ...types import Operation

OPERATION = Operation(
    name="databases_list_logsink",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/logsink",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=None,
    result=LogsinkList,
    facts=FACTS["databases_list_logsink"],
)

"""List the events of a database cluster"""

from ..._facts import FACTS
from ...models.database_event_list import DatabaseEventList
from ...types import Operation

OPERATION = Operation(
    name="databases_list_events_logs",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/events",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=None,
    result=DatabaseEventList,
    facts=FACTS["databases_list_events_logs"],
)

"""Get one log sink of a database cluster"""

from ..._facts import FACTS
from ...models.logsink import Logsink
from ...types import Operation

OPERATION = Operation(
    name="databases_get_logsink",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/logsink/{logsink_id}",
    path_params=(
        "database_cluster_uuid",
        "logsink_id",
    ),
    query_params=(),
    success=200,
    body=None,
    result=Logsink,
    facts=FACTS["databases_get_logsink"],
)

"""Get the SQL modes of a MySQL cluster"""

from ..._facts import FACTS
from ...models.database_sql_mode import DatabaseSqlMode
from ...types import Operation

OPERATION = Operation(
    name="databases_get_sql_mode",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/sql_mode",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=None,
    result=DatabaseSqlMode,
    facts=FACTS["databases_get_sql_mode"],
)

"""Set the SQL modes of a MySQL cluster"""

from ..._facts import FACTS
from ...models.database_sql_mode import DatabaseSqlMode
from ...types import Operation

OPERATION = Operation(
    name="databases_update_sql_mode",
    method="PUT",
    path="/v2/databases/{database_cluster_uuid}/sql_mode",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=204,
    body=DatabaseSqlMode,
    result=None,
    facts=FACTS["databases_update_sql_mode"],
)

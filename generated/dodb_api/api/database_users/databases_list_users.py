"""List the users of a database cluster"""

from ..._facts import FACTS
from ...models.database_user_list import DatabaseUserList
from ...types import Operation

OPERATION = Operation(
    name="databases_list_users",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/users",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=None,
    result=DatabaseUserList,
    facts=FACTS["databases_list_users"],
)

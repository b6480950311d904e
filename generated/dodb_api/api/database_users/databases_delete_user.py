"""Remove a user from a database cluster"""

from ..._facts import FACTS
from ...types import Operation

OPERATION = Operation(
    name="databases_delete_user",
    method="DELETE",
    path="/v2/databases/{database_cluster_uuid}/users/{username}",
    path_params=(
        "database_cluster_uuid",
        "username",
    ),
    query_params=(),
    success=204,
    body=None,
    result=None,
    facts=FACTS["databases_delete_user"],
)

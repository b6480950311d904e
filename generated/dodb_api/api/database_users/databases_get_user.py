"""Get one user of a database cluster"""

from ..._facts import FACTS
from ...models.database_user_envelope import DatabaseUserEnvelope
from ...types import Operation

OPERATION = Operation(
    name="databases_get_user",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/users/{username}",
    path_params=(
        "database_cluster_uuid",
        "username",
    ),
    query_params=(),
    success=200,
    body=None,
    result=DatabaseUserEnvelope,
    facts=FACTS["databases_get_user"],
)

"""Change the settings of a database user"""

from ..._facts import FACTS
from ...models.database_user_envelope import DatabaseUserEnvelope
from ...models.database_user_update import DatabaseUserUpdate
from ...types import Operation

OPERATION = Operation(
    name="databases_update_user",
    method="PUT",
    path="/v2/databases/{database_cluster_uuid}/users/{username}",
    path_params=(
        "database_cluster_uuid",
        "username",
    ),
    query_params=(),
    success=201,
    body=DatabaseUserUpdate,
    result=DatabaseUserEnvelope,
    facts=FACTS["databases_update_user"],
)

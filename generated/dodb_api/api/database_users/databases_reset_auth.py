"""Reset a database user's password or MySQL auth plugin"""

from ..._facts import FACTS
from ...models.database_user_envelope import DatabaseUserEnvelope
from ...models.database_user_reset_auth import DatabaseUserResetAuth
from ...types import Operation

OPERATION = Operation(
    name="databases_reset_auth",
    method="POST",
    path="/v2/databases/{database_cluster_uuid}/users/{username}/reset_auth",
    path_params=(
        "database_cluster_uuid",
        "username",
    ),
    query_params=(),
    success=200,
    body=DatabaseUserResetAuth,
    result=DatabaseUserEnvelope,
    facts=FACTS["databases_reset_auth"],
)

"""Add a user to a database cluster"""

from ..._facts import FACTS
from ...models.database_user_create import DatabaseUserCreate
from ...models.database_user_envelope import DatabaseUserEnvelope
from ...types import Operation

OPERATION = Operation(
    name="databases_add_user",
    method="POST",
    path="/v2/databases/{database_cluster_uuid}/users",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=201,
    body=DatabaseUserCreate,
    result=DatabaseUserEnvelope,
    facts=FACTS["databases_add_user"],
)

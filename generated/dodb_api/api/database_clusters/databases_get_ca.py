"""Get the CA certificate of a database cluster"""

from ..._facts import FACTS
from ...models.database_ca_envelope import DatabaseCaEnvelope
from ...types import Operation

OPERATION = Operation(
    name="databases_get_ca",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/ca",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=None,
    result=DatabaseCaEnvelope,
    facts=FACTS["databases_get_ca"],
)

"""Delete a subject from a Kafka cluster's registry"""

from ..._facts import FACTS
from ...types import Operation

OPERATION = Operation(
    name="databases_delete_kafka_schema",
    method="DELETE",
    path="/v2/databases/{database_cluster_uuid}/schema-registry/{subject_name}",
    path_params=(
        "database_cluster_uuid",
        "subject_name",
    ),
    query_params=(),
    success=204,
    body=None,
    result=None,
    facts=FACTS["databases_delete_kafka_schema"],
)

"""Get the latest schema of a subject"""

from ..._facts import FACTS
from ...models.kafka_schema_version import KafkaSchemaVersion
from ...types import Operation

OPERATION = Operation(
    name="databases_get_kafka_schema",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/schema-registry/{subject_name}",
    path_params=(
        "database_cluster_uuid",
        "subject_name",
    ),
    query_params=(),
    success=200,
    body=None,
    result=KafkaSchemaVersion,
    facts=FACTS["databases_get_kafka_schema"],
)

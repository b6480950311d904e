"""Get one version of a subject's schema"""

from ..._facts import FACTS
from ...models.kafka_schema_version import KafkaSchemaVersion
from ...types import Operation

OPERATION = Operation(
    name="databases_get_kafka_schema_version",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/schema-registry/{subject_name}/versions/{version}",
    path_params=(
        "database_cluster_uuid",
        "subject_name",
        "version",
    ),
    query_params=(),
    success=200,
    body=None,
    result=KafkaSchemaVersion,
    facts=FACTS["databases_get_kafka_schema_version"],
)

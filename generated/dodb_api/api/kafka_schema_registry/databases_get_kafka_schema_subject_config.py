"""Get a subject's compatibility level"""

from ..._facts import FACTS
from ...models.kafka_schema_subject_config import KafkaSchemaSubjectConfig
from ...types import Operation

OPERATION = Operation(
    name="databases_get_kafka_schema_subject_config",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/schema-registry/config/{subject_name}",
    path_params=(
        "database_cluster_uuid",
        "subject_name",
    ),
    query_params=(),
    success=200,
    body=None,
    result=KafkaSchemaSubjectConfig,
    facts=FACTS["databases_get_kafka_schema_subject_config"],
)

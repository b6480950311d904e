"""Set a subject's compatibility level"""

from ..._facts import FACTS
from ...models.kafka_schema_registry_config import KafkaSchemaRegistryConfig
from ...models.kafka_schema_subject_config import KafkaSchemaSubjectConfig
from ...types import Operation

OPERATION = Operation(
    name="databases_update_kafka_schema_subject_config",
    method="PUT",
    path="/v2/databases/{database_cluster_uuid}/schema-registry/config/{subject_name}",
    path_params=(
        "database_cluster_uuid",
        "subject_name",
    ),
    query_params=(),
    success=200,
    body=KafkaSchemaRegistryConfig,
    result=KafkaSchemaSubjectConfig,
    facts=FACTS["databases_update_kafka_schema_subject_config"],
)

"""Set the registry's default compatibility level"""

from ..._facts import FACTS
from ...models.kafka_schema_registry_config import KafkaSchemaRegistryConfig
from ...types import Operation

OPERATION = Operation(
    name="databases_update_kafka_schema_config",
    method="PUT",
    path="/v2/databases/{database_cluster_uuid}/schema-registry/config",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=KafkaSchemaRegistryConfig,
    result=KafkaSchemaRegistryConfig,
    facts=FACTS["databases_update_kafka_schema_config"],
)

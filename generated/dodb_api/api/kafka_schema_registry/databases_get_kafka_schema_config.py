"""Get the registry's default compatibility level"""

from ..._facts import FACTS
from ...models.kafka_schema_registry_config import KafkaSchemaRegistryConfig
from ...types import Operation

OPERATION = Operation(
    name="databases_get_kafka_schema_config",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/schema-registry/config",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=None,
    result=KafkaSchemaRegistryConfig,
    facts=FACTS["databases_get_kafka_schema_config"],
)

"""Register a schema in a Kafka cluster's registry"""

from ..._facts import FACTS
from ...models.kafka_schema import KafkaSchema
from ...models.kafka_schema_create import KafkaSchemaCreate
from ...types import Operation

OPERATION = Operation(
    name="databases_create_kafka_schema",
    method="POST",
    path="/v2/databases/{database_cluster_uuid}/schema-registry",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=201,
    body=KafkaSchemaCreate,
    result=KafkaSchema,
    facts=FACTS["databases_create_kafka_schema"],
)

"""List the schemas of a Kafka cluster's registry"""

from ..._facts import FACTS
from ...models.kafka_schema_list import KafkaSchemaList
from ...types import Operation

OPERATION = Operation(
    name="databases_list_kafka_schemas",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/schema-registry",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=None,
    result=KafkaSchemaList,
    facts=FACTS["databases_list_kafka_schemas"],
)

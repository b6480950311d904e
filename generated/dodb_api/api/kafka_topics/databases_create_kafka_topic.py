"""Create a topic in a Kafka cluster"""

from ..._facts import FACTS
from ...models.kafka_topic_create import KafkaTopicCreate
from ...models.kafka_topic_envelope import KafkaTopicEnvelope
from ...types import Operation

OPERATION = Operation(
    name="databases_create_kafka_topic",
    method="POST",
    path="/v2/databases/{database_cluster_uuid}/topics",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=201,
    body=KafkaTopicCreate,
    result=KafkaTopicEnvelope,
    facts=FACTS["databases_create_kafka_topic"],
)

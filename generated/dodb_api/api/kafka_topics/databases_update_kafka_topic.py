"""Change a topic of a Kafka cluster"""

from ..._facts import FACTS
from ...models.kafka_topic_envelope import KafkaTopicEnvelope
from ...models.kafka_topic_update import KafkaTopicUpdate
from ...types import Operation

OPERATION = Operation(
    name="databases_update_kafka_topic",
    method="PUT",
    path="/v2/databases/{database_cluster_uuid}/topics/{topic_name}",
    path_params=(
        "database_cluster_uuid",
        "topic_name",
    ),
    query_params=(),
    success=200,
    body=KafkaTopicUpdate,
    result=KafkaTopicEnvelope,
    facts=FACTS["databases_update_kafka_topic"],
)

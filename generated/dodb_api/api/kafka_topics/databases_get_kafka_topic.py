"""Get one topic of a Kafka cluster"""

from ..._facts import FACTS
from ...models.kafka_topic_envelope import KafkaTopicEnvelope
from ...types import Operation

OPERATION = Operation(
    name="databases_get_kafka_topic",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/topics/{topic_name}",
    path_params=(
        "database_cluster_uuid",
        "topic_name",
    ),
    query_params=(),
    success=200,
    body=None,
    result=KafkaTopicEnvelope,
    facts=FACTS["databases_get_kafka_topic"],
)

"""List the topics of a Kafka cluster"""

from ..._facts import FACTS
from ...models.kafka_topic_list import KafkaTopicList
from ...types import Operation

OPERATION = Operation(
    name="databases_list_kafka_topics",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/topics",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=None,
    result=KafkaTopicList,
    facts=FACTS["databases_list_kafka_topics"],
)

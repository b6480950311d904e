"""Delete a topic of a Kafka cluster"""

from ..._facts import FACTS
from ...types import Operation

OPERATION = Operation(
    name="databases_delete_kafka_topic",
    method="DELETE",
    path="/v2/databases/{database_cluster_uuid}/topics/{topic_name}",
    path_params=(
        "database_cluster_uuid",
        "topic_name",
    ),
    query_params=(),
    success=204,
    body=None,
    result=None,
    facts=FACTS["databases_delete_kafka_topic"],
)

"""The operations tagged kafka_topics, by operationId."""

from .databases_create_kafka_topic import OPERATION as databases_create_kafka_topic
from .databases_delete_kafka_topic import OPERATION as databases_delete_kafka_topic
from .databases_get_kafka_topic import OPERATION as databases_get_kafka_topic
from .databases_list_kafka_topics import OPERATION as databases_list_kafka_topics
from .databases_update_kafka_topic import OPERATION as databases_update_kafka_topic

__all__ = [
    "databases_create_kafka_topic",
    "databases_delete_kafka_topic",
    "databases_get_kafka_topic",
    "databases_list_kafka_topics",
    "databases_update_kafka_topic",
]

"""Kafka clusters' topics (`/topics`) and schema registry (`/schema-registry`).

Topics: a name in Kafka's own form, a replication factor no larger than the cluster's
node count, partitions that can only grow, and each topic's configuration from the
defaults the spec gives it. Schema registry: each subject keeps its versions; a schema
registered again in its subject is the same version; ids count per cluster.
Compatibility levels are kept (global and per subject), not enforced.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

import attrs

from dodb_api.models import (
    KafkaSchemaCompatibility,
    KafkaSchemaCreate,
    KafkaSchemaRegistryConfig,
    KafkaSchemaType,
    KafkaTopicConfig,
    KafkaTopicCreate,
    KafkaTopicState,
    KafkaTopicUpdate,
)

from ._resource import (
    Backend,
    Whole,
    changeable,
    check_limits,
    defaults,
    on_engines,
    part,
    plain,
    read,
)
from ._state import KAFKA, Cluster, Store, _object, not_found, unprocessable

_TOPICS: Final = "kafka-topics"
_REGISTRY: Final = "kafka-schemas"
_TOPIC_NAME: Final = re.compile(r"[A-Za-z0-9._-]{1,249}")
"""Kafka's rule for topic names."""
DEFAULT_PARTITIONS: Final = 3
DEFAULT_REPLICATION: Final = 2
"""A new topic's partitions and replicas when none are asked for (the emulator's choice)."""
DEFAULT_COMPATIBILITY: Final = KafkaSchemaCompatibility.BACKWARD
"""The schema registry's default compatibility level (Confluent's, which Karapace keeps)."""
_JSON_SCHEMAS: Final = (KafkaSchemaType.AVRO, KafkaSchemaType.JSON)
"""Schema types written as JSON documents (Protobuf's are `.proto` text)."""


def _kafka(store: Store, cluster_id: str, what: str) -> Cluster:
    return on_engines(store, cluster_id, [KAFKA.value], what)


# Topics ---------------------------------------------------------------------------------


def _topics(cluster: Cluster) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = part(cluster, _TOPICS, dict)
    return found


def _topic(store: Store, cluster_id: str, name: str) -> tuple[Cluster, dict[str, Any]]:
    cluster = _kafka(store, cluster_id, "Topics")
    topic = _topics(cluster).get(name)
    if topic is None:
        raise not_found()
    return cluster, topic


def _verbose(topic: dict[str, Any]) -> dict[str, Any]:
    """A topic as get, create and update show it: partitions and configuration."""
    return {
        "name": topic["name"],
        "state": KafkaTopicState.ACTIVE.value,
        "replication_factor": topic["replication_factor"],
        "partitions": [
            {
                "id": index,
                "size": 0,
                "in_sync_replicas": topic["replication_factor"],
                "earliest_offset": 0,
                "consumer_groups": [],
            }
            for index in range(topic["partition_count"])
        ],
        "config": dict(topic["config"]),
    }


def _check_counts(cluster: Cluster, replication: int | None, partitions: int | None) -> None:
    nodes = cluster.spec.num_nodes
    if replication is not None and not 1 <= replication <= nodes:
        raise unprocessable(
            f"replication_factor must be between 1 and the cluster's {nodes} nodes, "
            f"not {replication}"
        )
    if partitions is not None and partitions < 1:
        raise unprocessable(f"partition_count must be at least 1, not {partitions}")


def _config(body: dict[str, Any], old: dict[str, Any]) -> dict[str, Any]:
    sent = body.get("config")
    if sent is None:
        return old
    check_limits(KafkaTopicConfig.__name__, sent, "config")
    return {**old, **{k: v for k, v in _object(sent, "config").items() if v is not None}}


def list_topics(store: Store, cluster_id: str) -> list[dict[str, Any]]:
    cluster = _kafka(store, cluster_id, "Topics")
    return [
        {
            "name": t["name"],
            "state": KafkaTopicState.ACTIVE.value,
            "replication_factor": t["replication_factor"],
            "partition_count": t["partition_count"],
        }
        for t in _topics(cluster).values()
    ]


def get_topic(store: Store, cluster_id: str, name: str) -> dict[str, Any]:
    return _verbose(_topic(store, cluster_id, name)[1])


def create_topic(store: Store, cluster_id: str, body: Any) -> dict[str, Any]:
    cluster = changeable(store, _kafka(store, cluster_id, "Topics"))
    request: KafkaTopicCreate = read(KafkaTopicCreate, body)
    if not _TOPIC_NAME.fullmatch(request.name) or request.name in (".", ".."):
        raise unprocessable("name must be 1 to 249 letters, digits, '.', '_' or '-'")
    if request.name in _topics(cluster):
        raise unprocessable(f"a topic named {request.name!r} already exists")
    _check_counts(cluster, request.replication_factor, request.partition_count)
    replication = request.replication_factor or min(DEFAULT_REPLICATION, cluster.spec.num_nodes)
    topic = {
        "name": request.name,
        "replication_factor": replication,
        "partition_count": request.partition_count or DEFAULT_PARTITIONS,
        "config": _config(plain(KafkaTopicCreate, body), defaults(KafkaTopicConfig.__name__)),
    }
    _topics(cluster)[request.name] = topic
    return _verbose(topic)


def update_topic(store: Store, cluster_id: str, name: str, body: Any) -> dict[str, Any]:
    cluster, topic = _topic(store, cluster_id, name)
    changeable(store, cluster)
    request: KafkaTopicUpdate = read(KafkaTopicUpdate, body)
    _check_counts(cluster, request.replication_factor, request.partition_count)
    partitions = request.partition_count
    if partitions is not None and partitions < topic["partition_count"]:
        raise unprocessable(
            f"partition_count can only grow: the topic has {topic['partition_count']}, "
            f"not {partitions}"
        )
    topic["config"] = _config(plain(KafkaTopicUpdate, body), topic["config"])
    if partitions is not None:
        topic["partition_count"] = partitions
    if request.replication_factor is not None:
        topic["replication_factor"] = request.replication_factor
    return _verbose(topic)


def delete_topic(store: Store, cluster_id: str, name: str) -> None:
    cluster, _ = _topic(store, cluster_id, name)
    del _topics(changeable(store, cluster))[name]


# Schema registry ---------------------------------------------------------------------


@attrs.define
class _Registry:
    subjects: dict[str, list[dict[str, Any]]] = attrs.field(factory=dict)
    """Each subject's versions, oldest first."""
    levels: dict[str, str] = attrs.field(factory=dict)
    """Subjects' own compatibility levels."""
    level: str = DEFAULT_COMPATIBILITY.value
    next_id: int = 1


def _registry(store: Store, cluster_id: str) -> _Registry:
    return part(_kafka(store, cluster_id, "Schema registries"), _REGISTRY, _Registry)


def _versions(registry: _Registry, subject: str) -> list[dict[str, Any]]:
    versions = registry.subjects.get(subject)
    if not versions:
        raise not_found()
    return versions


def _with_version(schema: dict[str, Any], index: int) -> Whole:
    return Whole({**schema, "version": str(index + 1)})


def create_schema(store: Store, cluster_id: str, body: Any) -> dict[str, Any]:
    registry = _registry(store, cluster_id)
    request: KafkaSchemaCreate = read(KafkaSchemaCreate, body)
    if request.schema_type in _JSON_SCHEMAS:
        try:
            json.loads(request.schema)
        except ValueError:
            raise unprocessable(
                f"schema is not valid JSON, as a {request.schema_type.value} schema must be"
            ) from None
    versions = registry.subjects.setdefault(request.subject_name, [])
    for existing in versions:
        if (existing["schema"], existing["schema_type"]) == (
            request.schema,
            request.schema_type.value,
        ):
            return dict(existing)
    schema = {
        "schema_id": registry.next_id,
        "subject_name": request.subject_name,
        "schema_type": request.schema_type.value,
        "schema": request.schema,
    }
    registry.next_id += 1
    versions.append(schema)
    return dict(schema)


def list_schemas(store: Store, cluster_id: str) -> list[dict[str, Any]]:
    registry = _registry(store, cluster_id)
    return [dict(versions[-1]) for versions in registry.subjects.values() if versions]


def get_schema(store: Store, cluster_id: str, subject: str) -> Whole:
    versions = _versions(_registry(store, cluster_id), subject)
    return _with_version(versions[-1], len(versions) - 1)


def get_schema_version(store: Store, cluster_id: str, subject: str, version: str) -> Whole:
    versions = _versions(_registry(store, cluster_id), subject)
    if version == "latest":
        return _with_version(versions[-1], len(versions) - 1)
    if not version.isdigit() or not 1 <= int(version) <= len(versions):
        raise not_found()
    return _with_version(versions[int(version) - 1], int(version) - 1)


def delete_schema(store: Store, cluster_id: str, subject: str) -> None:
    registry = _registry(store, cluster_id)
    _versions(registry, subject)
    del registry.subjects[subject]
    registry.levels.pop(subject, None)


def get_registry_config(store: Store, cluster_id: str) -> str:
    return _registry(store, cluster_id).level


def update_registry_config(store: Store, cluster_id: str, body: Any) -> str:
    registry = _registry(store, cluster_id)
    level: KafkaSchemaCompatibility = read(KafkaSchemaRegistryConfig, body).compatibility_level
    registry.level = level.value
    return registry.level


def get_subject_config(store: Store, cluster_id: str, subject: str) -> Whole:
    """A subject's own level, or the registry's where it has none (the emulator's
    choice: Confluent's registry answers 404 then, unless asked for the default)."""
    registry = _registry(store, cluster_id)
    _versions(registry, subject)
    level = registry.levels.get(subject, registry.level)
    return Whole({"subject_name": subject, "compatibility_level": level})


def update_subject_config(store: Store, cluster_id: str, subject: str, body: Any) -> Whole:
    registry = _registry(store, cluster_id)
    _versions(registry, subject)
    level: KafkaSchemaCompatibility = read(KafkaSchemaRegistryConfig, body).compatibility_level
    registry.levels[subject] = level.value
    return Whole({"subject_name": subject, "compatibility_level": level.value})


ROWS: Final[dict[str, Backend]] = {
    "databases_list_kafka_topics": lambda store, cluster, body: list_topics(store, cluster),
    "databases_create_kafka_topic": lambda s, cluster, body: create_topic(s, cluster, body),
    "databases_get_kafka_topic": lambda s, cluster, name, body: get_topic(s, cluster, name),
    "databases_update_kafka_topic": lambda s, c, name, body: update_topic(s, c, name, body),
    "databases_delete_kafka_topic": lambda s, c, name, body: delete_topic(s, c, name),
    "databases_list_kafka_schemas": lambda store, cluster, body: list_schemas(store, cluster),
    "databases_create_kafka_schema": lambda s, cluster, body: create_schema(s, cluster, body),
    "databases_get_kafka_schema": lambda s, c, subject, body: get_schema(s, c, subject),
    "databases_get_kafka_schema_version": lambda s, c, subject, version, body: get_schema_version(
        s, c, subject, version
    ),
    "databases_delete_kafka_schema": lambda s, c, subject, body: delete_schema(s, c, subject),
    "databases_get_kafka_schema_config": lambda s, c, body: get_registry_config(s, c),
    "databases_update_kafka_schema_config": lambda s, c, body: update_registry_config(s, c, body),
    "databases_get_kafka_schema_subject_config": lambda s, c, subject, body: get_subject_config(
        s, c, subject
    ),
    "databases_update_kafka_schema_subject_config": lambda s, c, subject, body: (
        update_subject_config(s, c, subject, body)
    ),
}

"""dodb's typed calls (`client.databases.<resource>.<verb>`) on the emulator: each
returns the spec's model, read from the emulator's stateful answers."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

import dodb
from dodb.emulator import CLUSTER_IDS, Emulator
from dodb_api.models import (
    ConnectionPool,
    DatabaseCluster,
    FirewallRule,
    KafkaTopicVerbose,
)

PG, MYSQL, KAFKA = CLUSTER_IDS["pg"], CLUSTER_IDS["mysql"], CLUSTER_IDS["kafka"]


@pytest.fixture
def client() -> Iterator[dodb.Client]:
    with Emulator(change_delay=0.1) as emulator:
        yield emulator.client()


def test_typed_clusters_databases_and_pools(client: dodb.Client) -> None:
    databases = client.databases
    made = databases.clusters.create(
        "typed-shop", engine="pg", num_nodes=1, size="db-s-1vcpu-2gb", region="nyc3"
    )
    assert isinstance(made, DatabaseCluster)
    assert made.status is not None
    assert made.status.value == "creating"
    time.sleep(0.15)
    assert databases.clusters.get(made.id).status.value == "online"  # type: ignore[union-attr]
    databases.dbs.add(made.id, "orders")
    assert [d.name for d in databases.dbs.list(made.id)] == ["defaultdb", "orders"]
    pool = databases.pools.add(made.id, "orders-pool", mode="transaction", size=5, db="orders")
    assert isinstance(pool, ConnectionPool)
    assert pool.connection is not None
    assert pool.connection.port == 25061
    databases.pools.update(made.id, "orders-pool", mode="session", size=6, db="orders")
    assert databases.pools.get(made.id, "orders-pool").size == 6
    databases.firewall.update(made.id, rules=[("ip_addr", "192.0.2.9")])
    rules = databases.firewall.list(made.id)
    assert isinstance(rules[0], FirewallRule)
    assert rules[0].value == "192.0.2.9"
    assert databases.ca.get(made.id).certificate
    assert [e.event_type.value for e in databases.events.list(made.id)] == [  # type: ignore[union-attr]
        "cluster_create"
    ]
    databases.clusters.resize(made.id, size="db-s-2vcpu-4gb", num_nodes=1)
    assert databases.clusters.get(made.id).size == "db-s-2vcpu-4gb"
    databases.clusters.destroy(made.id)
    with pytest.raises(dodb.NotFoundError):
        databases.clusters.get(made.id)


def test_typed_engine_resources(client: dodb.Client) -> None:
    databases = client.databases
    topic = databases.kafka_topics.create(KAFKA, "events", partition_count=2)
    assert isinstance(topic, KafkaTopicVerbose)
    assert len(topic.partitions or ()) == 2
    assert [t.name for t in databases.kafka_topics.list(KAFKA)] == ["events"]
    databases.sql_mode.update(MYSQL, "ANSI")
    assert databases.sql_mode.get(MYSQL) == "ANSI"
    # The typed call's hint names the model, but the client takes the source as JSON.
    source = {"host": "source.example.invalid", "port": 5432}
    migration = databases.online_migration.start(PG, source)  # type: ignore[arg-type]
    assert migration.status is not None
    assert migration.status.value == "running"
    assert databases.online_migration.get(PG).id == migration.id
    assert databases.metrics_credentials.get().basic_auth_username
    assert databases.options.get().options is not None

"""The emulator's engine settings and engine-only resources over HTTP: advanced
configuration per engine, SQL mode (MySQL), eviction policy (Valkey), Kafka topics
and schema registry, OpenSearch indexes, log sinks and online migration.

Where DigitalOcean's documentation is silent, the test name says the rule is the
emulator's own choice.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from dodb.emulator import CLUSTER_IDS, Emulator
from dodb.emulator._transport import SyncASGITransport

PG, MYSQL, VALKEY = CLUSTER_IDS["pg"], CLUSTER_IDS["mysql"], CLUSTER_IDS["valkey"]
KAFKA, OPENSEARCH = CLUSTER_IDS["kafka"], CLUSTER_IDS["opensearch"]
DELAY = 0.3


@pytest.fixture
def api() -> Iterator[httpx.Client]:
    with (
        Emulator(change_delay=DELAY) as emulator,
        httpx.Client(
            transport=SyncASGITransport(emulator.app),
            base_url="http://localhost/v2/databases",
            headers={"Authorization": "Bearer t"},
        ) as client,
    ):
        yield client


def refused(response: httpx.Response, status: int = 422) -> str:
    assert response.status_code == status, response.text
    assert set(response.json()) == {"id", "message"}
    message: str = response.json()["message"]
    return message


# Advanced configuration ------------------------------------------------------------------


def test_a_config_starts_from_the_specs_defaults_and_a_patch_merges(api: httpx.Client) -> None:
    before = api.get(f"/{VALKEY}/config").json()["config"]
    assert before["valkey_timeout"] == 300
    patch = {"config": {"valkey_timeout": 600, "valkey_maxmemory_policy": "allkeys_lru"}}
    assert api.patch(f"/{VALKEY}/config", json=patch).status_code == 200
    after = api.get(f"/{VALKEY}/config").json()["config"]
    assert after == {**before, **patch["config"]}


def test_a_nested_setting_is_merged_one_level_down(api: httpx.Client) -> None:
    first = {"config": {"pgbouncer": {"min_pool_size": 1}, "work_mem": 8}}
    second = {"config": {"pgbouncer": {"server_idle_timeout": 30}}}
    api.patch(f"/{PG}/config", json=first).raise_for_status()
    api.patch(f"/{PG}/config", json=second).raise_for_status()
    config = api.get(f"/{PG}/config").json()["config"]
    assert config["pgbouncer"] == {"min_pool_size": 1, "server_idle_timeout": 30}
    assert config["work_mem"] == 8


@pytest.mark.parametrize(
    ("cluster", "config", "words"),
    [
        (PG, {"sql_require_primary_key": True}, "not a setting of PostgreSQL clusters"),
        (MYSQL, {"work_mem": 4}, "not a setting of MySQL clusters"),
        (PG, {"work_mem": "lots"}, "config.work_mem must be a whole number"),
        (PG, {"track_functions": "some"}, "must be one of"),
        (KAFKA, {"message_max_bytes": -1}, "config.message_max_bytes must be at least 0"),
        (PG, {"pgbouncer": {"pool": 1}}, "pgbouncer.pool is not a known field"),
    ],
)
def test_a_config_patch_is_read_against_the_engines_schema(
    api: httpx.Client, cluster: str, config: dict[str, object], words: str
) -> None:
    before = api.get(f"/{cluster}/config").json()
    assert words in refused(api.patch(f"/{cluster}/config", json={"config": config}))
    assert api.get(f"/{cluster}/config").json() == before


def test_a_config_change_is_an_event(api: httpx.Client) -> None:
    api.patch(f"/{MYSQL}/config", json={"config": {"wait_timeout": 300}}).raise_for_status()
    assert [e["event_type"] for e in api.get(f"/{MYSQL}/events").json()["events"]] == [
        "cluster_update"
    ]


# SQL mode and eviction policy ------------------------------------------------------------------


def test_the_sql_mode_is_mysqls_only_and_checked(api: httpx.Client) -> None:
    default = api.get(f"/{MYSQL}/sql_mode").json()["sql_mode"]
    assert default.split(",")[0] == "ANSI"
    new = {"sql_mode": "ONLY_FULL_GROUP_BY,strict_trans_tables"}
    assert api.put(f"/{MYSQL}/sql_mode", json=new).status_code == 204
    got = api.get(f"/{MYSQL}/sql_mode").json()
    assert got == {"sql_mode": "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES"}
    assert "not MySQL SQL modes: FAST" in refused(
        api.put(f"/{MYSQL}/sql_mode", json={"sql_mode": "FAST"})
    )
    assert "only supported on MySQL clusters, not PostgreSQL" in refused(api.get(f"/{PG}/sql_mode"))


def test_the_eviction_policy_is_valkeys_only(api: httpx.Client) -> None:
    assert api.get(f"/{VALKEY}/eviction_policy").json() == {"eviction_policy": "noeviction"}
    new = {"eviction_policy": "allkeys_lru"}
    assert api.put(f"/{VALKEY}/eviction_policy", json=new).status_code == 204
    assert api.get(f"/{VALKEY}/eviction_policy").json() == new
    # The same setting as the configuration's valkey_maxmemory_policy.
    assert api.get(f"/{VALKEY}/config").json()["config"]["valkey_maxmemory_policy"] == "allkeys_lru"
    patch = {"config": {"valkey_maxmemory_policy": "volatile_ttl"}}
    api.patch(f"/{VALKEY}/config", json=patch).raise_for_status()
    assert api.get(f"/{VALKEY}/eviction_policy").json() == {"eviction_policy": "volatile_ttl"}
    assert "must be one of" in refused(
        api.put(f"/{VALKEY}/eviction_policy", json={"eviction_policy": "random"})
    )
    assert "only supported on Redis and Valkey clusters" in refused(
        api.get(f"/{PG}/eviction_policy")
    )


# Kafka ---------------------------------------------------------------------------------


def test_a_topic_is_made_changed_and_deleted(api: httpx.Client) -> None:
    made = api.post(f"/{KAFKA}/topics", json={"name": "orders", "partition_count": 2})
    assert made.status_code == 201, made.text
    topic = made.json()["topic"]
    assert (topic["name"], topic["state"], topic["replication_factor"]) == ("orders", "active", 2)
    assert [p["id"] for p in topic["partitions"]] == [0, 1]
    assert topic["config"]["cleanup_policy"] == "delete"  # the spec's default
    assert api.get(f"/{KAFKA}/topics").json() == {
        "topics": [
            {"name": "orders", "state": "active", "replication_factor": 2, "partition_count": 2}
        ]
    }
    change = {"partition_count": 4, "config": {"retention_ms": 1000}}
    updated = api.put(f"/{KAFKA}/topics/orders", json=change).json()["topic"]
    assert len(updated["partitions"]) == 4
    assert updated["config"]["retention_ms"] == 1000
    assert updated["config"]["cleanup_policy"] == "delete"
    assert api.get(f"/{KAFKA}/topics/orders").json()["topic"] == updated
    assert api.delete(f"/{KAFKA}/topics/orders").status_code == 204
    refused(api.get(f"/{KAFKA}/topics/orders"), 404)


def test_topic_rules(api: httpx.Client) -> None:
    api.post(f"/{KAFKA}/topics", json={"name": "t", "partition_count": 3}).raise_for_status()
    assert "can only grow" in refused(api.put(f"/{KAFKA}/topics/t", json={"partition_count": 2}))
    assert "between 1 and the cluster's 3 nodes" in refused(
        api.post(f"/{KAFKA}/topics", json={"name": "u", "replication_factor": 4})
    )
    assert "already exists" in refused(api.post(f"/{KAFKA}/topics", json={"name": "t"}))
    assert "letters, digits" in refused(api.post(f"/{KAFKA}/topics", json={"name": "a b"}))
    assert "must be one of" in refused(
        api.post(f"/{KAFKA}/topics", json={"name": "v", "config": {"cleanup_policy": "never"}})
    )
    assert "Topics are only supported on Kafka clusters" in refused(api.get(f"/{PG}/topics"))


def test_the_schema_registry_keeps_versions(api: httpx.Client) -> None:
    first = {"subject_name": "orders-value", "schema_type": "JSON", "schema": '{"type":"object"}'}
    made = api.post(f"/{KAFKA}/schema-registry", json=first)
    assert made.status_code == 201, made.text
    assert made.json() == {**first, "schema_id": 1}
    assert api.post(f"/{KAFKA}/schema-registry", json=first).json()["schema_id"] == 1
    second = {**first, "schema": '{"type":"object","required":["id"]}'}
    assert api.post(f"/{KAFKA}/schema-registry", json=second).json()["schema_id"] == 2
    latest = api.get(f"/{KAFKA}/schema-registry/orders-value").json()
    assert (latest["version"], latest["schema"]) == ("2", second["schema"])
    one = api.get(f"/{KAFKA}/schema-registry/orders-value/versions/1").json()
    assert (one["version"], one["schema_id"]) == ("1", 1)
    refused(api.get(f"/{KAFKA}/schema-registry/orders-value/versions/3"), 404)
    listed = api.get(f"/{KAFKA}/schema-registry").json()["subjects"]
    assert [(s["subject_name"], s["schema_id"]) for s in listed] == [("orders-value", 2)]
    bad = {**first, "schema_type": "AVRO", "schema": "record {"}
    assert "not valid JSON" in refused(api.post(f"/{KAFKA}/schema-registry", json=bad))
    assert api.delete(f"/{KAFKA}/schema-registry/orders-value").status_code == 204
    refused(api.get(f"/{KAFKA}/schema-registry/orders-value"), 404)


def test_compatibility_levels_global_and_per_subject(api: httpx.Client) -> None:
    assert api.get(f"/{KAFKA}/schema-registry/config").json() == {"compatibility_level": "BACKWARD"}
    full = {"compatibility_level": "FULL"}
    assert api.put(f"/{KAFKA}/schema-registry/config", json=full).json() == full
    subject = {"subject_name": "s", "schema_type": "PROTOBUF", "schema": "message M {}"}
    api.post(f"/{KAFKA}/schema-registry", json=subject).raise_for_status()
    # The emulator's choice: a subject without its own level shows the registry's.
    assert api.get(f"/{KAFKA}/schema-registry/config/s").json() == {
        "subject_name": "s",
        "compatibility_level": "FULL",
    }
    none = {"compatibility_level": "NONE"}
    assert api.put(f"/{KAFKA}/schema-registry/config/s", json=none).json() == {
        "subject_name": "s",
        "compatibility_level": "NONE",
    }
    assert api.get(f"/{KAFKA}/schema-registry/config/s").json()["compatibility_level"] == "NONE"
    refused(api.get(f"/{KAFKA}/schema-registry/config/missing"), 404)


# OpenSearch --------------------------------------------------------------------------------


def test_opensearch_indexes_are_listed_and_deleted(api: httpx.Client) -> None:
    names = [i["index_name"] for i in api.get(f"/{OPENSEARCH}/indexes").json()["indexes"]]
    assert names
    assert api.delete(f"/{OPENSEARCH}/indexes/{names[0]}").status_code == 204
    left = [i["index_name"] for i in api.get(f"/{OPENSEARCH}/indexes").json()["indexes"]]
    assert left == names[1:]
    refused(api.delete(f"/{OPENSEARCH}/indexes/{names[0]}"), 404)
    assert "only supported on OpenSearch clusters" in refused(api.get(f"/{PG}/indexes"))


# Log sinks ----------------------------------------------------------------------------------

RSYSLOG = {"server": "logs.example.invalid", "port": 514, "tls": False, "format": "rfc5424"}


def test_a_log_sink_is_made_read_changed_and_deleted(api: httpx.Client) -> None:
    body = {"sink_name": "logs", "sink_type": "rsyslog", "config": RSYSLOG}
    made = api.post(f"/{PG}/logsink", json=body)
    assert made.status_code == 201, made.text
    sink = made.json()["sink"]
    assert {k: sink[k] for k in body} == body
    sink_id = sink["sink_id"]
    assert api.get(f"/{PG}/logsink/{sink_id}").json() == sink
    assert api.get(f"/{PG}/logsink").json() == {"sinks": [sink]}
    new = {"config": {**RSYSLOG, "port": 6514, "tls": True}}
    assert api.put(f"/{PG}/logsink/{sink_id}", json=new).status_code == 200
    assert api.get(f"/{PG}/logsink/{sink_id}").json()["config"]["port"] == 6514
    assert api.delete(f"/{PG}/logsink/{sink_id}").status_code == 200
    refused(api.get(f"/{PG}/logsink/{sink_id}"), 404)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"sink_type": "rsyslog", "config": {"server": "x"}}, "port is required"),
        (
            {"sink_type": "datadog", "config": {"site": "s", "datadog_api_key": "k", "tls": True}},
            "tls is not a known field",
        ),
        ({"sink_type": "rsyslog", "config": {**RSYSLOG, "port": 70000}}, "at most 65535"),
        ({"sink_type": "syslog-ng", "config": RSYSLOG}, "must be one of"),
    ],
)
def test_a_log_sink_config_is_read_against_its_types_schema(
    api: httpx.Client, body: dict[str, object], words: str
) -> None:
    assert words in refused(api.post(f"/{PG}/logsink", json={"sink_name": "s", **body}))
    assert api.get(f"/{PG}/logsink").json() == {"sinks": []}


def test_a_log_sink_hides_its_secrets_without_the_credentials_scope() -> None:
    tokens = {
        "full": {"database:create", "database:read", "database:view_credentials"},
        "plain": {"database:create", "database:read"},
    }
    with Emulator(tokens=tokens) as emulator:

        def client(token: str) -> httpx.Client:
            return httpx.Client(
                transport=SyncASGITransport(emulator.app),
                base_url="http://localhost/v2/databases",
                headers={"Authorization": f"Bearer {token}"},
            )

        key = "dd@key:/%#?+"
        body = {
            "sink_name": "dd",
            "sink_type": "datadog",
            "config": {"site": "datadoghq.eu", "datadog_api_key": key},
        }
        with client("full") as full, client("plain") as plain:
            made = full.post(f"/{PG}/logsink", json=body).json()["sink"]
            assert made["config"]["datadog_api_key"] == key
            seen = plain.get(f"/{PG}/logsink/{made['sink_id']}")
            assert key not in seen.text
            assert seen.json()["config"] == {"site": "datadoghq.eu"}


# Online migration ---------------------------------------------------------------------------

SOURCE = {"host": "source.example.invalid", "port": 5432, "dbname": "shop", "username": "u"}


def test_an_online_migration_runs_syncs_and_stops(api: httpx.Client) -> None:
    refused(api.get(f"/{PG}/online-migration"), 404)
    started = api.put(f"/{PG}/online-migration", json={"source": SOURCE})
    assert started.status_code == 200, started.text
    migration = started.json()
    assert migration["status"] == "running"
    assert "still going" in refused(api.put(f"/{PG}/online-migration", json={"source": SOURCE}))
    time.sleep(DELAY + 0.1)
    assert api.get(f"/{PG}/online-migration").json()["status"] == "syncing"
    refused(api.delete(f"/{PG}/online-migration/other"), 404)
    assert api.delete(f"/{PG}/online-migration/{migration['id']}").status_code == 204
    assert api.get(f"/{PG}/online-migration").json()["status"] == "canceled"
    again = api.put(f"/{PG}/online-migration", json={"source": SOURCE, "ignore_dbs": ["tmp"]})
    assert again.json()["id"] != migration["id"]


def test_online_migration_rules(api: httpx.Client) -> None:
    assert "source.host is required" in refused(
        api.put(f"/{PG}/online-migration", json={"source": {"port": 5432}})
    )
    assert "only supported on PostgreSQL, MySQL and Valkey clusters" in refused(
        api.put(f"/{KAFKA}/online-migration", json={"source": SOURCE})
    )

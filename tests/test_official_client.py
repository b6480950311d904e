"""The official Python client, which no one here wrote, against `dodb emulator`.

pydo checks each answer's status against the one DigitalOcean documents and
decodes the body its own way, so this checks the emulator's wire format (and
so the spec it follows) against a client we did not write. pydo is a test
dependency only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from dodb.emulator import CLUSTER_IDS, Emulator

pydo = pytest.importorskip("pydo")

# pydo refuses to send a token over plain http unless told, per call (azure-core).
PLAIN_HTTP = {"enforce_https": False}

# engine -> (options of an add, settings of an update) as raw bodies, as pydo's users write them
ENGINES: dict[str, tuple[dict[str, Any], dict[str, Any] | None]] = {
    "pg": ({"settings": {"pg_allow_replication": True}}, {"pg_allow_replication": False}),
    "mysql": ({"mysql_settings": {"auth_plugin": "mysql_native_password"}}, None),
    "mongodb": (
        {"settings": {"mongo_user_settings": {"databases": ["orders"], "role": "readOnly"}}},
        {"mongo_user_settings": {"databases": ["orders", "invoices"], "role": "readOnly"}},
    ),
    "kafka": (
        {"settings": {"acl": [{"topic": "events.*", "permission": "produce"}]}},
        {"acl": [{"topic": "billing", "permission": "consume"}]},
    ),
    "opensearch": (
        {"settings": {"opensearch_acl": [{"index": "logs-*", "permission": "read"}]}},
        {"opensearch_acl": [{"index": "logs-*", "permission": "readwrite"}]},
    ),
}


@pytest.fixture(scope="module")
def official() -> Iterator[Any]:
    emulator = Emulator()
    with emulator.running() as url:
        yield pydo.Client("official-token", endpoint=url)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_six_operations_through_the_official_client(official: Any, engine: str) -> None:
    cluster = CLUSTER_IDS[engine]
    options, new_settings = ENGINES[engine]
    db = official.databases

    added = db.add_user(cluster, {"name": "app-01", **options}, **PLAIN_HTTP)["user"]
    assert added["name"] == "app-01"
    assert added["role"] == "normal"
    assert added["password"]
    for key, value in options.items():
        if key == "settings":
            for setting, wanted in value.items():
                got = added["settings"][setting]
                if isinstance(wanted, list):  # ACLs: the server adds ids
                    got = [{k: v for k, v in item.items() if k != "id"} for item in got]
                assert got == wanted
        else:
            assert added[key] == value
    if engine == "kafka":
        assert added["access_cert"].startswith("-----BEGIN CERTIFICATE-----")
        assert "PRIVATE KEY" in added["access_key"]

    got = db.get_user(cluster, "app-01", **PLAIN_HTTP)["user"]
    assert got["password"] == added["password"]

    names = [u["name"] for u in db.list_users(cluster, **PLAIN_HTTP)["users"]]
    assert names == ["doadmin", "app-01"]

    if new_settings is not None:
        updated = db.update_user(cluster, "app-01", {"settings": new_settings}, **PLAIN_HTTP)
        assert set(updated["user"]["settings"]) == set(new_settings)

    reset_body = (
        {"mysql_settings": {"auth_plugin": "caching_sha2_password"}} if engine == "mysql" else {}
    )
    reset = db.reset_auth(cluster, "app-01", reset_body, **PLAIN_HTTP)["user"]
    assert reset["password"] != added["password"]
    if engine == "mysql":
        assert reset["mysql_settings"] == {"auth_plugin": "caching_sha2_password"}

    assert db.delete_user(cluster, "app-01", **PLAIN_HTTP) is None
    # pydo hands back the 404 body rather than raising: the emulator's error shape.
    missing = db.get_user(cluster, "app-01", **PLAIN_HTTP)
    assert missing["id"] == "not_found"
    assert isinstance(missing["message"], str)


def test_the_official_client_reads_the_emulators_error_body(official: Any) -> None:
    from azure.core.exceptions import HttpResponseError

    db = official.databases
    with pytest.raises(HttpResponseError) as info:
        db.add_user(CLUSTER_IDS["pg"], {"name": "x", "readonly": True}, **PLAIN_HTTP)
    assert info.value.status_code == 422
    assert "readonly applies only to mongodb clusters" in str(info.value.message)


def _params(method: Any) -> list[str]:
    """A method's named parameters, as a caller passes them (no self, no **kwargs)."""
    import inspect

    return [
        name
        for name, p in inspect.signature(method).parameters.items()
        if name != "self" and p.kind is not inspect.Parameter.VAR_KEYWORD
    ]


def test_every_operation_has_the_official_clients_name_and_parameters() -> None:
    """Each operation of the spec is a call of both clients, named and shaped as the
    official client names it (its generator: the operationId's group, then the rest in
    snake_case; path parameters by their spec names, `body` for a body)."""
    import pydo.operations

    from dodb import AsyncClient, Client
    from dodb_api._facts import FACTS

    official = pydo.operations.DatabasesOperations
    ours = (Client("t").databases, AsyncClient("t").databases)
    assert FACTS
    for facts in FACTS.values():
        group, _, name = facts.official.partition(".")
        assert group == "databases"
        theirs = getattr(official, name, None)
        assert theirs is not None, f"pydo has no databases.{name}"
        for databases in ours:
            assert _params(getattr(databases, name)) == _params(theirs), name


# Every operation ---------------------------------------------------------------------------

NEW_CLUSTER = {
    "name": "pydo-shop",
    "engine": "pg",
    "num_nodes": 1,
    "size": "db-s-1vcpu-2gb",
    "region": "nyc3",
}


def _response_schemas() -> dict[str, tuple[int, dict[str, Any] | None]]:
    """Each operationId's success status and the schema of its answer (None: no body),
    with the spec's components to resolve references against."""
    import yaml

    from dodb._spec import spec_text

    spec = yaml.safe_load(spec_text())
    found: dict[str, tuple[int, dict[str, Any] | None]] = {}
    for item in spec["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            code = min(c for c in operation["responses"] if str(c).startswith("2"))
            response = operation["responses"][code]
            while "$ref" in response:
                response = spec["components"]["responses"][response["$ref"].split("/")[-1]]
            media = (response.get("content") or {}).get("application/json")
            schema = None
            if media is not None:
                schema = {**media["schema"], "components": spec["components"]}
            found[operation["operationId"]] = (int(code), schema)
    return found


class Checked:
    """pydo's `databases` group, each call's answer checked: the spec's status, a body
    valid against the spec's schema, and made by a backend (no example answer)."""

    def __init__(self, client: Any) -> None:
        from dodb_api._facts import FACTS

        self.client = client
        self.schemas = _response_schemas()
        self.ids = {f.official.partition(".")[2]: f.operation_id for f in FACTS.values()}
        self.called: set[str] = set()

    def __getattr__(self, name: str) -> Any:
        import jsonschema

        method = getattr(self.client.databases, name)
        code, schema = self.schemas[self.ids[name]]

        def call(*args: Any, **kwargs: Any) -> Any:
            seen: dict[str, Any] = {}

            def keep(pipeline: Any, body: Any, headers: Any) -> Any:
                seen["status"] = pipeline.http_response.status_code
                seen["headers"] = pipeline.http_response.headers
                return body

            body = method(*args, cls=keep, **PLAIN_HTTP, **kwargs)
            assert seen["status"] == code, (name, seen["status"], body)
            assert "x-dodb-emulator" not in seen["headers"], name
            if schema is None:
                assert body is None, (name, body)
            else:
                jsonschema.validate(body, schema, cls=jsonschema.Draft202012Validator)
            self.called.add(name)
            return body

        return call


def _until(check: Any, what: str) -> None:
    import time

    deadline = time.monotonic() + 10
    while not check():
        assert time.monotonic() < deadline, f"never {what}"
        time.sleep(0.05)


def test_every_operation_through_the_official_client() -> None:
    """All 71 methods of pydo's `databases` group, against one emulator over HTTP."""
    with Emulator(change_delay=0.2) as emulator, emulator.running() as url:
        db = Checked(pydo.Client("official-token", endpoint=url))
        pg, mysql, kafka = CLUSTER_IDS["pg"], CLUSTER_IDS["mysql"], CLUSTER_IDS["kafka"]
        valkey, opensearch = CLUSTER_IDS["valkey"], CLUSTER_IDS["opensearch"]

        assert "pg" in db.list_options()["options"]
        made = db.create_cluster(NEW_CLUSTER)["database"]
        new = made["id"]
        assert made["status"] == "creating"
        _until(lambda: db.get_cluster(new)["database"]["status"] == "online", "online")
        assert new in [c["id"] for c in db.list_clusters()["databases"]]
        assert db.list_clusters(tag_name="none-such") == {"databases": []}
        assert db.get_ca(new)["ca"]["certificate"]

        # Users, databases, pools.
        db.add_user(new, {"name": "app"})
        assert [u["name"] for u in db.list_users(new)["users"]] == ["doadmin", "app"]
        assert db.get_user(new, "app")["user"]["role"] == "normal"
        db.update_user(new, "app", {"settings": {"pg_allow_replication": True}})
        db.reset_auth(new, "app", {})
        assert db.add(new, {"name": "orders"}) == {"db": {"name": "orders"}}
        assert [d["name"] for d in db.list(new)["dbs"]] == ["defaultdb", "orders"]
        assert db.get(new, "orders") == {"db": {"name": "orders"}}
        pool = {"name": "orders-pool", "mode": "transaction", "size": 5, "db": "orders"}
        assert db.add_connection_pool(new, {**pool, "user": "app"})["pool"]["size"] == 5
        assert len(db.list_connection_pools(new)["pools"]) == 1
        update = {"mode": "session", "size": 8, "db": "orders"}
        db.update_connection_pool(new, "orders-pool", update)
        assert db.get_connection_pool(new, "orders-pool")["pool"]["size"] == 8
        db.delete_connection_pool(new, "orders-pool")
        db.delete(new, "orders")
        db.delete_user(new, "app")

        # Access, maintenance, settings.
        db.update_firewall_rules(new, {"rules": [{"type": "ip_addr", "value": "192.0.2.1"}]})
        assert db.list_firewall_rules(new)["rules"][0]["value"] == "192.0.2.1"
        db.update_maintenance_window(new, {"day": "sunday", "hour": "03:00"})
        db.install_update(new)
        assert db.list_backups(new)["backups"]
        kinds = [e["event_type"] for e in db.list_events_logs(new)["events"]]
        assert kinds == ["cluster_create", "cluster_maintenance_perform"]
        db.update_autoscale(new, {"storage": {"enabled": True, "threshold_percent": 75}})
        assert db.get_autoscale(new)["autoscale"]["storage"]["enabled"] is True
        db.update_do_settings(new, {"do_settings": {"service_cnames": ["db.example.com"]}})
        assert db.get_do_settings(new)["do_settings"]["service_cnames"] == ["db.example.com"]
        db.patch_config(new, {"config": {"work_mem": 16}})
        assert db.get_config(new)["config"]["work_mem"] == 16
        credentials = {"basic_auth_username": "prom", "basic_auth_password": "p@ss:/%#?+"}
        db.update_cluster_metrics_credentials({"credentials": credentials})
        assert db.get_cluster_metrics_credentials() == {"credentials": credentials}
        db.update_major_version(pg, {"version": "17"})

        # Read-only nodes.
        db.create_replica(new, {"name": "pydo-read", "size": "db-s-1vcpu-2gb"})
        _until(lambda: db.get_replica(new, "pydo-read")["replica"]["status"] == "online", "online")
        assert [r["name"] for r in db.list_replicas(new)["replicas"]] == ["pydo-read"]
        promoted = db.get_replica(new, "pydo-read")["replica"]["id"]
        db.promote_replica(new, "pydo-read")
        db.create_replica(new, {"name": "pydo-read-2", "size": "db-s-1vcpu-2gb"})
        db.destroy_replica(new, "pydo-read-2")

        # Engine settings.
        db.update_sql_mode(mysql, {"sql_mode": "ANSI,STRICT_ALL_TABLES"})
        assert db.get_sql_mode(mysql) == {"sql_mode": "ANSI,STRICT_ALL_TABLES"}
        db.update_eviction_policy(valkey, {"eviction_policy": "allkeys_lru"})
        assert db.get_eviction_policy(valkey) == {"eviction_policy": "allkeys_lru"}

        # Kafka.
        db.create_kafka_topic(kafka, {"name": "events", "partition_count": 2})
        assert db.list_kafka_topics(kafka)["topics"][0]["name"] == "events"
        db.update_kafka_topic(kafka, "events", {"partition_count": 3})
        assert len(db.get_kafka_topic(kafka, "events")["topic"]["partitions"]) == 3
        db.delete_kafka_topic(kafka, "events")
        schema = {"subject_name": "events-value", "schema_type": "JSON", "schema": "{}"}
        assert db.create_kafka_schema(kafka, schema)["schema_id"] == 1
        assert db.list_kafka_schemas(kafka)["subjects"][0]["subject_name"] == "events-value"
        assert db.get_kafka_schema(kafka, "events-value")["version"] == "1"
        assert db.get_kafka_schema_version(kafka, "events-value", "1")["schema"] == "{}"
        assert db.get_kafka_schema_config(kafka) == {"compatibility_level": "BACKWARD"}
        db.update_kafka_schema_config(kafka, {"compatibility_level": "FULL"})
        level = db.get_kafka_schema_subject_config(kafka, "events-value")
        assert level == {"subject_name": "events-value", "compatibility_level": "FULL"}
        db.update_kafka_schema_subject_config(
            kafka, "events-value", {"compatibility_level": "NONE"}
        )
        db.delete_kafka_schema(kafka, "events-value")

        # OpenSearch, log sinks, online migration.
        index = db.list_opeasearch_indexes(opensearch)["indexes"][0]["index_name"]
        db.delete_opensearch_index(opensearch, index)
        rsyslog = {"server": "logs.example.invalid", "port": 514, "tls": False, "format": "rfc5424"}
        sink = db.create_logsink(
            new, {"sink_name": "logs", "sink_type": "rsyslog", "config": rsyslog}
        )["sink"]["sink_id"]
        assert db.list_logsink(new)["sinks"][0]["sink_id"] == sink
        db.update_logsink(new, sink, {"config": {**rsyslog, "port": 6514}})
        assert db.get_logsink(new, sink)["config"]["port"] == 6514
        db.delete_logsink(new, sink)
        source = {"host": "source.example.invalid", "port": 5432, "dbname": "shop"}
        migration = db.update_online_migration(new, {"source": source})["id"]
        assert db.get_migration_status(new)["id"] == migration
        db.delete_online_migration(new, migration)

        # Resize, migrate, destroy.
        db.update_cluster_size(new, {"size": "db-s-2vcpu-4gb", "num_nodes": 2})
        _until(lambda: db.get_cluster(new)["database"]["status"] == "online", "resized")
        db.update_region(new, {"region": "ams3"})
        db.destroy_cluster(promoted)
        db.destroy_cluster(new)

        assert db.called == set(db.ids), sorted(set(db.ids) - db.called)
        assert len(db.called) == 71


def test_every_method_of_the_official_clients_databases_group_is_on_both_clients() -> None:
    """Enumerated from pydo itself: each of its `databases` methods, with its parameters,
    is a call of `Client` and of `AsyncClient` (upstream's spellings included)."""
    import inspect

    import pydo.operations

    from dodb import AsyncClient, Client

    official = pydo.operations.DatabasesOperations
    methods = {
        name: member
        for name, member in inspect.getmembers(official, inspect.isfunction)
        if not name.startswith("_")
    }
    assert len(methods) == 71
    assert "list_opeasearch_indexes" in methods
    for databases in (Client("t").databases, AsyncClient("t").databases):
        missing = [name for name in methods if not hasattr(databases, name)]
        assert missing == []
        for name, theirs in methods.items():
            assert _params(getattr(databases, name)) == _params(theirs), name

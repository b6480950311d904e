"""The emulator's rules for a cluster's resources, sent raw over its HTTP face:
logical databases, connection pools, trusted sources (firewall) and the CA.

Expectations are written out from DigitalOcean's documentation, not from the
emulator's code; where the documentation is silent the test name says the rule
is the emulator's own choice.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from cryptography import x509

from dodb.emulator import CLUSTER_IDS, ClusterSpec, Emulator
from dodb.emulator._state import Store
from dodb.emulator._transport import SyncASGITransport

PG, MYSQL = CLUSTER_IDS["pg"], CLUSTER_IDS["mysql"]
UUID_A = "ff2a6c52-5a44-4b63-b99c-0e98e7a63d61"


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator(
        clusters=[ClusterSpec("4gb-pg", "big", "pg", size="db-s-2vcpu-4gb")], change_delay=0.2
    ) as emulator:
        yield emulator


@pytest.fixture
def api(emulator: Emulator) -> Iterator[httpx.Client]:
    with httpx.Client(
        transport=SyncASGITransport(emulator.app),
        base_url="http://localhost/v2/databases",
        headers={"Authorization": "Bearer t"},
    ) as client:
        yield client


def refused(response: httpx.Response, status: int = 422) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"id", "message"}
    message: str = body["message"]
    return message


# Logical databases ------------------------------------------------------------------


@pytest.mark.parametrize("engine", ["pg", "mysql"])
def test_postgresql_and_mysql_clusters_start_with_defaultdb(api: httpx.Client, engine: str) -> None:
    cluster = CLUSTER_IDS[engine]
    assert api.get(f"/{cluster}/dbs").json() == {"dbs": [{"name": "defaultdb"}]}
    assert api.get(f"/{cluster}/dbs/defaultdb").json() == {"db": {"name": "defaultdb"}}
    assert api.get(f"/{cluster}").json()["database"]["db_names"] == ["defaultdb"]


def test_a_database_is_added_listed_read_and_deleted(api: httpx.Client) -> None:
    added = api.post(f"/{PG}/dbs", json={"name": "orders"})
    assert (added.status_code, added.json()) == (201, {"db": {"name": "orders"}})
    assert [d["name"] for d in api.get(f"/{PG}/dbs").json()["dbs"]] == ["defaultdb", "orders"]
    assert api.get(f"/{PG}/dbs/orders").json() == {"db": {"name": "orders"}}
    assert "duplicate" not in refused(api.post(f"/{PG}/dbs", json={"name": "orders"}))
    assert api.delete(f"/{PG}/dbs/orders").status_code == 204
    refused(api.get(f"/{PG}/dbs/orders"), 404)
    refused(api.delete(f"/{PG}/dbs/orders"), 404)


def test_a_database_body_is_read_strictly(api: httpx.Client) -> None:
    assert "owner is not a known field" in refused(
        api.post(f"/{PG}/dbs", json={"name": "x", "owner": "doadmin"})
    )
    assert "name is required" in refused(api.post(f"/{PG}/dbs", json={}))


@pytest.mark.parametrize("engine", ["kafka", "valkey", "mongodb", "opensearch"])
def test_engines_without_logical_databases_refuse_them(api: httpx.Client, engine: str) -> None:
    message = refused(api.get(f"/{CLUSTER_IDS[engine]}/dbs"))
    assert "only supported on PostgreSQL and MySQL clusters" in message


def test_emulator_choice_the_default_database_cannot_be_deleted(api: httpx.Client) -> None:
    assert "default database" in refused(api.delete(f"/{PG}/dbs/defaultdb"))


class Recording:
    """An engine mirror that records the database and cluster-removal hooks (it backs
    no cluster)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str]] = []
        self.store: Store | None = None  # when set: whether a removed cluster was still in it

    def cluster_added(self, *args: Any) -> None: ...

    def cluster_removed(self, cluster_id: str) -> None:
        held = self.store is not None and cluster_id in self.store.clusters
        self.calls.append(("cluster removed", cluster_id, "while held" if held else "after"))

    def user_added(self, *args: Any) -> None: ...
    def password_changed(self, *args: Any) -> None: ...
    def settings_changed(self, *args: Any) -> None: ...
    def user_deleted(self, *args: Any) -> None: ...

    def database_added(self, cluster_id: str, name: str) -> None:
        self.calls.append(("added", cluster_id, name))

    def database_deleted(self, cluster_id: str, name: str) -> None:
        self.calls.append(("deleted", cluster_id, name))

    def connection(self, *args: Any, **kwargs: Any) -> None:
        return None


def test_the_engine_mirror_hears_of_each_database() -> None:
    from dodb.emulator import _dbs

    mirror = Recording()
    store = Store([ClusterSpec("c1", "one", "pg")], lambda name: ("", ""), mirror=mirror)
    _dbs.add_db(store, "c1", {"name": "orders"})
    _dbs.delete_db(store, "c1", "orders")
    assert mirror.calls == [("added", "c1", "orders"), ("deleted", "c1", "orders")]


def test_the_engine_mirror_hears_of_a_destroyed_cluster_before_it_is_forgotten() -> None:
    from dodb.emulator import _clusters

    mirror = Recording()
    store = Store(
        [ClusterSpec("c1", "one", "pg"), ClusterSpec("c2", "two", "mysql")],
        lambda name: ("", ""),
        mirror=mirror,
    )
    mirror.store = store
    _clusters.destroy_cluster(store, "c1")
    assert mirror.calls == [("cluster removed", "c1", "while held")]
    assert list(store.clusters) == ["c2"]


# Connection pools ---------------------------------------------------------------------


def pool(name: str = "app-pool", size: int = 10, **fields: Any) -> dict[str, Any]:
    return {"name": name, "mode": "transaction", "size": size, "db": "defaultdb", **fields}


def test_a_pool_answers_with_its_own_connection_details(api: httpx.Client) -> None:
    added = api.post(f"/{PG}/pools", json=pool(user="doadmin"))
    assert added.status_code == 201, added.text
    got = added.json()["pool"]
    assert {k: got[k] for k in ("name", "mode", "size", "db", "user")} == pool(user="doadmin")
    cluster = api.get(f"/{PG}").json()["database"]
    for key in ("connection", "private_connection"):
        connection = got[key]
        assert connection["port"] == 25061
        assert connection["database"] == "app-pool"
        assert connection["host"] == cluster[key]["host"]
        assert connection["host"].endswith(".invalid")
        assert connection["uri"].endswith(f"@{connection['host']}:25061/app-pool?sslmode=require")
    assert api.get(f"/{PG}/pools/app-pool").json()["pool"] == got
    assert api.get(f"/{PG}/pools").json() == {"pools": [got]}


def test_a_pool_connects_as_its_user_with_that_users_password(api: httpx.Client) -> None:
    user = api.post(f"/{PG}/users", json={"name": "pool-user"}).json()["user"]
    got = api.post(f"/{PG}/pools", json=pool(user="pool-user")).json()["pool"]
    assert (got["connection"]["user"], got["connection"]["password"]) == (
        "pool-user",
        user["password"],
    )


@pytest.mark.parametrize("engine", ["mysql", "valkey", "mongodb", "kafka", "opensearch"])
def test_pools_are_postgresql_only(api: httpx.Client, engine: str) -> None:
    message = refused(api.post(f"/{CLUSTER_IDS[engine]}/pools", json=pool()))
    assert message.startswith("Connection pools are only supported on PostgreSQL clusters")


def test_an_oversize_pool_is_refused_naming_the_limit_and_the_use(api: httpx.Client) -> None:
    # db-s-1vcpu-2gb: 25 x 2 - 3 = 47 connections for all pools.
    assert api.post(f"/{PG}/pools", json=pool("first", 40)).status_code == 201
    message = refused(api.post(f"/{PG}/pools", json=pool("second", 8)))
    assert "47 backend connections" in message
    assert "40 are used" in message
    assert "7 remain" in message
    assert api.post(f"/{PG}/pools", json=pool("second", 7)).status_code == 201
    assert refused(api.post(f"/{PG}/pools", json=pool("third", 1)))


def test_the_limit_follows_the_ram_of_the_size(api: httpx.Client) -> None:
    """The spec's numbers: 97 on a 4 GB node."""
    assert "97 backend connections" in refused(api.post("/4gb-pg/pools", json=pool(size=98)))
    assert api.post("/4gb-pg/pools", json=pool(size=97)).status_code == 201


def test_an_update_counts_the_pool_once(api: httpx.Client) -> None:
    assert api.post(f"/{PG}/pools", json=pool(size=40)).status_code == 201
    grown = {"mode": "session", "size": 47, "db": "defaultdb"}
    assert api.put(f"/{PG}/pools/app-pool", json=grown).status_code == 204
    got = api.get(f"/{PG}/pools/app-pool").json()["pool"]
    assert (got["mode"], got["size"]) == ("session", 47)
    assert "47 backend connections" in refused(
        api.put(f"/{PG}/pools/app-pool", json={**grown, "size": 48})
    )
    refused(api.put(f"/{PG}/pools/nope", json=grown), 404)


def test_a_pool_needs_an_existing_database_and_user(api: httpx.Client) -> None:
    assert "database nowhere does not exist" in refused(
        api.post(f"/{PG}/pools", json=pool(db="nowhere"))
    )
    assert "user nobody does not exist" in refused(
        api.post(f"/{PG}/pools", json=pool(user="nobody"))
    )


def test_a_pool_mode_is_pgbouncers(api: httpx.Client) -> None:
    message = refused(api.post(f"/{PG}/pools", json={**pool(), "mode": "fast"}))
    assert "session, statement, transaction" in message


def test_a_database_or_user_with_a_pool_cannot_be_deleted(api: httpx.Client) -> None:
    api.post(f"/{PG}/dbs", json={"name": "shop"}).raise_for_status()
    api.post(f"/{PG}/users", json={"name": "shopper"}).raise_for_status()
    api.post(f"/{PG}/pools", json=pool(db="shop", user="shopper")).raise_for_status()
    assert "used by the connection pool app-pool" in refused(api.delete(f"/{PG}/dbs/shop"))
    assert "used by the connection pool app-pool" in refused(api.delete(f"/{PG}/users/shopper"))
    assert api.delete(f"/{PG}/pools/app-pool").status_code == 204
    assert api.delete(f"/{PG}/dbs/shop").status_code == 204
    assert api.delete(f"/{PG}/users/shopper").status_code == 204
    refused(api.delete(f"/{PG}/pools/app-pool"), 404)


def test_emulator_choice_pool_names_of_3_to_60_characters(api: httpx.Client) -> None:
    assert "3 to 60" in refused(api.post(f"/{PG}/pools", json=pool("ab")))
    assert api.post(f"/{PG}/pools", json=pool("abc")).status_code == 201
    assert "already exists" in refused(api.post(f"/{PG}/pools", json=pool("abc", 1)))


# Trusted sources --------------------------------------------------------------------------

GOOD_RULES = [
    {"type": "ip_addr", "value": "192.0.2.7", "description": "an office"},
    {"type": "ip_addr", "value": "198.51.100.0/24"},
    {"type": "droplet", "value": "163973392"},
    {"type": "k8s", "value": UUID_A},
    {"type": "app", "value": "79f26d28-ea8a-41f2-8ad8-8cfcdd020095"},
    {"type": "tag", "value": "env:production"},
]


def test_an_update_replaces_the_whole_list_and_the_server_makes_ids(api: httpx.Client) -> None:
    assert api.get(f"/{PG}/firewall").json() == {"rules": []}
    assert api.put(f"/{PG}/firewall", json={"rules": GOOD_RULES}).status_code == 204
    rules = api.get(f"/{PG}/firewall").json()["rules"]
    assert [{k: r[k] for k in r if k in ("type", "value", "description")} for r in rules] == (
        GOOD_RULES
    )
    assert len({r["uuid"] for r in rules}) == len(GOOD_RULES)
    assert all(r["cluster_uuid"] == PG and r["created_at"].endswith("Z") for r in rules)

    kept = rules[3]
    again = [{"type": "tag", "value": "ops"}, {"uuid": kept["uuid"], **GOOD_RULES[3]}]
    assert api.put(f"/{PG}/firewall", json={"rules": again}).status_code == 204
    now = api.get(f"/{PG}/firewall").json()["rules"]
    assert [r["value"] for r in now] == ["ops", UUID_A]
    assert (now[1]["uuid"], now[1]["created_at"]) == (kept["uuid"], kept["created_at"])
    assert api.put(f"/{PG}/firewall", json={"rules": []}).status_code == 204
    assert api.get(f"/{PG}/firewall").json() == {"rules": []}


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("ip_addr", "192.0.2.300"),
        ("ip_addr", "my-laptop"),
        ("droplet", "web-01"),
        ("k8s", "not-a-uuid"),
        ("app", "12345"),
        ("tag", "has space"),
    ],
)
def test_a_rule_value_must_fit_its_type(api: httpx.Client, kind: str, value: str) -> None:
    message = refused(api.put(f"/{PG}/firewall", json={"rules": [{"type": kind, "value": value}]}))
    assert message.startswith(f"rules[0]: a {kind} rule's value must be")
    assert api.get(f"/{PG}/firewall").json() == {"rules": []}


def test_an_unknown_rule_type_is_refused_from_the_spec(api: httpx.Client) -> None:
    message = refused(api.put(f"/{PG}/firewall", json={"rules": [{"type": "vpc", "value": "x"}]}))
    assert "must be one of app, droplet, ip_addr, k8s, tag" in message


def test_emulator_choice_rules_listed_twice_or_unknown_ids_are_refused(api: httpx.Client) -> None:
    twice = {"rules": [GOOD_RULES[0], GOOD_RULES[0]]}
    assert "listed twice" in refused(api.put(f"/{PG}/firewall", json=twice))
    unknown = {"rules": [{**GOOD_RULES[0], "uuid": UUID_A}]}
    assert "no rule" in refused(api.put(f"/{PG}/firewall", json=unknown))
    assert "rules is required" in refused(api.put(f"/{PG}/firewall", json={}))


def test_a_rule_of_the_reference_pages_short_id_has_no_cluster_uuid(api: httpx.Client) -> None:
    """`cluster_uuid` has the spec's UUID pattern; `ab7bb7a` does not fit it."""
    api.put("/ab7bb7a/firewall", json={"rules": GOOD_RULES[:1]}).raise_for_status()
    assert "cluster_uuid" not in api.get("/ab7bb7a/firewall").json()["rules"][0]


# The CA ---------------------------------------------------------------------------------


def test_the_ca_is_the_emulators_own_pem_base64_encoded(
    api: httpx.Client, emulator: Emulator
) -> None:
    got = api.get(f"/{PG}/ca")
    assert got.status_code == 200
    pem = base64.b64decode(got.json()["ca"]["certificate"], validate=True)
    ca = x509.load_pem_x509_certificate(pem)
    assert pem.decode() == emulator.authority.pem()
    # It is the CA that signs what the emulator issues: here a Kafka user's certificate.
    user = api.post(f"/{CLUSTER_IDS['kafka']}/users", json={"name": "k"}).json()["user"]
    x509.load_pem_x509_certificate(user["access_cert"].encode()).verify_directly_issued_by(ca)
    refused(api.get("/no-such-cluster/ca"), 404)


def test_every_pool_answer_says_its_port_is_not_served() -> None:
    from dodb.emulator import CLUSTER_IDS, Emulator

    client = Emulator().client()
    pg = CLUSTER_IDS["pg"]
    client.databases.users.ensure(pg, "app")
    client.databases.pools.ensure(
        pg, "app-pool", mode="session", size=2, db="defaultdb", user="app"
    )
    assert client.last_response is not None
    assert "no PgBouncer" in client.last_response.headers["x-dodb-emulator-note"]
    client.databases.list_users(pg)
    assert "x-dodb-emulator-note" not in client.last_response.headers

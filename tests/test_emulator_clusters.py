"""The emulator's clusters over HTTP: create (creating, then online), resize, migrate,
upgrade, maintenance, events, backups, read-only nodes, autoscaling, DigitalOcean
settings, metrics credentials and the options on offer.

Where DigitalOcean's documentation is silent, the test name says the rule is the
emulator's own choice.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from dodb.emulator import CLUSTER_IDS, Emulator
from dodb.emulator._transport import SyncASGITransport

DELAY = 0.4
ROOT = "http://localhost/v2/databases"
"""The collection itself (a relative "" would get a trailing slash)."""
PG, MYSQL, KAFKA = CLUSTER_IDS["pg"], CLUSTER_IDS["mysql"], CLUSTER_IDS["kafka"]
NEW = {
    "name": "shop-db",
    "engine": "pg",
    "num_nodes": 1,
    "size": "db-s-1vcpu-2gb",
    "region": "nyc3",
}


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator(change_delay=DELAY) as emulator:
        yield emulator


def http(emulator: Emulator, token: str = "t") -> httpx.Client:
    return httpx.Client(
        transport=SyncASGITransport(emulator.app),
        base_url="http://localhost/v2/databases",
        headers={"Authorization": f"Bearer {token}"},
    )


@pytest.fixture
def api(emulator: Emulator) -> Iterator[httpx.Client]:
    with http(emulator) as client:
        yield client


def refused(response: httpx.Response, status: int = 422) -> str:
    assert response.status_code == status, response.text
    assert set(response.json()) == {"id", "message"}
    message: str = response.json()["message"]
    return message


def wait_online(api: httpx.Client, cluster: str) -> float:
    """Seconds until the cluster is online (polled; at most 5)."""
    start = time.monotonic()
    while api.get(f"/{cluster}").json()["database"]["status"] != "online":
        assert time.monotonic() - start < 5, "never online"
        time.sleep(0.05)
    return time.monotonic() - start


def create(api: httpx.Client, **fields: Any) -> dict[str, Any]:
    answer = api.post(ROOT, json={**NEW, **fields})
    assert answer.status_code == 201, answer.text
    cluster: dict[str, Any] = answer.json()["database"]
    return cluster


# Create -------------------------------------------------------------------------------------


def test_a_new_cluster_is_creating_then_online(api: httpx.Client) -> None:
    cluster = create(api)
    assert cluster["status"] == "creating"
    assert (cluster["name"], cluster["engine"], cluster["version"]) == ("shop-db", "pg", "17")
    assert cluster["connection"]["port"] == 25060
    assert cluster["connection"]["host"].endswith(".invalid")
    assert cluster["db_names"] == ["defaultdb"]
    assert api.get(f"/{cluster['id']}").json()["database"]["status"] == "creating"
    took = wait_online(api, cluster["id"])
    assert took >= DELAY * 0.5
    events = api.get(f"/{cluster['id']}/events").json()["events"]
    assert [(e["event_type"], e["cluster_name"]) for e in events] == [("cluster_create", "shop-db")]
    assert cluster["id"] in [c["id"] for c in api.get(ROOT).json()["databases"]]


def test_emulator_choice_a_creating_cluster_takes_no_changes_yet(api: httpx.Client) -> None:
    cluster = create(api)
    assert "still being created" in refused(api.post(f"/{cluster['id']}/dbs", json={"name": "a"}))
    assert "try again when it is online" in refused(
        api.put(f"/{cluster['id']}/resize", json={"size": "db-s-2vcpu-4gb", "num_nodes": 1})
    )
    wait_online(api, cluster["id"])
    assert api.post(f"/{cluster['id']}/dbs", json={"name": "a"}).status_code == 201


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"engine": "redis"}, "the engine redis is not offered"),
        ({"engine": "bigtable"}, "must be one of"),
        ({"version": "9"}, "PostgreSQL 9 is not offered"),
        ({"region": "mars1"}, "the region mars1 is not offered"),
        ({"num_nodes": 4}, "a PostgreSQL cluster has 1, 2, 3 nodes, not 4"),
        ({"size": "db-s-1vcpu-1gb", "num_nodes": 2}, "the size db-s-1vcpu-1gb is not offered"),
        ({"engine": "kafka", "size": "db-s-2vcpu-4gb"}, "a Kafka cluster has 3 nodes, not 1"),
        ({"name": "Shop DB"}, "lower-case letters, digits and dashes"),
        ({"name": "emulator-pg"}, "a cluster named 'emulator-pg' already exists"),
        ({"colour": "blue"}, "colour is not a known field"),
        ({"rules": [{"type": "droplet", "value": "web"}]}, "a droplet rule's value must be"),
        ({"backup_restore": {"database_name": "nowhere"}}, "there is no cluster named nowhere"),
        ({"backup_restore": {"database_name": "emulator-mysql"}}, "is a MySQL cluster"),
        ({"autoscale": {"storage": {"enabled": True, "increment_gib": 5000}}}, "at most 500"),
    ],
)
def test_a_create_is_checked_against_the_offer_and_the_spec(
    api: httpx.Client, fields: dict[str, Any], words: str
) -> None:
    before = len(api.get(ROOT).json()["databases"])
    assert words in refused(api.post(ROOT, json={**NEW, **fields}))
    assert len(api.get(ROOT).json()["databases"]) == before


def test_every_engine_is_created_with_what_the_options_list(api: httpx.Client) -> None:
    offered = api.get("/options").json()
    engines = offered["options"]
    assert set(engines) == {"pg", "mysql", "valkey", "mongodb", "kafka", "opensearch"}
    for engine, offer in engines.items():
        layout = offer["layouts"][-1]
        made = create(
            api,
            name=f"new-{engine}",
            engine=engine,
            num_nodes=layout["num_nodes"],
            size=layout["sizes"][0],
            region=offer["regions"][-1],
            version=offer["versions"][0],
        )
        assert (made["engine"], made["version"], made["num_nodes"]) == (
            engine,
            offer["versions"][0],
            layout["num_nodes"],
        )
        assert [v["version"] for v in offered["version_availability"][engine]] == offer["versions"]


def test_a_create_keeps_its_rules_tags_and_settings(api: httpx.Client) -> None:
    cluster = create(
        api,
        tags=["shop"],
        rules=[{"type": "ip_addr", "value": "192.0.2.0/24"}],
        do_settings={"service_cnames": ["db.example.com"]},
        autoscale={"storage": {"enabled": True, "threshold_percent": 80}},
        storage_size_mib=20480,
    )
    cid = cluster["id"]
    assert cluster["rules"][0]["value"] == "192.0.2.0/24"
    assert api.get(f"/{cid}/firewall").json()["rules"] == cluster["rules"]
    assert api.get(f"/{cid}/do_settings").json() == {
        "do_settings": {"service_cnames": ["db.example.com"]}
    }
    assert api.get(f"/{cid}/autoscale").json()["autoscale"]["storage"]["threshold_percent"] == 80
    assert [c["id"] for c in api.get(ROOT, params={"tag_name": "shop"}).json()["databases"]] == [
        cid
    ]
    assert cluster["storage_size_mib"] == 20480


def test_a_cluster_restored_from_a_backup_has_its_databases(api: httpx.Client) -> None:
    api.post(f"/{PG}/dbs", json={"name": "orders"}).raise_for_status()
    backup = api.get(f"/{PG}/backups").json()["backups"][0]["created_at"]
    restore = {"database_name": "emulator-pg", "backup_created_at": backup}
    cluster = create(api, backup_restore=restore)
    assert cluster["db_names"] == ["defaultdb", "orders"]
    wrong = {"database_name": "emulator-pg", "backup_created_at": "2001-01-01T00:00:00Z"}
    assert "has no backup taken at" in refused(
        api.post(ROOT, json={**NEW, "name": "other", "backup_restore": wrong})
    )


def test_a_destroyed_cluster_is_gone(api: httpx.Client) -> None:
    cluster = create(api)
    assert api.delete(f"/{cluster['id']}").status_code == 204
    refused(api.get(f"/{cluster['id']}"), 404)
    refused(api.delete(f"/{cluster['id']}"), 404)


# Changes --------------------------------------------------------------------------------


def test_a_resize_is_resizing_then_online_with_the_new_size(api: httpx.Client) -> None:
    resize = {"size": "db-s-2vcpu-4gb", "num_nodes": 2}
    assert api.put(f"/{PG}/resize", json=resize).status_code == 202
    got = api.get(f"/{PG}").json()["database"]
    assert (got["status"], got["size"], got["num_nodes"]) == ("resizing", "db-s-2vcpu-4gb", 2)
    assert "is resizing; try again" in refused(api.put(f"/{PG}/resize", json=resize))
    wait_online(api, PG)
    assert [e["event_type"] for e in api.get(f"/{PG}/events").json()["events"]] == [
        "cluster_update"
    ]
    assert "not offered" in refused(api.put(f"/{PG}/resize", json={**resize, "size": "huge"}))


def test_a_resize_cannot_leave_the_pools_without_room(api: httpx.Client) -> None:
    pool = {"name": "big-pool", "mode": "session", "size": 40, "db": "defaultdb"}
    api.post(f"/{PG}/pools", json=pool).raise_for_status()
    message = refused(api.put(f"/{PG}/resize", json={"size": "db-s-1vcpu-1gb", "num_nodes": 1}))
    assert "leaves 22 backend connections for pools, but its pools use 40" in message


def test_a_migration_moves_the_cluster(api: httpx.Client) -> None:
    assert "already in nyc3" in refused(api.put(f"/{PG}/migrate", json={"region": "nyc3"}))
    assert "not offered" in refused(api.put(f"/{PG}/migrate", json={"region": "mars1"}))
    assert api.put(f"/{PG}/migrate", json={"region": "ams3"}).status_code == 202
    got = api.get(f"/{PG}").json()["database"]
    assert (got["status"], got["region"]) == ("migrating", "ams3")
    wait_online(api, PG)


def test_a_major_upgrade_goes_only_forward_to_an_offered_version(api: httpx.Client) -> None:
    assert api.get(f"/{PG}").json()["database"]["version"] == "16"
    assert "only to a newer one" in refused(api.put(f"/{PG}/upgrade", json={"version": "15"}))
    assert "PostgreSQL 18 is not offered" in refused(
        api.put(f"/{PG}/upgrade", json={"version": "18"})
    )
    assert "version is required" in refused(api.put(f"/{PG}/upgrade", json={}))
    assert api.put(f"/{PG}/upgrade", json={"version": "17"}).status_code == 204
    assert api.get(f"/{PG}").json()["database"]["version"] == "17"


def test_the_maintenance_window_is_checked_and_kept(api: httpx.Client) -> None:
    assert "day of the week" in refused(
        api.put(f"/{PG}/maintenance", json={"day": "someday", "hour": "10:00"})
    )
    assert "HH:MM" in refused(api.put(f"/{PG}/maintenance", json={"day": "monday", "hour": "25"}))
    assert api.put(f"/{PG}/maintenance", json={"day": "Friday", "hour": "23:30"}).status_code == 204
    window = api.get(f"/{PG}").json()["database"]["maintenance_window"]
    assert window == {"day": "friday", "hour": "23:30", "pending": False}
    assert api.put(f"/{PG}/install_update").status_code == 204
    events = api.get(f"/{PG}/events").json()["events"]
    assert [e["event_type"] for e in events] == ["cluster_maintenance_perform"]


def test_backups_start_when_the_cluster_is_online(api: httpx.Client) -> None:
    cluster = create(api)
    assert api.get(f"/{cluster['id']}/backups").json()["backups"] == []
    wait_online(api, cluster["id"])
    listed = api.get(f"/{cluster['id']}/backups").json()
    assert [b["incremental"] for b in listed["backups"]] == [False]
    assert listed["scheduled_backup_time"]["backup_interval_hours"] == 24


# Read-only nodes ---------------------------------------------------------------------------


def test_a_replica_is_made_then_promoted_to_a_cluster(api: httpx.Client) -> None:
    api.post(f"/{MYSQL}/dbs", json={"name": "orders"}).raise_for_status()
    user = api.post(f"/{MYSQL}/users", json={"name": "app"}).json()["user"]
    made = api.post(f"/{MYSQL}/replicas", json={"name": "read-1", "size": "db-s-2vcpu-4gb"})
    assert made.status_code == 201, made.text
    replica = made.json()["replica"]
    assert (replica["status"], replica["region"]) == ("creating", "nyc3")
    assert replica["connection"]["host"].startswith("read-1")
    assert "not online yet" in refused(api.put(f"/{MYSQL}/replicas/read-1/promote"))
    time.sleep(DELAY + 0.1)
    assert api.get(f"/{MYSQL}/replicas/read-1").json()["replica"]["status"] == "online"
    assert [r["name"] for r in api.get(f"/{MYSQL}/replicas").json()["replicas"]] == ["read-1"]

    assert api.put(f"/{MYSQL}/replicas/read-1/promote").status_code == 204
    assert api.get(f"/{MYSQL}/replicas").json() == {"replicas": []}
    promoted = api.get(f"/{replica['id']}").json()["database"]
    assert (promoted["name"], promoted["engine"]) == ("read-1", "mysql")
    assert promoted["db_names"] == ["defaultdb", "orders"]
    copied = api.get(f"/{replica['id']}/users/app").json()["user"]
    assert copied["password"] == user["password"]


def test_replica_rules(api: httpx.Client) -> None:
    assert "only supported on PostgreSQL and MySQL" in refused(
        api.post(f"/{KAFKA}/replicas", json={"name": "r-1", "size": "db-s-2vcpu-4gb"})
    )
    assert "at least the primary's size" in refused(
        api.post(f"/{PG}/replicas", json={"name": "r-1", "size": "db-s-1vcpu-1gb"})
    )
    assert "already exists" in refused(
        api.post(f"/{PG}/replicas", json={"name": "emulator-mysql", "size": "db-s-1vcpu-2gb"})
    )
    assert api.post(f"/{PG}/replicas", json={"name": "r-1", "size": "db-s-1vcpu-2gb"}).is_success
    assert api.delete(f"/{PG}/replicas/r-1").status_code == 204
    refused(api.get(f"/{PG}/replicas/r-1"), 404)


# Settings ----------------------------------------------------------------------------------


def test_autoscale_is_read_and_changed_within_the_spec_limits(api: httpx.Client) -> None:
    assert api.get(f"/{PG}/autoscale").json() == {"autoscale": {"storage": {"enabled": False}}}
    new = {"storage": {"enabled": True, "threshold_percent": 90, "increment_gib": 20}}
    assert api.put(f"/{PG}/autoscale", json=new).status_code == 204
    assert api.get(f"/{PG}/autoscale").json() == {"autoscale": new}
    too_low = {"storage": {"enabled": True, "threshold_percent": 10}}
    assert "threshold_percent must be at least 15" in refused(
        api.put(f"/{PG}/autoscale", json=too_low)
    )
    assert "storage is required" in refused(api.put(f"/{PG}/autoscale", json={}))


def test_emulator_choice_no_storage_autoscaling_on_valkey(api: httpx.Client) -> None:
    assert "not supported on Valkey" in refused(api.get(f"/{CLUSTER_IDS['valkey']}/autoscale"))


def test_do_settings_are_checked_against_the_spec(api: httpx.Client) -> None:
    assert api.get(f"/{PG}/do_settings").json() == {"do_settings": {"service_cnames": []}}
    names = {"do_settings": {"service_cnames": ["db.example.com"]}}
    assert api.put(f"/{PG}/do_settings", json=names).status_code == 204
    assert api.get(f"/{PG}/do_settings").json() == names
    bad = {"do_settings": {"service_cnames": ["not a name"]}}
    assert "does not have the form" in refused(api.put(f"/{PG}/do_settings", json=bad))
    many = {"do_settings": {"service_cnames": [f"n{i}.example.com" for i in range(17)]}}
    assert "at most 16 items" in refused(api.put(f"/{PG}/do_settings", json=many))


def test_metrics_credentials_are_secrets_of_the_account() -> None:
    limited = Emulator(
        tokens={
            "full": {"database:read", "database:update", "database:view_credentials"},
            "plain": {"database:read", "database:update"},
        }
    )
    with http(limited, "full") as full, http(limited, "plain") as plain:
        first = full.get("/metrics/credentials").json()["credentials"]
        assert first["basic_auth_password"]
        new = {"basic_auth_username": "prom", "basic_auth_password": "s3cr@t:/%#?+"}
        assert full.put("/metrics/credentials", json={"credentials": new}).status_code == 204
        assert full.get("/metrics/credentials").json() == {"credentials": new}
        # The spec asks for the credentials scope to read them at all.
        assert "needs database:view_credentials" in refused(plain.get("/metrics/credentials"), 403)
        half = {"credentials": {"basic_auth_username": "x"}}
        assert "needs both" in refused(full.put("/metrics/credentials", json=half))

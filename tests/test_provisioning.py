"""From a user to a working connection: clusters, ensure, credentials and rotation."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

import dodb
from dodb import DatabaseEngine, MysqlAuthPlugin
from dodb.emulator import CLUSTER_IDS, Emulator, Faults

PG, MYSQL, KAFKA = CLUSTER_IDS["pg"], CLUSTER_IDS["mysql"], CLUSTER_IDS["kafka"]
MONGO, SEARCH = CLUSTER_IDS["mongodb"], CLUSTER_IDS["opensearch"]


# Clusters ------------------------------------------------------------------------------


def test_clusters_are_listed_and_read_with_their_connection(dodb_client: dodb.Client) -> None:
    clusters = {c.id: c for c in dodb_client.databases.clusters.list()}
    assert set(CLUSTER_IDS.values()) <= set(clusters)
    pg = dodb_client.databases.clusters.get(PG)
    assert pg == clusters[PG]
    assert (pg.engine, pg.status) == (DatabaseEngine.PG, dodb.DatabaseClusterStatus.ONLINE)
    assert pg.connection is not None
    assert pg.private_connection is not None
    assert pg.connection.host is not None
    assert pg.connection.host.endswith(".invalid")
    assert pg.private_connection.host == "private-" + pg.connection.host
    assert pg.connection.password is not None
    assert "doadmin" in repr(pg)
    assert pg.connection.password.reveal() not in repr(pg)
    with pytest.raises(dodb.NotFoundError):
        dodb_client.databases.clusters.get("no-such-cluster")


def test_the_reference_names_return_the_clusters_json(dodb_client: dodb.Client) -> None:
    listed = dodb_client.databases.list_clusters()["databases"]
    one = dodb_client.databases.get_cluster(KAFKA)["database"]
    assert one in listed
    assert (one["engine"], one["connection"]["port"]) == ("kafka", 25073)


def test_connection_passwords_need_the_credentials_scope() -> None:
    with Emulator(tokens={"reader": ["database:read"]}) as emulator:
        pg = emulator.client("reader").databases.get_cluster(PG)["database"]
    assert "password" not in pg["connection"]
    assert "uri" not in pg["connection"]
    assert pg["connection"]["host"].endswith(".invalid")


# ensure ----------------------------------------------------------------------------------


def test_ensure_creates_then_leaves_then_changes(dodb_client: dodb.Client) -> None:
    users = dodb_client.databases.users
    first = users.ensure(PG, "app", pg_allow_replication=True)
    assert (first.action, first.user.name) == ("created", "app")
    again = users.ensure(PG, "app", pg_allow_replication=True)
    assert (again.action, again.changed) == ("unchanged", ())
    cleared = users.ensure(PG, "app")
    assert (cleared.action, cleared.changed) == ("changed", ("pg_allow_replication",))
    assert not (users.get(PG, "app").settings or dodb.UserSettings()).pg_allow_replication
    assert users.ensure(PG, "app").action == "unchanged"


def test_ensure_compares_acls_as_sets_and_replaces_them(dodb_client: dodb.Client) -> None:
    users = dodb_client.databases.users
    acls = [("events.*", "produce"), ("audit", "consume")]
    assert users.ensure(KAFKA, "events", kafka_acls=acls).action == "created"
    assert users.ensure(KAFKA, "events", kafka_acls=list(reversed(acls))).action == "unchanged"
    changed = users.ensure(KAFKA, "events", kafka_acls=[("events.*", "produceconsume")])
    assert (changed.action, changed.changed) == ("changed", ("kafka_acls",))
    (acl,) = users.get(KAFKA, "events").settings.acl  # type: ignore[union-attr]
    assert (acl.topic, acl.permission) == ("events.*", dodb.KafkaAclPermission.PRODUCECONSUME)
    search = [("logs-*", "read")]
    assert users.ensure(SEARCH, "reader", opensearch_acls=search).action == "created"
    assert users.ensure(SEARCH, "reader", opensearch_acls=search).action == "unchanged"


def test_ensure_changes_the_mysql_plugin_through_reset_auth(dodb_client: dodb.Client) -> None:
    users = dodb_client.databases.users
    native = MysqlAuthPlugin.MYSQL_NATIVE_PASSWORD
    made = users.ensure(MYSQL, "legacy", mysql_auth_plugin=native)
    assert users.ensure(MYSQL, "legacy", mysql_auth_plugin=native).action == "unchanged"
    changed = users.ensure(MYSQL, "legacy", mysql_auth_plugin="caching_sha2_password")
    assert (changed.action, changed.changed) == ("changed", ("mysql_auth_plugin",))
    assert changed.user.mysql_settings is not None
    assert changed.user.mysql_settings.auth_plugin is MysqlAuthPlugin.CACHING_SHA2_PASSWORD
    assert changed.user.password != made.user.password  # reset_auth gives a new one


def test_ensure_refuses_what_the_api_cannot_change_before_sending(dodb_emulator: Emulator) -> None:
    client = dodb_emulator.client()
    users = client.databases.users
    users.ensure(MONGO, "mongo", mongo_role="readOnly")
    before = client.stats.requests
    with pytest.raises(dodb.InvalidInputError, match="mongo_role of 'mongo' cannot change"):
        users.ensure(MONGO, "mongo", mongo_role="readWrite")
    assert client.stats.requests == before + 1  # the list, and no update
    with pytest.raises(dodb.InvalidInputError, match="primary user"):
        users.ensure(PG, "doadmin", pg_allow_replication=True)


def test_ensure_under_the_realistic_profile_reaches_the_state_and_then_stays() -> None:
    """Read lag, GET without settings, the server's own spellings: the user still ends
    as asked, and a second ensure right away sees nothing to do."""
    emulator = Emulator(faults=Faults.realistic(read_lag=0.3))
    now = [0.0]
    emulator.store._clock = lambda: now[0]  # the lag runs on a fake clock...
    client = emulator.client(max_retries=3)
    slept: list[float] = []

    def sleep(seconds: float) -> None:  # ...which the client's waits move on
        slept.append(seconds)
        now[0] += seconds

    client._sleep = sleep
    users = client.databases.users
    wanted = [("events.*", "produceconsume")]
    assert users.ensure(KAFKA, "events", kafka_acls=wanted).action == "created"
    # Shown only after the lag: the add is refused as a duplicate, then read back.
    assert users.ensure(KAFKA, "events", kafka_acls=wanted).action == "unchanged"
    assert slept
    assert sum(slept) >= 0.3
    assert users.ensure(PG, "app").action == "created"
    now[0] += 1.0
    assert users.ensure(PG, "app").action == "unchanged"


def test_async_ensure_and_credentials() -> None:
    async def go() -> tuple[Any, Any, Any]:
        emulator = Emulator()
        async with emulator.async_client() as client:
            users = client.databases.users
            made = await users.ensure(PG, "app", pg_allow_replication=True)
            same = await users.ensure(PG, "app", pg_allow_replication=True)
            creds = await users.credentials(PG, "app")
            return made, same, creds

    made, same, creds = asyncio.run(go())
    assert (made.action, same.action) == ("created", "unchanged")
    assert urlsplit(creds.uri.reveal()).password == made.user.password.reveal()


# credentials and rotation ------------------------------------------------------------------


def _uri_parts(uri: str) -> tuple[str, str, str, str, int | None, str, dict[str, list[str]]]:
    parts = urlsplit(uri)
    return (
        parts.scheme,
        unquote(parts.username or ""),
        unquote(parts.password or ""),
        parts.hostname or "",
        parts.port,
        parts.path.lstrip("/"),
        parse_qs(parts.query),
    )


@pytest.mark.parametrize(
    ("engine", "scheme", "port", "database", "tls", "ca_param"),
    [
        ("pg", "postgresql", 25060, "defaultdb", ("sslmode", "verify-full"), "sslrootcert"),
        ("mysql", "mysql", 25060, "defaultdb", ("ssl-mode", "VERIFY_IDENTITY"), "ssl-ca"),
        ("mongodb", "mongodb+srv", None, "admin", ("tls", "true"), "tlsCAFile"),
    ],
)
def test_credentials_are_a_uri_each_engine_accepts(
    dodb_client: dodb.Client,
    tmp_path: Path,
    engine: str,
    scheme: str,
    port: int | None,
    database: str,
    tls: tuple[str, str],
    ca_param: str,
) -> None:
    """Each engine's URI form, asking its clients to verify the server against the
    cluster's CA, written to the file asked for."""
    cluster = CLUSTER_IDS[engine]
    user = dodb_client.databases.users.add(cluster, "app-01")
    ca = tmp_path / "ca.pem"
    creds = dodb_client.databases.users.credentials(cluster, "app-01", ca_file=ca)
    assert creds.uri is not None
    assert creds.password is not None
    got = _uri_parts(creds.uri.reveal())
    host = dodb_client.databases.clusters.get(cluster).connection.host  # type: ignore[union-attr]
    assert got[:4] == (scheme, "app-01", user.password.reveal(), host)  # type: ignore[union-attr]
    assert (got[4], got[5]) == (port, database)
    assert got[6][tls[0]] == [tls[1]]
    assert got[6][ca_param] == [str(ca)]
    assert ca.read_text() == creds.ca_pem
    assert creds.password == user.password
    assert creds.uri.reveal() not in repr(creds)
    assert "app-01" in repr(creds)


def test_opensearch_and_kafka_credentials(dodb_client: dodb.Client) -> None:
    users = dodb_client.databases.users
    users.add(SEARCH, "search")
    search = users.credentials(SEARCH, "search")
    assert search.url is not None
    assert urlsplit(search.url).scheme == "https"
    assert urlsplit(search.url).password is None  # basic auth travels apart
    assert (search.user, search.password) == ("search", users.get(SEARCH, "search").password)
    made = users.add(KAFKA, "stream", kafka_acls=[("events", "consume")])
    kafka = users.credentials(KAFKA, "stream")
    assert kafka.bootstrap == f"{kafka.host}:25073"
    assert (kafka.access_cert, kafka.access_key) == (made.access_cert, made.access_key)
    assert kafka.uri is None
    assert kafka.password is None


def test_private_credentials_use_the_private_host(dodb_client: dodb.Client) -> None:
    dodb_client.databases.users.add(PG, "app")
    public = dodb_client.databases.users.credentials(PG, "app")
    private = dodb_client.databases.users.credentials(PG, "app", private=True)
    assert private.host == "private-" + public.host
    assert urlsplit(private.uri.reveal()).hostname == private.host  # type: ignore[union-attr]


def test_names_and_passwords_are_percent_encoded_in_the_uri() -> None:
    from dodb._provision import credentials_of
    from dodb_api.models import DatabaseCluster, DatabaseUser

    cluster = DatabaseCluster.from_dict(
        {
            "id": "c",
            "name": "n",
            "engine": "pg",
            "num_nodes": 1,
            "size": "db-s-1vcpu-2gb",
            "region": "nyc3",
            "connection": {
                "uri": "postgresql://doadmin:old@h.invalid:25060/defaultdb?sslmode=require",
                "host": "h.invalid",
                "port": 25060,
                "database": "defaultdb",
                "ssl": True,
            },
        }
    )
    user = DatabaseUser.from_dict({"name": "app@x:y/z", "password": "p@ss:w/rd?#%"})
    uri = credentials_of(cluster, user, private=False).uri.reveal()  # type: ignore[union-attr]
    assert "app%40x%3Ay%2Fz:p%40ss%3Aw%2Frd%3F%23%25@h.invalid:25060" in uri
    got = _uri_parts(uri)
    assert got[1:5] == ("app@x:y/z", "p@ss:w/rd?#%", "h.invalid", 25060)


def test_rotate_gives_a_new_password_and_its_credentials(dodb_client: dodb.Client) -> None:
    users = dodb_client.databases.users
    old = users.add(PG, "app").password
    rotated = users.rotate(PG, "app")
    assert rotated.password != old
    assert rotated.password == users.get(PG, "app").password
    assert _uri_parts(rotated.uri.reveal())[2] == rotated.password.reveal()  # type: ignore[union-attr]


def test_without_a_password_credentials_say_why_and_rotate_still_works() -> None:
    emulator = Emulator(faults=Faults(blank_mongo_password=True))
    users = emulator.client().databases.users
    users.add(MONGO, "mongo")
    with pytest.raises(dodb.NoPasswordError, match="`rotate` makes a new one"):
        users.credentials(MONGO, "mongo")
    rotated = users.rotate(MONGO, "mongo")  # the reset's answer carries it
    assert rotated.password
    assert rotated.uri
    scoped = Emulator(tokens={"reader": ["database:read"]})
    with pytest.raises(dodb.NoPasswordError, match="view_credentials"):
        scoped.client("reader").databases.users.credentials(PG, "doadmin")
    scoped.close()


def test_async_clusters() -> None:
    async def go() -> tuple[Any, Any, Any]:
        async with Emulator().async_client() as client:
            listed = await client.databases.clusters.list()
            one = await client.databases.clusters.get(MONGO)
            raw = await client.databases.get_cluster(MONGO)
            return listed, one, raw

    listed, one, raw = asyncio.run(go())
    assert one in listed
    assert (one.engine, one.connection.port) == (DatabaseEngine.MONGODB, 27017)
    assert raw["database"]["connection"]["uri"].startswith("mongodb+srv://doadmin:")


def test_async_ensure_under_faults_ends_exactly_as_asked() -> None:
    """500s before and after acting, dropped answers and 429s: every user exists once,
    with its settings, and ensuring again changes nothing."""
    faults = Faults(error_before=0.1, error_after=0.1, drop_after=0.1, throttle=0.05, seed=3)
    emulator = Emulator(faults=faults)

    async def go() -> list[str]:
        async with emulator.async_client(max_retries=8) as client:

            async def no_wait(seconds: float) -> None:
                return None

            client._sleep = no_wait
            users = client.databases.users
            for i in range(12):
                await users.ensure(KAFKA, f"k{i}", kafka_acls=[(f"t{i}", "consume")])
            return [
                (await users.ensure(KAFKA, f"k{i}", kafka_acls=[(f"t{i}", "consume")])).action
                for i in range(12)
            ]

    assert asyncio.run(go()) == ["unchanged"] * 12
    assert sum(emulator.fault_counts.values()) > 5
    stored = emulator.store.clusters[KAFKA].users
    assert set(stored) == {"doadmin", *(f"k{i}" for i in range(12))}
    for i in range(12):
        (acl,) = stored[f"k{i}"]["settings"]["acl"]
        assert (acl["topic"], acl["permission"]) == (f"t{i}", "consume")

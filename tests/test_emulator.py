"""The emulator behaves like the API: per engine, per error, per token, under faults."""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID

import dodb
from dodb.emulator import CLUSTER_IDS, ClusterSpec, Emulator, Faults
from dodb.emulator._ratelimit import RateLimiter

PG, MYSQL, KAFKA = CLUSTER_IDS["pg"], CLUSTER_IDS["mysql"], CLUSTER_IDS["kafka"]
MONGO, OPENSEARCH, VALKEY = CLUSTER_IDS["mongodb"], CLUSTER_IDS["opensearch"], CLUSTER_IDS["valkey"]
PASSWORD = re.compile(r"[a-z0-9]{16}")


def raw(
    emulator: Emulator, method: str, path: str, token: str | None = "t", **kwargs: Any
) -> httpx.Response:
    """One request straight to the app, outside dodb's checks."""
    headers = {"authorization": f"Bearer {token}"} if token is not None else {}

    async def go() -> httpx.Response:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=emulator.app), base_url="http://localhost"
        ) as http:
            return await http.request(method, path, headers=headers, **kwargs)

    return asyncio.run(go())


def test_seeded_clusters_are_discoverable(dodb_emulator: Emulator) -> None:
    body = raw(dodb_emulator, "GET", "/v2/databases").json()
    engines = {d["engine"]: d["id"] for d in body["databases"] if d["id"] != "ab7bb7a"}
    assert engines == CLUSTER_IDS
    (reference,) = [d for d in body["databases"] if d["id"] == "ab7bb7a"]
    assert (reference["name"], reference["engine"], reference["status"]) == (
        "reference-page-pg",
        "pg",
        "online",
    )
    ids = [(c["id"], c["name"]) for c in dodb_emulator.store.list_clusters()]
    assert [(c["id"], c["name"]) for c in Emulator().store.list_clusters()] == ids  # stable ids


def test_every_user_cluster_starts_with_its_primary_user(dodb_client: dodb.Client) -> None:
    for engine, cluster in CLUSTER_IDS.items():
        if engine == "valkey":
            continue
        (admin,) = dodb_client.databases.users.list(cluster)
        assert admin.name == "doadmin"
        assert admin.role is dodb.UserRole.PRIMARY


def test_more_clusters_can_be_declared() -> None:
    with Emulator(clusters=[ClusterSpec("my-db", "mine", "mysql")], seed=False) as emulator:
        client = emulator.client()
        assert [u.name for u in client.databases.users.list("my-db")] == ["doadmin"]
        with pytest.raises(dodb.NotFoundError):
            client.databases.users.list(PG)
    with pytest.raises(ValueError, match="engine"):
        ClusterSpec("x", "x", "oracle")


def test_add_returns_a_fresh_random_password(dodb_client: dodb.Client) -> None:
    first = dodb_client.databases.add_user(database_cluster_uuid="ab7bb7a", body={"name": "app-01"})
    second = dodb_client.databases.users.add("ab7bb7a", "app-02")
    assert first["user"]["role"] == "normal"
    assert PASSWORD.fullmatch(first["user"]["password"])
    assert second.password is not None
    assert PASSWORD.fullmatch(second.password.reveal())
    assert first["user"]["password"] != second.password.reveal()
    assert dodb_client.last_response is not None
    assert dodb_client.last_response.status_code == 201


def test_mysql_auth_plugin_default_and_choice(dodb_client: dodb.Client) -> None:
    users = dodb_client.databases.users
    default = users.add(MYSQL, "a")
    chosen = users.add(MYSQL, "b", mysql_auth_plugin="mysql_native_password")
    assert default.mysql_settings == dodb.MysqlSettings(dodb.MysqlAuthPlugin.CACHING_SHA2_PASSWORD)
    assert chosen.mysql_settings == dodb.MysqlSettings(dodb.MysqlAuthPlugin.MYSQL_NATIVE_PASSWORD)
    reset = users.reset_auth(MYSQL, "b", mysql_auth_plugin="caching_sha2_password")
    assert reset.mysql_settings == default.mysql_settings
    assert reset.password != chosen.password
    assert users.get(MYSQL, "b").password == reset.password


def test_postgres_replication(dodb_client: dodb.Client) -> None:
    user = dodb_client.databases.users.add(PG, "replicator", pg_allow_replication=True)
    assert user.settings is not None
    assert user.settings.pg_allow_replication is True


def test_kafka_users_get_acl_ids_and_a_real_client_certificate(dodb_client: dodb.Client) -> None:
    user = dodb_client.databases.users.add(
        KAFKA, "app-03", kafka_acls=[("customer-events.*", "produce"), ("billing", "consume")]
    )
    assert user.settings is not None
    assert user.settings.acl is not None
    assert [(a.topic, a.permission) for a in user.settings.acl] == [
        ("customer-events.*", "produce"),
        ("billing", "consume"),
    ]
    assert all(a.id and a.id.startswith("acl") for a in user.settings.acl)
    assert len({a.id for a in user.settings.acl}) == 2
    assert user.access_cert is not None
    assert user.access_key is not None
    cert = x509.load_pem_x509_certificate(user.access_cert.encode())
    key = serialization.load_pem_private_key(user.access_key.reveal().encode(), password=None)
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "app-03"
    assert cert.public_key().public_numbers() == key.public_key().public_numbers()  # type: ignore[union-attr]
    assert user.access_key.reveal().startswith("-----BEGIN PRIVATE KEY-----")


def test_opensearch_and_mongodb_settings(dodb_client: dodb.Client) -> None:
    users = dodb_client.databases.users
    search = users.add(OPENSEARCH, "s", opensearch_acls=[("logs-*", "readwrite")])
    assert search.settings is not None
    assert search.settings.opensearch_acl == (dodb.OpenSearchAcl("logs-*", "readwrite"),)
    mongo = users.add(MONGO, "m", mongo_databases=["orders", "invoices"], mongo_role="readWrite")
    assert mongo.settings is not None
    assert mongo.settings.mongo_user_settings == dodb.MongoUserSettings(
        ("orders", "invoices"), dodb.MongoRole.READWRITE
    )
    readonly = users.add(MONGO, "r", readonly=True)
    assert readonly.settings is not None
    assert readonly.settings.mongo_user_settings == dodb.MongoUserSettings(
        ("admin",), dodb.MongoRole.READONLY
    )


def test_update_changes_only_settings(dodb_emulator: Emulator, dodb_client: dodb.Client) -> None:
    users = dodb_client.databases.users
    added = users.add(KAFKA, "k", kafka_acls=[("a", "admin")])
    updated = users.update(KAFKA, "k", kafka_acls=[("b", "consume")])
    assert updated.password == added.password
    assert updated.access_key == added.access_key
    assert updated.settings is not None
    assert updated.settings.acl is not None
    assert [(a.topic, a.permission) for a in updated.settings.acl] == [("b", "consume")]
    assert dodb_client.last_response is not None
    assert dodb_client.last_response.status_code == 201
    # Sent past the client's own check, which refuses the name before sending.
    body = {"settings": {}, "name": "renamed"}
    answer = raw(dodb_emulator, "PUT", f"/v2/databases/{KAFKA}/users/k", json=body)
    assert answer.status_code == 422
    assert "name is not a known field (known: settings)" in answer.json()["message"]


def test_delete_answers_204_and_the_user_is_gone(dodb_client: dodb.Client) -> None:
    dodb_client.databases.users.add(PG, "gone")
    assert dodb_client.databases.delete_user(PG, "gone") is None
    assert dodb_client.last_response is not None
    assert dodb_client.last_response.status_code == 204
    with pytest.raises(dodb.NotFoundError):
        dodb_client.databases.users.get(PG, "gone")
    with pytest.raises(dodb.NotFoundError):
        dodb_client.databases.users.delete(PG, "gone")


@pytest.mark.parametrize(
    ("cluster", "body", "message"),
    [
        (
            PG,
            {"name": "x", "mysql_settings": {"auth_plugin": "mysql_native_password"}},
            "mysql_settings applies only to mysql",
        ),
        (
            MYSQL,
            {"name": "x", "settings": {"pg_allow_replication": True}},
            "pg_allow_replication applies only to pg",
        ),
        (
            PG,
            {"name": "x", "settings": {"acl": [{"topic": "t", "permission": "admin"}]}},
            "settings.acl applies only to kafka",
        ),
        (KAFKA, {"name": "x", "settings": {"opensearch_acl": []}}, "applies only to opensearch"),
        (PG, {"name": "x", "settings": {"mongo_user_settings": {}}}, "applies only to mongodb"),
        (PG, {"name": "x", "readonly": True}, "readonly applies only to mongodb"),
        (PG, {}, "name is required"),
        (PG, {"name": ""}, "name must be"),
        (PG, {"name": "-x"}, "name must be"),
        (PG, {"name": "a b"}, "name must be"),
        (PG, {"name": 7}, "name must be"),
        (PG, {"name": "doadmin"}, "already exists"),
        (PG, {"name": "x", "password": "mine"}, "set by the server"),
        (PG, {"name": "x", "colour": "blue"}, "colour is not a known field"),
        (
            MYSQL,
            {"name": "x", "mysql_settings": {"auth_plugin": "sha256_password"}},
            "auth_plugin must be one of",
        ),
        (
            KAFKA,
            {"name": "x", "settings": {"acl": [{"topic": "t", "permission": "write"}]}},
            "permission must be one of",
        ),
        (
            MONGO,
            {"name": "x", "settings": {"mongo_user_settings": {"role": "root"}}},
            "role must be one of",
        ),
        (VALKEY, {"name": "x"}, "not supported for Valkey"),
    ],
)
def test_invalid_adds_are_422_with_the_api_error_body_in_the_emulators_own_words(
    dodb_emulator: Emulator, cluster: str, body: Any, message: str
) -> None:
    """The status and the error shape are the API's; the messages, and which names count
    as invalid ("-x", "a b"), are the emulator's own choices (README: "The emulator's
    own choices"): the API publishes neither."""
    response = raw(dodb_emulator, "POST", f"/v2/databases/{cluster}/users", json=body)
    assert response.status_code == 422
    assert response.json()["id"] == "unprocessable_entity"
    assert message in response.json()["message"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/v2/databases/{valkey}/users"),
        ("GET", "/v2/databases/{valkey}/users/doadmin"),
        ("DELETE", "/v2/databases/{valkey}/users/doadmin"),
        ("POST", "/v2/databases/{valkey}/users/doadmin/reset_auth"),
    ],
)
def test_every_user_operation_on_valkey_is_422(
    dodb_emulator: Emulator, method: str, path: str
) -> None:
    response = raw(
        dodb_emulator, method, path.format(valkey=VALKEY), json={} if method == "POST" else None
    )
    assert response.status_code == 422


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/v2/databases/no-such-cluster/users"),
        ("GET", "/v2/databases/ab7bb7a/users/nobody"),
        ("PUT", "/v2/databases/ab7bb7a/users/nobody"),
        ("DELETE", "/v2/databases/ab7bb7a/users/nobody"),
        ("POST", "/v2/databases/ab7bb7a/users/nobody/reset_auth"),
        ("GET", "/v2/not-an-endpoint"),
    ],
)
def test_unknown_clusters_users_and_paths_are_404(
    dodb_emulator: Emulator, method: str, path: str
) -> None:
    response = raw(
        dodb_emulator, method, path, json={"settings": {}} if method in ("PUT", "POST") else None
    )
    assert response.status_code == 404
    assert response.json() == {
        "id": "not_found",
        "message": "The resource you requested could not be found.",
    }


@pytest.mark.parametrize(
    "header", [None, "", "Bearer", "Bearer   ", "Basic dXNlcjpwYXNz", "token abc"]
)
def test_missing_or_malformed_bearer_is_401(dodb_emulator: Emulator, header: str | None) -> None:
    async def go() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=dodb_emulator.app)) as http:
            headers = {} if header is None else {"authorization": header}
            return await http.get("http://localhost/v2/databases/ab7bb7a/users", headers=headers)

    response = asyncio.run(go())
    assert response.status_code == 401
    assert response.json() == {"id": "unauthorized", "message": "Unable to authenticate you."}


def test_scoped_tokens() -> None:
    tokens = {
        "reader": ["database:read"],
        "viewer": ["database:read", "database:view_credentials"],
        "writer": ["database:create", "database:read"],
    }
    with Emulator(tokens=tokens) as emulator:
        with pytest.raises(dodb.AuthenticationError):
            emulator.client("unknown").databases.users.list(PG)
        with pytest.raises(dodb.PermissionDeniedError, match=r"database:create"):
            emulator.client("reader").databases.users.add(PG, "x")
        added = emulator.client("writer").databases.add_user(PG, {"name": "x"})
        assert "password" not in added["user"]
        assert emulator.client("reader").databases.users.get(PG, "x").password is None
        assert emulator.client("viewer").databases.users.get(PG, "x").password is not None
        kafka = emulator.client("writer").databases.add_user(KAFKA, {"name": "k"})
        assert "access_key" not in kafka["user"]


def test_emulator_choice_the_certificate_shows_without_the_credentials_scope() -> None:
    """Not published: the emulator treats a Kafka user's certificate as public and its
    key as the secret (README: "The emulator's own choices")."""
    with Emulator(tokens={"writer": ["database:create"]}) as emulator:
        kafka = emulator.client("writer").databases.add_user(KAFKA, {"name": "k"})
    assert "access_cert" in kafka["user"]
    assert "access_key" not in kafka["user"]


def test_rate_limit_headers_on_every_response(dodb_emulator: Emulator) -> None:
    before = time.time()
    ok = raw(dodb_emulator, "GET", "/v2/databases/ab7bb7a/users")
    missing = raw(dodb_emulator, "GET", "/v2/databases/nope/users")
    assert ok.headers["ratelimit-limit"] == "5000"
    assert ok.headers["ratelimit-remaining"] == "4999"
    assert missing.headers["ratelimit-remaining"] == "4998"
    assert before + 3600 <= int(ok.headers["ratelimit-reset"]) <= time.time() + 3601
    other = raw(dodb_emulator, "GET", "/v2/databases/ab7bb7a/users", token="other")
    assert other.headers["ratelimit-remaining"] == "4999"  # per token


def test_limiter_follows_the_sliding_hour_and_the_minute_burst() -> None:
    now = [1000.0]
    limiter = RateLimiter(per_hour=5, per_minute=3, clock=lambda: now[0])
    verdicts = [limiter.check("t") for _ in range(3)]
    assert [v.remaining for v in verdicts] == [4, 3, 2]
    assert all(v.reset == 4600 for v in verdicts)
    burst = limiter.check("t")
    assert not burst.allowed
    assert burst.retry_after == 60
    now[0] = 1030.0
    assert limiter.check("t").retry_after == 30
    now[0] = 1061.0
    assert limiter.check("t").allowed
    assert limiter.check("t").allowed
    hourly = limiter.check("t")
    assert not hourly.allowed
    assert hourly.retry_after is None
    assert hourly.reset == 4600
    now[0] = 4601.0  # the first three requests have expired; the reset moves forward
    after = limiter.check("t")
    assert after.allowed
    assert after.remaining == 2
    assert after.reset == 1061 + 3600


def test_the_client_sees_429_with_retry_after_past_the_burst() -> None:
    with Emulator(per_minute=2) as emulator:
        client = emulator.client(max_retries=0, requests_per_minute=None)  # no pacing: meet the 429
        client.databases.users.list(PG)
        client.databases.users.list(PG)
        with pytest.raises(dodb.RateLimitError) as info:
            client.databases.users.list(PG)
    assert info.value.retry_after is not None
    assert 1 <= info.value.retry_after <= 60
    assert info.value.rate_limit is not None
    assert info.value.rate_limit.remaining == 4998


def test_faults_before_do_not_act_and_faults_after_do() -> None:
    with Emulator(faults=Faults(error_before=1.0)) as emulator:
        with pytest.raises(dodb.InternalServerError):
            emulator.client(max_retries=0).databases.users.add(PG, "x")
        assert "x" not in emulator.store.clusters[PG].users
    with Emulator(faults=Faults(error_after=1.0)) as emulator:
        with pytest.raises(dodb.InternalServerError):
            emulator.client(max_retries=0).databases.users.add(PG, "x")
        assert "x" in emulator.store.clusters[PG].users
    with Emulator(faults=Faults(drop_after=1.0)) as emulator:
        with pytest.raises(dodb.APIConnectionError):
            emulator.client(max_retries=0).databases.users.add(PG, "x")
        assert "x" in emulator.store.clusters[PG].users
        assert emulator.fault_counts["drop_after"] == 1
    with Emulator(faults=Faults(throttle=1.0, throttle_retry_after=4)) as emulator:
        with pytest.raises(dodb.RateLimitError) as info:
            emulator.client(max_retries=0).databases.users.add(PG, "x")
        assert info.value.retry_after == 4
        assert "x" not in emulator.store.clusters[PG].users


def test_fault_rates_are_respected_and_repeatable() -> None:
    def run() -> dict[str, int]:
        with Emulator(
            faults=Faults(error_before=0.1, throttle=0.1, drop_after=0.05, seed=7),
            per_minute=10_000,
        ) as emulator:
            client = emulator.client(max_retries=0)
            for _ in range(400):
                with contextlib.suppress(dodb.APIError):
                    client.databases.users.list(PG)
            return emulator.fault_counts

    counts = run()
    assert counts == run()
    assert 20 <= counts["error_before"] <= 65
    assert 20 <= counts["throttle"] <= 65
    assert 5 <= counts["drop_after"] <= 40
    with pytest.raises(ValueError, match="more than 1"):
        Faults(error_before=0.6, throttle=0.6)


def test_latency_is_added() -> None:
    with Emulator(faults=Faults(latency=0.05)) as emulator:
        client = emulator.client()
        start = time.perf_counter()
        client.databases.users.list(PG)
        assert time.perf_counter() - start >= 0.05


def test_served_over_http_with_real_drops() -> None:
    emulator = Emulator(faults=Faults(drop_after=1.0))
    with emulator.running() as url, dodb.Client("t", base_url=url, max_retries=0) as client:
        failed = pytest.raises(dodb.APIConnectionError)
        with failed:
            client.databases.users.add(PG, "dropped")
    assert "dropped" in emulator.store.clusters[PG].users


@pytest.mark.anyio
async def test_async_client_fixture(dodb_async_client: dodb.AsyncClient) -> None:
    user = await dodb_async_client.databases.users.add(PG, "async-user")
    assert user.name == "async-user"
    assert [u.name for u in await dodb_async_client.databases.users.list(PG)] == [
        "doadmin",
        "async-user",
    ]


def test_each_operation_needs_the_scope_the_spec_declares() -> None:
    """Read from openapi.yaml here, independently of the emulator: for every operation,
    a token with every other scope is refused (403 naming the missing one) and a token
    with just the declared scopes gets past the gate."""
    import yaml

    spec = yaml.safe_load((Path(__file__).resolve().parent.parent / "openapi.yaml").read_text())
    credentials = spec["components"]["securitySchemes"]["bearer_auth"]["x-credentials-scope"]
    declared = {}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if isinstance(op, dict) and "security" in op:
                (requirement,) = op["security"]
                declared[(method.upper(), path)] = set(requirement["bearer_auth"])
    assert len(declared) == 8  # six user operations, two cluster reads
    every = set().union(*declared.values()) | {credentials}
    values = {"database_cluster_uuid": PG, "username": "doadmin"}
    for (method, path), needed in declared.items():
        url = path.format_map(values)
        tokens = {"without": sorted(every - needed), "with": sorted(needed)}
        body = {"name": "scoped"} if path.endswith("/users") else {}
        with Emulator(tokens=tokens) as emulator:
            refused = raw(emulator, method, url, token="without", json=body)
            assert refused.status_code == 403, (method, path)
            assert all(scope in refused.json()["message"] for scope in needed)
            allowed = raw(emulator, method, url, token="with", json=body)
            assert allowed.status_code != 403, (method, path, allowed.text)


def test_the_seeded_ids_and_names_are_the_ones_the_readme_uses() -> None:
    """Stable across runs and machines: the README and users' scripts name them."""
    assert sorted(CLUSTER_IDS) == ["kafka", "mongodb", "mysql", "opensearch", "pg", "valkey"]
    assert {e: CLUSTER_IDS[e] for e in ("pg", "mysql", "kafka")} == {
        "pg": "4fd16755-0d3a-5a06-becb-d18daf731bcf",
        "mysql": "7d53a138-ccf2-5ba3-a595-aac1e0e83506",
        "kafka": "e85d5820-3635-5ff4-ad44-4575c7436896",
    }
    names = {c["id"]: c["name"] for c in Emulator().store.list_clusters()}
    assert names[CLUSTER_IDS["kafka"]] == "emulator-kafka"
    assert names["ab7bb7a"] == "reference-page-pg"
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    for engine in ("pg", "mysql", "kafka"):
        assert CLUSTER_IDS[engine] in readme


def test_a_clusters_connection_is_its_primary_users_and_valkey_has_one_too(
    dodb_client: dodb.Client, dodb_emulator: Emulator
) -> None:
    pg = dodb_client.databases.clusters.get(PG)
    admin = dodb_emulator.store.clusters[PG].users["doadmin"]
    assert pg.connection is not None
    assert pg.connection.password is not None
    assert pg.connection.password.reveal() == admin["password"]
    assert pg.connection.user == "doadmin"
    valkey = dodb_client.databases.clusters.get(VALKEY)  # no users, but a cluster all the same
    assert valkey.connection is not None
    assert (valkey.engine, valkey.connection.port) == ("valkey", 25061)


def test_a_new_user_is_hidden_from_reads_for_exactly_the_read_lag() -> None:
    now = [100.0]
    emulator = Emulator(faults=Faults(read_lag=2.0))
    emulator.store._clock = lambda: now[0]
    client = emulator.client(max_retries=0)
    client.databases.users.add(PG, "late")
    now[0] += 1.75
    with pytest.raises(dodb.NotFoundError):
        client.databases.users.get(PG, "late")
    now[0] += 0.25  # exactly the lag (binary fractions: exact): shown from here on
    assert client.databases.users.get(PG, "late").name == "late"


def test_clusters_can_be_listed_by_tag() -> None:
    from dodb.emulator import ClusterSpec, Emulator

    tagged = ClusterSpec("tagged1", "tagged", "pg", tags=("production",))
    with Emulator(clusters=[tagged]).client() as client:
        everything = client.databases.list_clusters()["databases"]
        assert "tagged1" in {c["id"] for c in everything}
        assert len(everything) > 1
        only = client.databases.list_clusters(tag_name="production")["databases"]
        assert [c["id"] for c in only] == ["tagged1"]
        assert client.databases.clusters.list(tag_name="nothing-has-this") == []

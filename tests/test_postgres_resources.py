"""A real PostgreSQL behind the emulator: logical databases are real databases, the
API's CA verifies the server (verify-full), and pools name the real host (no PgBouncer)."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import psycopg
import pytest

import dodb
from dodb.emulator import Emulator

pytestmark = pytest.mark.postgres

CLUSTER = "ab7bb7a"


@pytest.fixture
def client(dodb_postgres_client: dodb.Client) -> dodb.Client:
    return dodb_postgres_client


def admin_uri(client: dodb.Client) -> str:
    cluster = client.databases.clusters.get(CLUSTER)
    assert cluster.connection is not None
    assert cluster.connection.uri is not None
    return cluster.connection.uri.reveal()


def databases(client: dodb.Client) -> set[str]:
    with psycopg.connect(admin_uri(client), autocommit=True) as conn:
        rows: list[Any] = conn.execute("SELECT datname FROM pg_database").fetchall()
    return {row[0] for row in rows}


def test_a_database_added_through_the_api_is_a_real_one(client: dodb.Client) -> None:
    client.databases.add(CLUSTER, {"name": "real-orders"})
    assert "real-orders" in databases(client)
    uri = admin_uri(client).replace("/defaultdb?", "/real-orders?")
    with psycopg.connect(uri) as conn:
        assert conn.execute("SELECT current_database()").fetchone() == ("real-orders",)
    client.databases.delete(CLUSTER, "real-orders")
    assert "real-orders" not in databases(client)


def test_the_apis_ca_verifies_the_server_in_full(
    client: dodb.Client, dodb_postgres_emulator: Emulator, tmp_path: Path
) -> None:
    answer = client.databases.get_ca(CLUSTER)
    pem = base64.b64decode(answer["ca"]["certificate"])
    assert dodb_postgres_emulator.postgres is not None
    assert pem.decode() == dodb_postgres_emulator.postgres.ca_pem
    root = tmp_path / "ca.pem"
    root.write_bytes(pem)
    uri = admin_uri(client).replace("sslmode=require", "sslmode=verify-full")
    with psycopg.connect(uri, sslrootcert=str(root)) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)


def test_a_pool_names_the_real_host_on_the_pool_port(client: dodb.Client) -> None:
    body = {"name": "real-pool", "mode": "transaction", "size": 5, "db": "defaultdb"}
    pool = client.databases.add_connection_pool(CLUSTER, body)["pool"]
    try:
        assert pool["connection"]["host"] == "127.0.0.1"
        assert pool["connection"]["port"] == 25061
    finally:
        client.databases.delete_connection_pool(CLUSTER, "real-pool")

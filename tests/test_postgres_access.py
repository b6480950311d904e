"""The access path against a real PostgreSQL: what `apply` and `credentials` hand out
opens a verified connection, with nothing added by the test."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

import dodb
from dodb import ClusterAccess

pytestmark = pytest.mark.postgres

CLUSTER = "ab7bb7a"


def test_the_uri_from_credentials_connects_verified_to_the_users_own_database(
    dodb_postgres_client: dodb.Client, tmp_path: Path
) -> None:
    client = dodb_postgres_client
    desired = {CLUSTER: ClusterAccess(users={"access-app": {}}, dbs=("access_orders",))}
    applied = client.apply(desired)
    assert [result for _, result in applied.done] == ["created", "created"]
    ca = tmp_path / "ca.pem"
    creds = client.databases.users.credentials(CLUSTER, "access-app", ca_file=ca)
    assert creds.uri is not None
    dsn = creds.uri.reveal().replace("/defaultdb?", "/access_orders?")
    assert "sslmode=verify-full" in dsn
    # Nothing but the URI: the driver verifies the server with the CA file it names.
    with psycopg.connect(dsn, connect_timeout=10) as conn:
        row = conn.execute("SELECT current_user, current_database()").fetchone()
    assert row == ("access-app", "access_orders")
    # The check is real: the same URI with another CA file is refused.
    other = tmp_path / "other.pem"
    from dodb.emulator._certs import CertificateAuthority

    other.write_text(CertificateAuthority().pem())
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(dsn.replace(str(ca), str(other)), connect_timeout=10)
    assert client.plan(desired).to_do == ()

"""A real PostgreSQL behind the emulator: what dodb hands out opens a real connection.

One emulator with real servers for the session (the plugin's `dodb_postgres_emulator`);
each test uses user names of its own.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import psycopg
import pytest

import dodb
from dodb.emulator import Emulator
from dodb.emulator._certs import CertificateAuthority

pytestmark = pytest.mark.postgres

CA = Path(tempfile.mkdtemp(prefix="dodb-ca-")) / "ca.pem"
"""Where credentials write the cluster's CA, which their URIs name (verify-full)."""

CLUSTER = "ab7bb7a"
ODD_PASSWORD = "p@ss:/%#?+w0rd"
"""A password with every URI-reserved character the rules name."""


@pytest.fixture(scope="module")
def backend(dodb_postgres_emulator: Emulator) -> Any:
    assert dodb_postgres_emulator.postgres is not None
    return dodb_postgres_emulator.postgres


@pytest.fixture
def client(dodb_postgres_client: dodb.Client) -> dodb.Client:
    return dodb_postgres_client


def login(creds: dodb.Credentials, **options: Any) -> psycopg.Connection[Any]:
    """A connection built from the credentials' parts (not their URI)."""
    assert creds.password is not None
    assert creds.port is not None
    where: dict[str, Any] = {
        "host": creds.host,
        "port": creds.port,
        "user": creds.user,
        "password": creds.password.reveal(),
        "dbname": creds.database,
        "connect_timeout": 10,
        "sslmode": "require",
    }
    return psycopg.connect(**{**where, **options})


def admin(client: dodb.Client) -> psycopg.Connection[Any]:
    """doadmin's connection, from the cluster's own connection URI."""
    cluster = client.databases.clusters.get(CLUSTER)
    assert cluster.connection is not None
    assert cluster.connection.uri is not None
    return psycopg.connect(cluster.connection.uri.reveal(), autocommit=True)


def role(client: dodb.Client, name: str) -> tuple[Any, ...] | None:
    with admin(client) as conn:
        return conn.execute(
            "SELECT rolcanlogin, rolreplication, rolsuper FROM pg_roles WHERE rolname = %s",
            (name,),
        ).fetchone()


def test_the_postgres_extra_is_installed_for_development() -> None:
    """The dev extra brings the postgres extra: without it, the tests here would skip."""
    from dodb.emulator._postgres import check_available

    assert (check_available() / "bin" / "postgres").is_file()


def test_credentials_open_a_real_connection_as_the_user(client: dodb.Client) -> None:
    client.databases.users.ensure(CLUSTER, "conn-app")
    creds = client.databases.users.credentials(CLUSTER, "conn-app", ca_file=CA)
    assert (creds.host, creds.database, creds.ssl) == ("127.0.0.1", "defaultdb", True)
    assert creds.uri is not None
    with psycopg.connect(creds.uri.reveal()) as conn:
        assert conn.execute("SELECT current_user").fetchone() == ("conn-app",)
        assert conn.pgconn.ssl_in_use
    assert role(client, "conn-app") == (True, False, False)


def test_replication_follows_the_setting(client: dodb.Client) -> None:
    users = client.databases.users
    users.ensure(CLUSTER, "repl-app", pg_allow_replication=True)
    with psycopg.connect(users.credentials(CLUSTER, "repl-app", ca_file=CA).uri.reveal()) as conn:  # type: ignore[union-attr]
        row = conn.execute(
            "SELECT rolreplication FROM pg_roles WHERE rolname = current_user"
        ).fetchone()
        assert row == (True,)
    users.update(CLUSTER, "repl-app", pg_allow_replication=False)
    assert role(client, "repl-app") == (True, False, False)
    users.update(CLUSTER, "repl-app", pg_allow_replication=True)
    assert role(client, "repl-app") == (True, True, False)


def test_rotate_refuses_the_old_password_and_accepts_the_new(client: dodb.Client) -> None:
    users = client.databases.users
    users.ensure(CLUSTER, "rotate-app")
    before = users.credentials(CLUSTER, "rotate-app", ca_file=CA)
    login(before).close()
    after = users.rotate(CLUSTER, "rotate-app")
    assert after.password != before.password
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        login(before)
    with login(after) as conn:
        assert conn.execute("SELECT current_user").fetchone() == ("rotate-app",)


def test_delete_drops_the_role(client: dodb.Client) -> None:
    users = client.databases.users
    users.ensure(CLUSTER, "gone-app")
    creds = users.credentials(CLUSTER, "gone-app", ca_file=CA)
    users.delete(CLUSTER, "gone-app")
    assert role(client, "gone-app") is None
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        login(creds)


def test_delete_of_a_role_that_owns_objects_is_refused_in_the_api_shape(
    client: dodb.Client,
) -> None:
    users = client.databases.users
    users.ensure(CLUSTER, "owner-app")
    with admin(client) as conn:
        conn.execute('GRANT CREATE ON SCHEMA public TO "owner-app"')
    with login(users.credentials(CLUSTER, "owner-app", ca_file=CA), autocommit=True) as conn:
        conn.execute("CREATE TABLE owned_by_app (id int)")
    with pytest.raises(dodb.APIStatusError) as refused:
        users.delete(CLUSTER, "owner-app")
    assert refused.value.status_code == 422
    assert refused.value.body == {
        "id": "unprocessable_entity",
        "message": 'role "owner-app" cannot be dropped because some objects depend on it '
        "(2 objects in database defaultdb)",
    }
    # Nothing half-done: the API still lists the user, and it still logs in.
    assert "owner-app" in [u.name for u in users.list(CLUSTER)]
    with login(users.credentials(CLUSTER, "owner-app", ca_file=CA), autocommit=True) as conn:
        conn.execute("DROP TABLE owned_by_app")
    with admin(client) as conn:
        conn.execute('REVOKE CREATE ON SCHEMA public FROM "owner-app"')
    users.delete(CLUSTER, "owner-app")
    assert role(client, "owner-app") is None


def test_doadmin_is_a_real_superuser_like_role_with_the_clusters_password(
    client: dodb.Client,
) -> None:
    cluster = client.databases.clusters.get(CLUSTER)
    assert cluster.connection is not None
    assert (cluster.connection.host, cluster.connection.user) == ("127.0.0.1", "doadmin")
    with admin(client) as conn:
        row = conn.execute(
            "SELECT current_user, rolcreaterole, rolcreatedb, rolreplication, rolsuper, "
            "pg_has_role('pg_read_all_data', 'member'), "
            "(SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'defaultdb') "
            "FROM pg_roles WHERE rolname = current_user"
        ).fetchone()
    assert row == ("doadmin", True, True, True, False, True, "doadmin")


def test_verify_full_with_the_emulator_ca_works_and_is_real(
    client: dodb.Client, backend: Any, tmp_path: Path
) -> None:
    users = client.databases.users
    users.ensure(CLUSTER, "tls-app")
    creds = users.credentials(CLUSTER, "tls-app", ca_file=CA)
    assert backend.ca_file.read_text() == backend.ca_pem
    with login(creds, sslmode="verify-full", sslrootcert=str(backend.ca_file)) as conn:
        assert conn.execute("SELECT current_user").fetchone() == ("tls-app",)
    other_ca = tmp_path / "other-ca.pem"
    other_ca.write_text(CertificateAuthority().pem())
    with pytest.raises(
        psycopg.OperationalError, match=r"certificate verify failed|signature failure"
    ):
        login(creds, sslmode="verify-full", sslrootcert=str(other_ca))
    # The name is checked too: the certificate is for 127.0.0.1 and localhost only.
    with pytest.raises(psycopg.OperationalError, match="does not match host name"):
        login(
            creds,
            sslmode="verify-full",
            sslrootcert=str(backend.ca_file),
            hostaddr="127.0.0.1",
            host="db.example.invalid",
        )


def test_a_connection_without_tls_is_refused(client: dodb.Client) -> None:
    users = client.databases.users
    users.ensure(CLUSTER, "plain-app")
    with pytest.raises(psycopg.OperationalError, match="accepts TLS connections only"):
        login(users.credentials(CLUSTER, "plain-app", ca_file=CA), sslmode="disable")


def test_logical_databases_are_real_databases(client: dodb.Client, backend: Any) -> None:
    backend.database_added(CLUSTER, "reports")
    cluster = client.databases.clusters.get(CLUSTER)
    assert cluster.connection is not None
    assert cluster.connection.password is not None
    where = {
        "host": cluster.connection.host,
        "port": cluster.connection.port,
        "user": "doadmin",
        "password": cluster.connection.password.reveal(),
        "sslmode": "require",
    }
    with psycopg.connect(dbname="reports", **where) as conn:
        assert conn.execute("SELECT current_database()").fetchone() == ("reports",)
    backend.database_deleted(CLUSTER, "reports")
    with pytest.raises(psycopg.OperationalError, match='database "reports" does not exist'):
        psycopg.connect(dbname="reports", **where)
    from dodb.emulator._state import ApiError

    backend.database_added(CLUSTER, "twice")
    with pytest.raises(ApiError, match='database "twice" already exists') as refused:
        backend.database_added(CLUSTER, "twice")
    assert (refused.value.status, refused.value.error_id) == (422, "unprocessable_entity")


def test_passwords_with_reserved_characters_reach_the_server_intact(
    client: dodb.Client, backend: Any
) -> None:
    """The mirror on its own, with a password no emulator would make: the verifier is
    computed from the exact string, and the cluster's URI percent-encodes it."""
    backend.user_added(CLUSTER, "odd-app", ODD_PASSWORD, {})
    host, port = backend.endpoint(CLUSTER)
    with psycopg.connect(
        host=host, port=port, user="odd-app", password=ODD_PASSWORD, dbname="defaultdb"
    ) as conn:
        assert conn.execute("SELECT current_user").fetchone() == ("odd-app",)
    backend.password_changed(CLUSTER, "doadmin", ODD_PASSWORD)
    try:
        uri = backend.connection(CLUSTER, ODD_PASSWORD, private=False)["uri"]
        assert ODD_PASSWORD not in uri
        with psycopg.connect(uri) as conn:
            assert conn.execute("SELECT current_user").fetchone() == ("doadmin",)
    finally:
        password = client.databases.users.get(CLUSTER, "doadmin").password
        assert password is not None
        backend.password_changed(CLUSTER, "doadmin", password.reveal())
    backend.user_deleted(CLUSTER, "odd-app")
    assert role(client, "odd-app") is None


def test_the_servers_log_holds_no_password_nor_verifier(client: dodb.Client, backend: Any) -> None:
    users = client.databases.users
    users.ensure(CLUSTER, "quiet-app")
    password = users.rotate(CLUSTER, "quiet-app").password
    assert password is not None
    with pytest.raises(dodb.APIStatusError):
        users.add(CLUSTER, "postgres")  # refused by the server: its statement is not logged
    logs = "".join(
        p.read_text(errors="replace") for p in backend.workspace.root.glob("*/server.log")
    )
    assert list(backend.workspace.root.glob("*/server.log"))
    for secret in (password.reveal(), ODD_PASSWORD, "SCRAM-SHA-256$"):
        assert secret not in logs


def test_a_name_the_server_reserves_is_refused_before_it_is_recorded(
    client: dodb.Client,
) -> None:
    with pytest.raises(dodb.APIStatusError) as refused:
        client.databases.users.add(CLUSTER, "postgres")
    assert refused.value.status_code == 422
    assert refused.value.body == {
        "id": "unprocessable_entity",
        "message": 'role "postgres" already exists',
    }
    assert "postgres" not in [u.name for u in client.databases.users.list(CLUSTER)]


def test_clusters_of_other_engines_keep_their_invalid_hosts(client: dodb.Client) -> None:
    from dodb.emulator import CLUSTER_IDS

    mysql = client.databases.clusters.get(CLUSTER_IDS["mysql"])
    assert mysql.connection is not None
    assert mysql.connection.host is not None
    assert mysql.connection.host.endswith(".invalid")
    # Both PostgreSQL clusters are real, each a server of its own.
    seeded = client.databases.clusters.get(CLUSTER_IDS["pg"])
    reference = client.databases.clusters.get(CLUSTER)
    assert seeded.connection is not None
    assert reference.connection is not None
    assert seeded.connection.host == "127.0.0.1"
    assert seeded.connection.port != reference.connection.port


def test_no_repr_shows_a_password(client: dodb.Client, backend: Any) -> None:
    template = backend.workspace._template
    admin_password = client.databases.users.get(CLUSTER, "doadmin").password
    assert admin_password is not None
    shown = "".join(
        repr(x)
        for x in (
            backend,
            backend._clusters,
            backend.workspace,
            template,
            *backend.workspace._servers,
        )
    )
    assert template.password not in shown
    assert admin_password.reveal() not in shown

"""A real PostgreSQL server behind each of the emulator's PostgreSQL clusters.

`PostgresBackend` is the store's engine mirror (`_mirror.EngineMirror`): each
user the API adds becomes a login role with the password the API returns, a
reset changes it, `pg_allow_replication` sets or clears REPLICATION, a delete
drops the role, and the primary user `doadmin` owns the cluster's `defaultdb`;
destroying the cluster stops its server and removes its folder.
Passwords reach the server only as SCRAM verifiers computed here (libpq's
`PQencryptPasswordConn`), never in clear.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import quote

import attrs
import psycopg
from psycopg import sql

from ._pgtls import HOST, TlsFront
from ._postgres import DEFAULT_ACCOUNT, PostgresServer, Workspace
from ._state import PG, ApiError

if TYPE_CHECKING:
    from ._certs import CertificateAuthority

DATABASE: Final = "defaultdb"
"""The database every cluster starts with, owned by its primary user."""
_ADMIN_ATTRIBUTES: Final = sql.SQL("LOGIN CREATEDB CREATEROLE REPLICATION BYPASSRLS")
_ADMIN_ROLES: Final = ("pg_read_all_data", "pg_write_all_data", "pg_monitor", "pg_signal_backend")
"""What makes the primary user superuser-like without being a superuser, as on DigitalOcean."""
_SERVER_GONE: Final = frozenset({"08", "53", "57", "58", "XX"})
"""SQLSTATE classes that mean the server, not the request, failed."""


@attrs.define
class _Backed:
    """One emulator cluster's server, its TLS port and the superuser session to it."""

    server: PostgresServer
    port: int
    admin: str
    session: psycopg.Connection[tuple[Any, ...]]
    lock: threading.Lock = attrs.field(factory=threading.Lock)


class PostgresBackend:
    """Real PostgreSQL servers for the emulator's PostgreSQL clusters, one per cluster
    (roles are server-wide, as each DigitalOcean cluster is a server of its own)."""

    def __init__(self, authority: CertificateAuthority, *, run_as: str = DEFAULT_ACCOUNT) -> None:
        self.workspace = Workspace(run_as)
        self._clusters: dict[str, _Backed] = {}
        self._numbers = itertools.count()
        """Each server's folder is named by a number of its own, never reused (taken
        before the server is made: a server that fails to start leaves its folder)."""
        try:
            self.ca_pem = authority.pem()
            """The PEM of the CA that signed the servers' certificate (`sslrootcert`)."""
            self.ca_file = self.workspace.root / "ca.pem"
            self.ca_file.write_text(self.ca_pem)
            self.ca_file.chmod(0o644)
            tls = self.workspace.root / "tls"
            tls.mkdir(mode=0o700)
            certificate, key = authority.issue_server([HOST, "localhost"])
            (tls / "server.crt").write_text(certificate)
            key_file = tls / "server.key"
            key_file.touch(mode=0o600)
            key_file.write_text(key)
            self._front = TlsFront(tls / "server.crt", key_file)
        except BaseException:
            self.workspace.close()
            raise

    # The engine mirror -------------------------------------------------------------

    def cluster_added(self, cluster_id: str, engine: str, admin: str, password: str) -> None:
        if engine != PG:
            return
        with contextlib.ExitStack() as undo:  # a cluster half set up leaves nothing running
            server = self.workspace.new_server(f"cluster-{next(self._numbers)}")
            undo.callback(self.workspace.remove_server, server)
            port = self._front.add(server.socket_path)
            undo.callback(self._front.remove, port)
            session = server.connect()
            undo.callback(_close, session)
            backed = _Backed(server, port, admin, session)
            role = sql.Identifier(admin)
            self._run(
                backed,
                sql.SQL("CREATE ROLE {} {} PASSWORD {}").format(
                    role, _ADMIN_ATTRIBUTES, self._verifier(backed, admin, password)
                ),
                sql.SQL("GRANT {} TO {}").format(
                    sql.SQL(", ").join(map(sql.Identifier, _ADMIN_ROLES)), role
                ),
                sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(DATABASE), role),
            )
            self._clusters[cluster_id] = backed
            undo.pop_all()  # set up whole: it stays

    def cluster_removed(self, cluster_id: str) -> None:
        backed = self._clusters.pop(cluster_id, None)
        if backed is None:
            return
        self._front.remove(backed.port)
        with backed.lock:
            _close(backed.session)
        self.workspace.remove_server(backed.server)

    def user_added(
        self, cluster_id: str, name: str, password: str, settings: dict[str, Any]
    ) -> None:
        backed = self._clusters.get(cluster_id)
        if backed is None:
            return
        self._run(
            backed,
            sql.SQL("CREATE ROLE {} LOGIN {} PASSWORD {}").format(
                sql.Identifier(name), _replication(settings), self._verifier(backed, name, password)
            ),
        )

    def password_changed(self, cluster_id: str, name: str, password: str) -> None:
        backed = self._clusters.get(cluster_id)
        if backed is None:
            return
        self._run(
            backed,
            sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                sql.Identifier(name), self._verifier(backed, name, password)
            ),
        )

    def settings_changed(self, cluster_id: str, name: str, settings: dict[str, Any]) -> None:
        backed = self._clusters.get(cluster_id)
        if backed is not None:
            statement = sql.SQL("ALTER ROLE {} {}")
            self._run(backed, statement.format(sql.Identifier(name), _replication(settings)))

    def user_deleted(self, cluster_id: str, name: str) -> None:
        backed = self._clusters.get(cluster_id)
        if backed is not None:
            self._run(backed, sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(name)))

    def database_added(self, cluster_id: str, name: str) -> None:
        backed = self._clusters.get(cluster_id)
        if backed is not None:
            statement = sql.SQL("CREATE DATABASE {} OWNER {}")
            self._run(backed, statement.format(sql.Identifier(name), sql.Identifier(backed.admin)))

    def database_deleted(self, cluster_id: str, name: str) -> None:
        backed = self._clusters.get(cluster_id)
        if backed is not None:
            self._run(backed, sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))

    def connection(self, cluster_id: str, password: str, *, private: bool) -> dict[str, Any] | None:
        """Loopback host and TLS port; the same for the private connection (there is no
        private network here)."""
        backed = self._clusters.get(cluster_id)
        if backed is None:
            return None
        login = f"{quote(backed.admin, safe='')}:{quote(password, safe='')}"
        return {
            "database": DATABASE,
            "host": HOST,
            "port": backed.port,
            "user": backed.admin,
            "password": password,
            "ssl": True,
            "uri": f"postgresql://{login}@{HOST}:{backed.port}/{DATABASE}?sslmode=require",
        }

    # Beyond the mirror ----------------------------------------------------------------

    def backs(self, cluster_id: str) -> bool:
        return cluster_id in self._clusters

    def endpoint(self, cluster_id: str) -> tuple[str, int]:
        """(host, port) of a backed cluster's server."""
        backed = self._clusters[cluster_id]
        return HOST, backed.port

    def close(self) -> None:
        """Stop the servers and remove their folder."""
        self._front.close()
        for backed in self._clusters.values():
            _close(backed.session)
        self.workspace.close()

    # Helpers ----------------------------------------------------------------------

    @staticmethod
    def _verifier(backed: _Backed, name: str, password: str) -> sql.Literal:
        """The SCRAM-SHA-256 verifier of `password`: what the server stores."""
        with backed.lock:
            encrypted = backed.session.pgconn.encrypt_password(
                password.encode(), name.encode(), b"scram-sha-256"
            )
        return sql.Literal(encrypted.decode())

    @staticmethod
    def _run(backed: _Backed, *statements: sql.Composed) -> None:
        """Run the statements in order; the server's refusal becomes the API's error."""
        with backed.lock:
            for statement in statements:
                try:
                    backed.session.execute(statement)
                except psycopg.Error as exc:
                    raise _api_error(exc) from None


def _close(session: psycopg.Connection[tuple[Any, ...]]) -> None:
    """End a superuser session; a server already gone is no error here."""
    with contextlib.suppress(psycopg.Error):
        session.close()


def _replication(settings: dict[str, Any]) -> sql.SQL:
    return sql.SQL("REPLICATION" if settings.get("pg_allow_replication") else "NOREPLICATION")


def _api_error(exc: psycopg.Error) -> ApiError:
    """A refusal by the server is the request's fault (422, with the server's words);
    a server that is gone is the emulator's (500). No statement text is quoted."""
    state = exc.sqlstate
    if state is None or state[:2] in _SERVER_GONE:
        return ApiError(
            500, "server_error", "The cluster's PostgreSQL server did not answer the change."
        )
    message = exc.diag.message_primary or "PostgreSQL refused the change"
    detail = exc.diag.message_detail
    return ApiError(422, "unprocessable_entity", f"{message} ({detail})" if detail else message)

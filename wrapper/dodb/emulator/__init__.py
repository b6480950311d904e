"""A local emulator of DigitalOcean's managed-database API (every operation of the spec,
with state), for tests and demos without an account.

    from dodb.emulator import Emulator, CLUSTER_IDS
    client = Emulator().client()            # a dodb.Client wired to a fresh emulator
    client.databases.add_user(database_cluster_uuid="ab7bb7a", body={"name": "app-01"})

Seeded clusters: one per engine (ids in `CLUSTER_IDS`), plus the reference
page's `ab7bb7a` (PostgreSQL), each with its primary user `doadmin`. Needs the
`emulator` extra: `pip install 'dodb[emulator]'`. With `Emulator(postgres=True)`
(the `postgres` extra) each PostgreSQL cluster is a real server: see `_pgmirror`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Final, TypedDict

_EXTRA: Final = ("starlette", "uvicorn", "cryptography")


class _ServerOptions(TypedDict):
    log_level: str
    access_log: bool
    proxy_headers: bool


_SERVER_OPTIONS: Final[_ServerOptions] = {
    "log_level": "warning",
    # No access log and no X-Forwarded-* rewriting: neither is of use to an emulator,
    # and both cost time on every request.
    "access_log": False,
    "proxy_headers": False,
}

try:
    from ._app import ALL_SCOPES, Gate, build_app
    from ._certs import CertificateAuthority
    from ._faults import ConnectionDropped, FaultPlan, Faults
    from ._postgres import PostgresStartError, PostgresUnavailable
    from ._ratelimit import RateLimiter
    from ._state import CLUSTER_IDS, ENGINES, SEEDED_CLUSTERS, ClusterSpec, Store
    from ._transport import SyncASGITransport
except ModuleNotFoundError as missing:
    package = (missing.name or "").split(".")[0]
    if package not in _EXTRA:
        raise
    raise ModuleNotFoundError(
        f"dodb.emulator needs the emulator extra ({package} is missing): "
        "pip install 'dodb[emulator]'",
        name=package,
    ) from None

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from .._async_client import AsyncClient
    from .._client import Client
    from ._pgmirror import PostgresBackend

IN_PROCESS_URL: Final = "http://localhost"
DEFAULT_TOKEN: Final = "emulator-token"  # noqa: S105 - any non-empty token is accepted

__all__ = [
    "ALL_SCOPES",
    "CLUSTER_IDS",
    "DEFAULT_TOKEN",
    "ENGINES",
    "SEEDED_CLUSTERS",
    "ClusterSpec",
    "ConnectionDropped",
    "Emulator",
    "Faults",
    "PostgresStartError",
    "PostgresUnavailable",
]


class _QuietDrops(logging.Filter):
    """Keep the server's log free of the tracebacks of deliberate drops."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, ConnectionDropped)


class Emulator:
    """One emulated API: its clusters, users, tokens, rate limits and faults.

    `tokens` maps each accepted token to its scopes; by default any non-empty
    token is accepted with every scope. A token without
    `database:view_credentials` gets users without passwords and keys.

    `postgres=True` backs each PostgreSQL cluster with a real server (the `postgres`
    extra): `self.postgres` is then the backend (its CA in `ca_pem` / `ca_file`), and
    `close()` stops the servers and removes their data.

    `change_delay`: how many seconds a cluster the API creates stays `creating` (and
    a resized or migrated one `resizing` or `migrating`) before it is online.
    """

    def __init__(
        self,
        *,
        clusters: Iterable[ClusterSpec] = (),
        seed: bool = True,
        tokens: Mapping[str, Iterable[str]] | None = None,
        per_hour: int = 5000,
        per_minute: int = 250,
        faults: Faults | None = None,
        postgres: bool = False,
        change_delay: float = 2.0,
    ) -> None:
        self.authority = CertificateAuthority()
        specs = [*(SEEDED_CLUSTERS if seed else ()), *clusters]
        chosen = faults or Faults()
        self._transport: SyncASGITransport | None = None
        self.postgres: PostgresBackend | None = None
        if postgres:
            from ._postgres import check_available

            check_available()  # a clear error naming the extra, before psycopg is imported
            from ._pgmirror import PostgresBackend

            self.postgres = PostgresBackend(self.authority)
        try:
            self.store = Store(
                specs,
                self.authority.issue,
                read_lag=chosen.read_lag,
                fill_defaults=chosen.normalise,
                mirror=self.postgres,
                change_delay=change_delay,
                ca_pem=self.postgres.ca_pem if self.postgres else self.authority.pem(),
            )
        except BaseException:
            self.close()
            raise
        self.limiter = RateLimiter(per_hour=per_hour, per_minute=per_minute)
        self.faults = FaultPlan(chosen)
        scopes = None if tokens is None else {t: frozenset(s) for t, s in tokens.items()}
        self.app: Starlette = build_app(Gate(self.store, self.limiter, self.faults, scopes))

    def close(self) -> None:
        """Stop the thread that serves in-process sync clients, if one was started, and
        the real PostgreSQL servers (their data is removed)."""
        if self._transport is not None:
            self._transport.close()
            self._transport = None
        if self.postgres is not None:
            self.postgres.close()

    def __enter__(self) -> Emulator:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def fault_counts(self) -> dict[str, int]:
        """How many requests got each injected fault so far."""
        return dict(self.faults.counts)

    def client(self, token: str = DEFAULT_TOKEN, **options: Any) -> Client:
        """A `dodb.Client` that talks to this emulator in process (no socket).

        It paces itself to this emulator's per-minute limit unless told otherwise."""
        import httpx

        from .._client import Client

        if self._transport is None:
            self._transport = SyncASGITransport(self.app)
        http = httpx.Client(transport=self._transport)
        options.setdefault("requests_per_minute", self.limiter.per_minute)
        return Client(token, base_url=IN_PROCESS_URL, http_client=http, **options)

    def async_client(self, token: str = DEFAULT_TOKEN, **options: Any) -> AsyncClient:
        """A `dodb.AsyncClient` that talks to this emulator in process (no socket)."""
        import httpx

        from .._async_client import AsyncClient

        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app))
        options.setdefault("requests_per_minute", self.limiter.per_minute)
        return AsyncClient(token, base_url=IN_PROCESS_URL, http_client=http, **options)

    def serve(self, host: str = "127.0.0.1", port: int = 8080) -> None:
        """Serve over HTTP until interrupted."""
        import uvicorn

        logging.getLogger("uvicorn.error").addFilter(_QuietDrops())
        uvicorn.run(self.app, host=host, port=port, **_SERVER_OPTIONS)

    @contextmanager
    def running(self, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
        """Serve over HTTP in a background thread; yields the base URL (port 0: any free one)."""
        import uvicorn

        logging.getLogger("uvicorn.error").addFilter(_QuietDrops())
        config = uvicorn.Config(
            self.app, host=host, port=port, lifespan="auto", backlog=2048, **_SERVER_OPTIONS
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        try:
            while not server.started:
                if not thread.is_alive():
                    raise RuntimeError(f"the emulator could not serve on {host}:{port}")
                time.sleep(0.01)
            # uvicorn binds the socket itself, so accepted connections get TCP_NODELAY.
            bound = server.servers[0].sockets[0].getsockname()[1]
            yield f"http://{host}:{bound}"
        finally:
            server.should_exit = True
            thread.join(timeout=10)

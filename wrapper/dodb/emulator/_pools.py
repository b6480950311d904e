"""Connection pools (`/v2/databases/{uuid}/pools`): PgBouncer pools, PostgreSQL only.

The API's rules: a pool's database and user must exist; the pools of a cluster share
its backend connections, 25 per GB of RAM of its size, less 3 kept for maintenance
(the size slug names the RAM: `db-s-1vcpu-2gb` has 2 GB). A pool answers with its own
connection details: port 25061, the pool's name as the database. No PgBouncer runs
behind the emulator: nothing listens on a pool's port, even with a real PostgreSQL.
"""

from __future__ import annotations

import re
from typing import Any, Final
from urllib.parse import quote

from dodb_api.models import (
    ConnectionPoolCreate,
    ConnectionPoolUpdate,
    DatabaseEngine,
    PgbouncerPoolMode,
)

from ._catalogue import ram_gb
from ._resource import Backend, changeable, on_engines, read
from ._state import Cluster, Store, _object, new_password, not_found, unprocessable

POOL_PORT: Final = 25061
"""The port DigitalOcean's PgBouncer listens on (its connection-pool documentation)."""
NOT_SERVED: Final = (
    "bookkeeping only: no PgBouncer runs behind the emulator (no package registry ships "
    "one), so nothing listens on a pool's port"
)
"""Said on every pool answer (`x-dodb-emulator-note`), and in the emulator's guide."""
CONNECTIONS_PER_GB: Final = 25
RESERVED_CONNECTIONS: Final = 3
_MODES: Final = tuple(mode.value for mode in PgbouncerPoolMode)
"""The pooling modes: PgBouncer's, as the spec lists them for its settings."""
_POOL_NAME: Final = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{2,59}")
"""3 to 60 characters (the API); which characters is the emulator's choice."""
_WHAT: Final = "Connection pools"
_URI_QUERY: Final = "sslmode=require"


def _cluster(store: Store, cluster_id: str) -> Cluster:
    return on_engines(store, cluster_id, [DatabaseEngine.PG.value], _WHAT)


def capacity(size_slug: str) -> int:
    """The backend connections all pools of a cluster of this size may hold."""
    ram = ram_gb(size_slug)
    if not ram:
        raise unprocessable(f"the size {size_slug} names no RAM in GB, so pools have no capacity")
    return CONNECTIONS_PER_GB * ram - RESERVED_CONNECTIONS


def _check_size(cluster: Cluster, size: int, *, besides: str | None = None) -> None:
    if size < 1:
        raise unprocessable(f"size must be at least 1, not {size}")
    limit = capacity(cluster.spec.size)
    used = sum(p["size"] for name, p in cluster.pools.items() if name != besides)
    if used + size > limit:
        raise unprocessable(
            f"a pool of size {size} does not fit: a {cluster.spec.size} cluster has {limit} "
            f"backend connections for its pools ({CONNECTIONS_PER_GB} per GB of RAM, less "
            f"{RESERVED_CONNECTIONS} reserved); {used} are used by its other pools, "
            f"so {limit - used} remain"
        )


def _check_target(cluster: Cluster, mode: str, db: str, user: str | None) -> None:
    if mode not in _MODES:
        raise unprocessable(f"mode must be one of {', '.join(_MODES)}; got {mode!r}")
    if db not in cluster.dbs:
        raise unprocessable(f"the database {db} does not exist on this cluster")
    if user and user not in cluster.users:
        raise unprocessable(f"the user {user} does not exist on this cluster")


def _record(body: Any) -> dict[str, Any]:
    """A pool as sent; an empty user is no user (godo sends `user: ""`)."""
    sent = _object(body, "request body").items()
    return {k: v for k, v in sent if v is not None and not (k == "user" and v == "")}


def describe(store: Store, cluster: Cluster, name: str) -> dict[str, Any]:
    """A pool's record with its connection details (as its user, else the primary user)."""
    record = cluster.pools[name]
    admin = next(iter(cluster.users))
    login = record.get("user", admin)
    password = cluster.users[login]["password"] if login in cluster.users else new_password()
    answer = dict(record)
    for key, private in (("connection", False), ("private_connection", True)):
        base = store.connection(cluster.spec, password, private=private)
        answer[key] = _pool_connection(base, name, login, password)
    return answer


def _pool_connection(base: dict[str, Any], pool: str, login: str, password: str) -> dict[str, Any]:
    host = base["host"]
    user = f"{quote(login, safe='')}:{quote(password, safe='')}"
    return {
        **base,
        "database": pool,
        "port": POOL_PORT,
        "user": login,
        "password": password,
        "uri": f"postgresql://{user}@{host}:{POOL_PORT}/{quote(pool)}?{_URI_QUERY}",
    }


def list_pools(store: Store, cluster_id: str) -> list[dict[str, Any]]:
    cluster = _cluster(store, cluster_id)
    return [describe(store, cluster, name) for name in cluster.pools]


def get_pool(store: Store, cluster_id: str, name: str) -> dict[str, Any]:
    cluster = _cluster(store, cluster_id)
    if name not in cluster.pools:
        raise not_found()
    return describe(store, cluster, name)


def add_pool(store: Store, cluster_id: str, body: Any) -> dict[str, Any]:
    cluster = changeable(store, _cluster(store, cluster_id))
    request: ConnectionPoolCreate = read(ConnectionPoolCreate, body)
    if not _POOL_NAME.fullmatch(request.name):
        raise unprocessable(
            "name must be 3 to 60 letters, digits, '_', '-' or '.', not starting with - or ."
        )
    if request.name in cluster.pools:
        raise unprocessable(f"a pool named {request.name!r} already exists")
    _check_target(cluster, request.mode, request.db, request.user)
    _check_size(cluster, request.size)
    cluster.pools[request.name] = _record(body)
    return describe(store, cluster, request.name)


def update_pool(store: Store, cluster_id: str, name: str, body: Any) -> None:
    cluster = changeable(store, _cluster(store, cluster_id))
    if name not in cluster.pools:
        raise not_found()
    request: ConnectionPoolUpdate = read(ConnectionPoolUpdate, body)
    _check_target(cluster, request.mode, request.db, request.user)
    _check_size(cluster, request.size, besides=name)
    cluster.pools[name] = {"name": name, **_record(body)}


def delete_pool(store: Store, cluster_id: str, name: str) -> None:
    cluster = changeable(store, _cluster(store, cluster_id))
    if cluster.pools.pop(name, None) is None:
        raise not_found()


ROWS: Final[dict[str, Backend]] = {
    "databases_list_connection_pools": lambda store, cluster, body: list_pools(store, cluster),
    "databases_add_connection_pool": lambda store, cluster, body: add_pool(store, cluster, body),
    "databases_get_connection_pool": lambda s, cluster, name, body: get_pool(s, cluster, name),
    "databases_update_connection_pool": lambda s, c, name, body: update_pool(s, c, name, body),
    "databases_delete_connection_pool": lambda s, c, name, body: delete_pool(s, c, name),
}

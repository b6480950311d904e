"""Logical databases (`/v2/databases/{uuid}/dbs`): PostgreSQL and MySQL clusters.

Each such cluster starts with its default database (`defaultdb`); a real engine
behind the store (the mirror) creates and drops each one before it is recorded.
"""

from __future__ import annotations

from typing import Any, Final

from dodb_api.models import DatabaseEngine, LogicalDatabaseCreate

from ._resource import Backend, changeable, on_engines, read
from ._state import _ENDPOINTS, _NAME, HAS_DATABASES, Cluster, Store, not_found, unprocessable

_WHAT: Final = "Logical databases"


def _cluster(store: Store, cluster_id: str) -> Cluster:
    return on_engines(store, cluster_id, HAS_DATABASES, _WHAT)


def default_database(cluster: Cluster) -> str:
    """The database a cluster starts with and its connection details name."""
    return _ENDPOINTS[DatabaseEngine(cluster.spec.engine)].database


def list_dbs(store: Store, cluster_id: str) -> list[dict[str, Any]]:
    return [{"name": name} for name in _cluster(store, cluster_id).dbs]


def get_db(store: Store, cluster_id: str, name: str) -> dict[str, Any]:
    if name not in _cluster(store, cluster_id).dbs:
        raise not_found()
    return {"name": name}


def add_db(store: Store, cluster_id: str, body: Any) -> dict[str, Any]:
    cluster = changeable(store, _cluster(store, cluster_id))
    name = read(LogicalDatabaseCreate, body).name
    if not _NAME.fullmatch(name):
        raise unprocessable(
            "name must be 1 to 63 letters, digits, '_', '-' or '.', not starting with - or ."
        )
    if name in cluster.dbs:
        raise unprocessable(f"a database named {name!r} already exists")
    if store.mirror is not None:
        store.mirror.database_added(cluster_id, name)
    cluster.dbs.append(name)
    return {"name": name}


def delete_db(store: Store, cluster_id: str, name: str) -> None:
    cluster = changeable(store, _cluster(store, cluster_id))
    if name not in cluster.dbs:
        raise not_found()
    if name == default_database(cluster):
        # The emulator's choice: the cluster's connection details name this database.
        raise unprocessable(f"{name} is the cluster's default database and cannot be deleted")
    using = [pool for pool, record in cluster.pools.items() if record["db"] == name]
    if using:
        raise unprocessable(
            f"database {name} is used by the connection pool {using[0]}; delete the pool first"
        )
    if store.mirror is not None:
        store.mirror.database_deleted(cluster_id, name)
    cluster.dbs.remove(name)


ROWS: Final[dict[str, Backend]] = {
    "databases_list": lambda store, cluster, body: list_dbs(store, cluster),
    "databases_add": lambda store, cluster, body: add_db(store, cluster, body),
    "databases_get": lambda store, cluster, name, body: get_db(store, cluster, name),
    "databases_delete": lambda store, cluster, name, body: delete_db(store, cluster, name),
}

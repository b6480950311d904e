"""Read-only nodes (`/v2/databases/{uuid}/replicas`): PostgreSQL and MySQL clusters
(DigitalOcean's read-only node documentation).

A new replica is `creating` for the store's change delay, then `online`. Promoting
one makes it a cluster of its own, with the primary's databases and users; the
replica is gone from the primary's list.
"""

from __future__ import annotations

import re
import uuid
from typing import Any, Final

import attrs

from dodb_api.models import (
    DatabaseClusterStatus,
    DatabaseEventType,
    DatabaseReplicaCreate,
    UserRole,
)

from ._catalogue import OFFERS, REGIONS, ram_gb
from ._resource import Backend, on_engines, part, plain, read, record
from ._state import (
    HAS_DATABASES,
    Cluster,
    ClusterSpec,
    Store,
    new_password,
    not_found,
    now_iso,
    unprocessable,
)

KEY: Final = "replicas"
_WHAT: Final = "Read-only nodes"
_NAME: Final = re.compile(r"[a-z0-9][a-z0-9-]{1,61}[a-z0-9]")
"""As a cluster's name: a promoted replica becomes one."""


@attrs.define
class _Replica:
    record: dict[str, Any]
    ready_at: float


def _cluster(store: Store, cluster_id: str) -> Cluster:
    return on_engines(store, cluster_id, HAS_DATABASES, _WHAT)


def _replicas(cluster: Cluster) -> dict[str, _Replica]:
    found: dict[str, _Replica] = part(cluster, KEY, dict)
    return found


def _one(store: Store, cluster_id: str, name: str) -> tuple[Cluster, _Replica]:
    cluster = _cluster(store, cluster_id)
    replica = _replicas(cluster).get(name)
    if replica is None:
        raise not_found()
    return cluster, replica


def _status(store: Store, replica: _Replica) -> str:
    if store.now() < replica.ready_at:
        return DatabaseClusterStatus.CREATING.value
    return DatabaseClusterStatus.ONLINE.value


def _spec(cluster: Cluster, record: dict[str, Any]) -> ClusterSpec:
    return ClusterSpec(
        record["id"],
        record["name"],
        cluster.spec.engine,
        tags=tuple(record.get("tags", ())),
        size=record["size"],
        region=record["region"],
        version=cluster.spec.version,
        private_network_uuid=record.get("private_network_uuid"),
        storage_size_mib=record.get("storage_size_mib"),
    )


def describe(store: Store, cluster: Cluster, replica: _Replica) -> dict[str, Any]:
    """The replica with its own connection details, as the primary's admin user."""
    admin = next(iter(cluster.users.values()), None)
    password = admin["password"] if admin else new_password()
    spec = _spec(cluster, replica.record)
    return {
        **replica.record,
        "status": _status(store, replica),
        "connection": store.connection(spec, password, private=False),
        "private_connection": store.connection(spec, password, private=True),
    }


def list_replicas(store: Store, cluster_id: str) -> list[dict[str, Any]]:
    cluster = _cluster(store, cluster_id)
    return [describe(store, cluster, r) for r in _replicas(cluster).values()]


def get_replica(store: Store, cluster_id: str, name: str) -> dict[str, Any]:
    cluster, replica = _one(store, cluster_id, name)
    return describe(store, cluster, replica)


def create_replica(store: Store, cluster_id: str, body: Any) -> dict[str, Any]:
    cluster = _cluster(store, cluster_id)
    if store.status(cluster) != DatabaseClusterStatus.ONLINE.value:
        raise unprocessable(f"cluster {cluster.spec.name} is not online yet")
    request: DatabaseReplicaCreate = read(DatabaseReplicaCreate, body)
    if not _NAME.fullmatch(request.name):
        raise unprocessable("name must be 3 to 63 lower-case letters, digits and dashes")
    taken = {c.spec.name for c in store.clusters.values()}
    taken.update(n for c in store.clusters.values() for n in _replicas(c))
    if request.name in taken:
        raise unprocessable(f"a cluster or read-only node named {request.name!r} already exists")
    region = request.region or cluster.spec.region
    if region not in REGIONS:
        raise unprocessable(f"the region {region} is not offered (offered: {', '.join(REGIONS)})")
    sizes = OFFERS[cluster.spec.engine].layouts[1]
    if request.size not in sizes:
        raise unprocessable(f"the size {request.size} is not offered (offered: {', '.join(sizes)})")
    if ram_gb(request.size) < ram_gb(cluster.spec.size):
        raise unprocessable(
            f"a read-only node needs at least the primary's size ({cluster.spec.size}), "
            f"not {request.size}"
        )
    record = {
        "id": str(uuid.uuid4()),
        **plain(DatabaseReplicaCreate, body),
        "region": region,
        "created_at": now_iso(),
    }
    replica = _Replica(record, store.now() + store.change_delay)
    _replicas(cluster)[request.name] = replica
    return describe(store, cluster, replica)


def destroy_replica(store: Store, cluster_id: str, name: str) -> None:
    cluster, _ = _one(store, cluster_id, name)
    del _replicas(cluster)[name]


def promote(store: Store, cluster_id: str, name: str) -> None:
    """The replica becomes a cluster of its own (same id and name), with copies of the
    primary's databases and users; a real engine behind the store gets them too."""
    cluster, replica = _one(store, cluster_id, name)
    if _status(store, replica) != DatabaseClusterStatus.ONLINE.value:
        raise unprocessable(f"the read-only node {name} is not online yet")
    spec = _spec(cluster, replica.record)
    promoted = store.add_cluster(spec)
    for db in cluster.dbs:
        if db not in promoted.dbs:
            if store.mirror is not None:
                store.mirror.database_added(spec.id, db)
            promoted.dbs.append(db)
    for user_name, user in cluster.users.items():
        if user.get("role") == UserRole.PRIMARY.value:
            continue
        if store.mirror is not None:
            store.mirror.user_added(spec.id, user_name, user["password"], user.get("settings", {}))
        promoted.users[user_name] = dict(user)
    del _replicas(cluster)[name]
    record(promoted, DatabaseEventType.CLUSTER_MASTER_PROMOTION)


ROWS: Final[dict[str, Backend]] = {
    "databases_list_replicas": lambda store, cluster, body: list_replicas(store, cluster),
    "databases_create_replica": lambda store, cluster, body: create_replica(store, cluster, body),
    "databases_get_replica": lambda store, cluster, name, body: get_replica(store, cluster, name),
    "databases_destroy_replica": lambda s, cluster, name, body: destroy_replica(s, cluster, name),
    "databases_promote_replica": lambda s, cluster, name, body: promote(s, cluster, name),
}

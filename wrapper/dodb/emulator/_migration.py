"""Online migration (`/online-migration`): copying a running database from elsewhere
into a PostgreSQL, MySQL or Valkey cluster (DigitalOcean's online-migration pages).

The emulator reaches no source: a started migration is `running` for the store's
change delay, then `syncing` (it keeps the target in step) until it is stopped,
after which it shows `canceled`. One migration per cluster at a time.
"""

from __future__ import annotations

import uuid
from typing import Any, Final

import attrs

from dodb_api.models import OnlineMigrationStart, OnlineMigrationStatus

from ._resource import Backend, Whole, changeable, on_engines, read
from ._state import MYSQL, PG, VALKEY, Cluster, Store, not_found, now_iso, unprocessable

_KEY: Final = "online-migration"
_ENGINES: Final = (PG.value, MYSQL.value, VALKEY.value)
_WHAT: Final = "Online migrations"


@attrs.define
class _Migration:
    id: str
    created_at: str
    synced_at: float
    stopped: bool = False


def _cluster(store: Store, cluster_id: str) -> Cluster:
    return on_engines(store, cluster_id, _ENGINES, _WHAT)


def _status(store: Store, migration: _Migration) -> str:
    if migration.stopped:
        return OnlineMigrationStatus.CANCELED.value
    if store.now() < migration.synced_at:
        return OnlineMigrationStatus.RUNNING.value
    return OnlineMigrationStatus.SYNCING.value


def _show(store: Store, migration: _Migration) -> Whole:
    return Whole(
        {
            "id": migration.id,
            "status": _status(store, migration),
            "created_at": migration.created_at,
        }
    )


def get_status(store: Store, cluster_id: str) -> Whole:
    migration: _Migration | None = _cluster(store, cluster_id).parts.get(_KEY)
    if migration is None:
        raise not_found()
    return _show(store, migration)


def start(store: Store, cluster_id: str, body: Any) -> Whole:
    cluster = changeable(store, _cluster(store, cluster_id))
    request: OnlineMigrationStart = read(OnlineMigrationStart, body)
    current: _Migration | None = cluster.parts.get(_KEY)
    if current is not None and not current.stopped:
        raise unprocessable(f"the migration {current.id} is still going; stop it first")
    source = request.source
    if not source.host:
        raise unprocessable("source.host is required: the server to migrate from")
    if source.port is not None and not 1 <= source.port <= 65535:
        raise unprocessable(f"source.port must be between 1 and 65535, not {source.port}")
    migration = _Migration(str(uuid.uuid4()), now_iso(), store.now() + store.change_delay)
    cluster.parts[_KEY] = migration
    return _show(store, migration)


def stop(store: Store, cluster_id: str, migration_id: str) -> None:
    migration: _Migration | None = _cluster(store, cluster_id).parts.get(_KEY)
    if migration is None or migration.id != migration_id or migration.stopped:
        raise not_found()
    migration.stopped = True


ROWS: Final[dict[str, Backend]] = {
    "databases_get_migration_status": lambda store, cluster, body: get_status(store, cluster),
    "databases_update_online_migration": lambda s, cluster, body: start(s, cluster, body),
    "databases_delete_online_migration": lambda s, c, migration, body: stop(s, c, migration),
}

"""What every resource module of the emulator needs: finding a cluster, checking its
engine and status, reading a request body strictly, and recording the cluster's events.

A backend is `(store, *path values, body, **query) -> payload`; each resource module
holds its rules and its rows (`ROWS`), which `_app.BACKENDS` gathers.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from typing import Any, Final, TypeVar

from dodb_api.models import (
    DatabaseClusterStatus,
    DatabaseEngine,
    DatabaseEvent,
    DatabaseEventType,
)
from dodb_api.types import Model

from ._state import Cluster, Store, _object, _read, not_found, now_iso, unprocessable

Backend = Callable[..., Any]
T = TypeVar("T")

_EVENTS: Final = "events"
ENGINE_NAMES: Final = {
    DatabaseEngine.PG.value: "PostgreSQL",
    DatabaseEngine.MYSQL.value: "MySQL",
    DatabaseEngine.REDIS.value: "Redis",
    DatabaseEngine.VALKEY.value: "Valkey",
    DatabaseEngine.MONGODB.value: "MongoDB",
    DatabaseEngine.KAFKA.value: "Kafka",
    DatabaseEngine.OPENSEARCH.value: "OpenSearch",
}
"""How DigitalOcean's documentation names each engine, for messages."""


def engine_name(engine: str) -> str:
    return ENGINE_NAMES.get(engine, engine)


def find(store: Store, cluster_id: str) -> Cluster:
    """The cluster, or 404."""
    cluster = store.clusters.get(cluster_id)
    if cluster is None:
        raise not_found()
    return cluster


def on_engines(store: Store, cluster_id: str, engines: Iterable[str], what: str) -> Cluster:
    """The cluster, if its engine is one of `engines`; else 422 naming them."""
    cluster = find(store, cluster_id)
    wanted = list(engines)
    if cluster.spec.engine not in wanted:
        names = " and ".join(engine_name(e) for e in wanted)
        raise unprocessable(
            f"{what} are only supported on {names} clusters, not {engine_name(cluster.spec.engine)}"
        )
    return cluster


def changeable(store: Store, cluster: Cluster) -> Cluster:
    """The cluster, unless it is still being created (422): the emulator's choice,
    the API documents no answer."""
    if store.status(cluster) == DatabaseClusterStatus.CREATING.value:
        raise unprocessable(
            f"cluster {cluster.spec.name} is still being created; try again when it is online"
        )
    return cluster


def read(model: type[Model], body: Any) -> Any:
    """The request body read strictly against its generated model (422 on mismatch)."""
    return _read(model, body)


def plain(model: type[Model], body: Any) -> dict[str, Any]:
    """The request body, checked strictly against its model, as plain JSON to keep
    (nulls dropped: an absent optional field)."""
    _read(model, body)
    kept: dict[str, Any] = _drop_nulls(_object(body, "request body"))
    return kept


def _drop_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_nulls(v) for v in value]
    return value


def part(holder: Cluster | Store, key: str, make: Callable[[], T]) -> T:
    """The state a resource module keeps on a cluster (or the account) under `key`."""
    found: T = holder.parts.setdefault(key, make())
    return found


def record(cluster: Cluster, event: DatabaseEventType) -> None:
    """Add an event to the cluster's log (`list_events_logs`)."""
    log: list[dict[str, str]] = part(cluster, _EVENTS, list)
    made = DatabaseEvent(
        id=secrets.token_hex(4),
        cluster_name=cluster.spec.name,
        event_type=event,
        create_time=now_iso(),
    )
    log.append(made.to_dict())


def events(cluster: Cluster) -> list[dict[str, Any]]:
    return list(part(cluster, _EVENTS, list))

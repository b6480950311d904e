"""What every resource module of the emulator needs: finding a cluster, checking its
engine and status, reading a request body strictly, and recording the cluster's events.

A backend is `(store, *path values, body, **query) -> payload`; each resource module
holds its rules and its rows (`ROWS`), which `_app.BACKENDS` gathers.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterable
from typing import Any, Final, TypeVar

from dodb_api.models import (
    DatabaseClusterStatus,
    DatabaseEngine,
    DatabaseEvent,
    DatabaseEventType,
)
from dodb_api.types import ArrayReader, Model, ModelReader, Reader, schema_of

from .._spec import _document, _resolved
from ._state import Cluster, Store, _read, not_found, now_iso, unprocessable

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
        names = engine_name(wanted[-1])
        if len(wanted) > 1:
            names = f"{', '.join(engine_name(e) for e in wanted[:-1])} and {names}"
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
    """The request body read strictly against its generated model (422 on mismatch),
    a field the spec does not list refused even where answers may carry more."""
    body = _sans_empty_unknowns(model, body)
    found = _read(model, body)
    _no_unknown(model, body, "")
    return found


def plain(model: type[Model], body: Any) -> dict[str, Any]:
    """The request body, checked strictly against its model, as plain JSON to keep
    (nulls dropped: an absent optional field)."""
    read(model, body)
    kept: dict[str, Any] = _drop_nulls(_sans_empty_unknowns(model, body))
    return kept


def _sans_empty_unknowns(model: type[Model], body: Any) -> Any:
    """The body without fields the spec does not list whose value is empty: Go clients
    (godo) send their zero values, such as `private_network_uuid: ""` on a migration.
    A field the spec does not list with a value is still refused."""
    if not isinstance(body, dict):
        return body
    props = schema_of(model).by_name
    return {k: v for k, v in body.items() if k in props or v not in (None, "", [], {})}


def _no_unknown(model: type[Model], value: Any, where: str) -> None:
    if not isinstance(value, dict):
        return
    props = schema_of(model).by_name
    for key, item in value.items():
        path = f"{where}.{key}" if where else key
        prop = props.get(key)
        if prop is None:
            raise unprocessable(f"{path} is not a known field (known: {', '.join(props)})")
        reader = prop.reader
        if isinstance(reader, ArrayReader) and isinstance(item, list):
            for index, element in enumerate(item):
                _no_unknown_in(reader.item, element, f"{path}[{index}]")
        else:
            _no_unknown_in(reader, item, path)


def _no_unknown_in(reader: Reader, value: Any, where: str) -> None:
    if isinstance(reader, ModelReader):
        _no_unknown(reader.model, value, where)


def _drop_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_nulls(v) for v in value]
    return value


def part(holder: Cluster | Store, key: str, make: Callable[[], T]) -> T:
    """The state a resource module keeps on a cluster (or the account) under `key`,
    made by `make` the first time only."""
    parts = holder.parts
    if key not in parts:
        parts[key] = make()
    found: T = parts[key]
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


class Whole(dict[str, Any]):
    """A backend's payload that is the whole answer, not what the envelope holds: for
    an answer whose `x-dodb-call` returns one property of several it requires."""


def defaults(schema_name: str) -> dict[str, Any]:
    """The `default` of each property of a schema that the spec gives one."""
    props = _document()["components"]["schemas"][schema_name].get("properties", {})
    return {k: v["default"] for k, v in props.items() if "default" in v}


def check_limits(schema_name: str, value: Any, where: str = "") -> None:
    """The spec's limits on a request body (`minimum`, `maximum`, `maxLength`,
    `maxItems`, `pattern`), which the generated models do not carry: 422 naming the
    first value outside them. Types and enums are the models' to check."""
    _limits(_document()["components"]["schemas"][schema_name], value, where)


def _limits(schema: Any, value: Any, where: str) -> None:
    schema = _resolved(schema)
    if "anyOf" in schema:
        return  # the caller checks against the option that applies
    if isinstance(value, dict):
        for key, prop in schema.get("properties", {}).items():
            if key in value and value[key] is not None:
                _limits(prop, value[key], f"{where}.{key}" if where else key)
        return
    if isinstance(value, list):
        most = schema.get("maxItems")
        if most is not None and len(value) > most:
            raise unprocessable(f"{where} may hold at most {most} items, not {len(value)}")
        for index, item in enumerate(value):
            _limits(schema.get("items", {}), item, f"{where}[{index}]")
        return
    if isinstance(value, bool):
        return
    if isinstance(value, int | float):
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is not None and value < low:
            raise unprocessable(f"{where} must be at least {low}, not {value}")
        if high is not None and value > high:
            raise unprocessable(f"{where} must be at most {high}, not {value}")
    if isinstance(value, str):
        longest = schema.get("maxLength")
        if longest is not None and len(value) > longest:
            raise unprocessable(f"{where} may be at most {longest} characters long")
        pattern = schema.get("pattern")
        if pattern is not None and not re.search(pattern, value):
            # The value is not quoted: it may be a credential.
            raise unprocessable(f"{where} does not have the form the API takes")

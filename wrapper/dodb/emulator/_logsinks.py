"""Log sinks (`/logsink`): where a cluster forwards its logs, one configuration
schema per sink type (the spec's `LogsinkCreate.config` options), read strictly."""

from __future__ import annotations

import uuid
from typing import Any, Final

from dodb_api.models import (
    DatadogLogsinkConfig,
    ElasticsearchLogsinkConfig,
    LogsinkCreate,
    LogsinkType,
    LogsinkUpdate,
    OpenSearchLogsinkConfig,
    RsyslogLogsinkConfig,
)
from dodb_api.types import Model

from ._resource import Backend, Whole, changeable, check_limits, find, part, plain, read
from ._state import ApiError, Cluster, Store, _object, not_found, unprocessable

_KEY: Final = "logsinks"
_CONFIGS: Final[dict[LogsinkType, type[Model]]] = {
    LogsinkType.RSYSLOG: RsyslogLogsinkConfig,
    LogsinkType.ELASTICSEARCH: ElasticsearchLogsinkConfig,
    LogsinkType.OPENSEARCH: OpenSearchLogsinkConfig,
    LogsinkType.DATADOG: DatadogLogsinkConfig,
}
"""Each sink type's configuration: the options of the spec's `config` (anyOf)."""


def _sinks(cluster: Cluster) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = part(cluster, _KEY, dict)
    return found


def _one(store: Store, cluster_id: str, sink_id: str) -> tuple[Cluster, dict[str, Any]]:
    cluster = find(store, cluster_id)
    sink = _sinks(cluster).get(sink_id)
    if sink is None:
        raise not_found()
    return cluster, sink


def _config(kind: LogsinkType, config: Any) -> dict[str, Any]:
    model = _CONFIGS.get(kind)
    if model is None:
        raise unprocessable(f"sinks of type {kind.value} are not emulated")
    _object(config, "config")
    try:
        checked = plain(model, config)
    except ApiError as exc:
        raise unprocessable(f"config of a {kind.value} sink: {exc.message}") from None
    check_limits(model.__name__, config, "config")
    return checked


def list_sinks(store: Store, cluster_id: str) -> list[dict[str, Any]]:
    return [dict(s) for s in _sinks(find(store, cluster_id)).values()]


def get_sink(store: Store, cluster_id: str, sink_id: str) -> Whole:
    return Whole(_one(store, cluster_id, sink_id)[1])


def create_sink(store: Store, cluster_id: str, body: Any) -> dict[str, Any]:
    cluster = changeable(store, find(store, cluster_id))
    request: LogsinkCreate = read(LogsinkCreate, body)
    sinks = _sinks(cluster)
    if any(s["sink_name"] == request.sink_name for s in sinks.values()):
        raise unprocessable(f"a sink named {request.sink_name!r} already exists")
    sink_id = str(uuid.uuid4())
    sink = {
        "sink_id": sink_id,
        "sink_name": request.sink_name,
        "sink_type": request.sink_type.value,
        "config": _config(request.sink_type, request.config),
    }
    sinks[sink_id] = sink
    return dict(sink)


def update_sink(store: Store, cluster_id: str, sink_id: str, body: Any) -> None:
    cluster, sink = _one(store, cluster_id, sink_id)
    changeable(store, cluster)
    config = read(LogsinkUpdate, body).config
    sink["config"] = _config(LogsinkType(sink["sink_type"]), config)


def delete_sink(store: Store, cluster_id: str, sink_id: str) -> None:
    cluster, _ = _one(store, cluster_id, sink_id)
    del _sinks(changeable(store, cluster))[sink_id]


ROWS: Final[dict[str, Backend]] = {
    "databases_list_logsink": lambda store, cluster, body: list_sinks(store, cluster),
    "databases_create_logsink": lambda store, cluster, body: create_sink(store, cluster, body),
    "databases_get_logsink": lambda store, cluster, sink, body: get_sink(store, cluster, sink),
    "databases_update_logsink": lambda s, c, sink, body: update_sink(s, c, sink, body),
    "databases_delete_logsink": lambda s, c, sink, body: delete_sink(s, c, sink),
}

"""Clusters (`/v2/databases`, `/v2/databases/{uuid}`): create, read, resize, migrate,
upgrade, destroy; their maintenance window, events, backups, CA, storage autoscaling
and DigitalOcean settings; the account's metrics credentials and the options on offer.

A created cluster is `creating` for the store's change delay, a resized one `resizing`,
a migrated one `migrating`; then `online`. Each change records an event.
"""

from __future__ import annotations

import base64
import calendar
import datetime
import re
import uuid
from typing import Any, Final

import attrs

from dodb_api.models import (
    DatabaseAutoscale,
    DatabaseClusterCreate,
    DatabaseClusterResize,
    DatabaseClusterStatus,
    DatabaseEventType,
    DatabaseMaintenanceWindow,
    DatabaseMetricsCredentials,
    DatabaseRegionUpdate,
    DatabaseVersionUpdate,
    DoSettingsUpdate,
)

from . import _firewall
from ._catalogue import OFFERS, REGIONS, Offer, options, version_key
from ._pools import capacity
from ._resource import (
    Backend,
    check_limits,
    engine_name,
    events,
    find,
    part,
    plain,
    read,
    record,
)
from ._state import (
    VALKEY,
    Cluster,
    ClusterSpec,
    Store,
    _object,
    new_password,
    unprocessable,
)

_EXTRAS: Final = "cluster"
_METRICS: Final = "metrics"
_CLUSTER_NAME: Final = re.compile(r"[a-z0-9][a-z0-9-]{1,61}[a-z0-9]")
"""3 to 63 lower-case letters, digits and dashes: the emulator's rule (the API's is
not published)."""
_DAYS: Final = tuple(day.lower() for day in calendar.day_name)
_HOUR: Final = re.compile(r"([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?")
_DEFAULT_WINDOW: Final = {"day": _DAYS[1], "hour": "04:00:00", "pending": False}
"""A new cluster's maintenance window: the emulator's choice."""
_BACKUP_GB: Final = 0.03
"""The size of an empty cluster's backup (the reference page's example)."""


@attrs.define
class _Extras:
    """What a cluster keeps beyond its spec."""

    window: dict[str, Any] = attrs.field(factory=lambda: dict(_DEFAULT_WINDOW))
    autoscale: dict[str, Any] = attrs.field(factory=lambda: {"storage": {"enabled": False}})
    do_settings: dict[str, Any] = attrs.field(factory=lambda: {"service_cnames": []})


def _extras(cluster: Cluster) -> _Extras:
    return part(cluster, _EXTRAS, _Extras)


def _offer(engine: str) -> Offer:
    offer = OFFERS.get(engine)
    if offer is None:
        offered = ", ".join(OFFERS)
        raise unprocessable(f"the engine {engine} is not offered (offered: {offered})")
    return offer


def _check_layout(offer: Offer, engine: str, num_nodes: int, size: str) -> None:
    sizes = offer.layouts.get(num_nodes)
    if sizes is None:
        counts = ", ".join(map(str, offer.layouts))
        raise unprocessable(f"a {engine_name(engine)} cluster has {counts} nodes, not {num_nodes}")
    if size not in sizes:
        raise unprocessable(
            f"the size {size} is not offered for {num_nodes} {engine_name(engine)} "
            f"node(s) (offered: {', '.join(sizes)})"
        )


def _check_region(region: str) -> None:
    if region not in REGIONS:
        raise unprocessable(f"the region {region} is not offered (offered: {', '.join(REGIONS)})")


def _idle(store: Store, cluster: Cluster) -> Cluster:
    """The cluster, if no change is running on it (else 422)."""
    status = store.status(cluster)
    if status != DatabaseClusterStatus.ONLINE.value:
        raise unprocessable(f"cluster {cluster.spec.name} is {status}; try again when it is online")
    return cluster


# Reading ------------------------------------------------------------------------------


def describe(store: Store, cluster: Cluster) -> dict[str, Any]:
    """The cluster as the API shows it."""
    described = store.get_cluster(cluster.spec.id)
    extras = _extras(cluster)
    described["maintenance_window"] = dict(extras.window)
    rules = _firewall.list_rules(store, cluster.spec.id)
    if rules:
        described["rules"] = rules
    if extras.do_settings.get("service_cnames"):
        described["do_settings"] = extras.do_settings
    return described


def list_clusters(store: Store, tag: str | None) -> list[dict[str, Any]]:
    return [
        describe(store, c) for c in store.clusters.values() if tag is None or tag in c.spec.tags
    ]


def get_cluster(store: Store, cluster_id: str) -> dict[str, Any]:
    return describe(store, find(store, cluster_id))


def get_ca(store: Store, cluster_id: str) -> dict[str, Any]:
    """The CA that signs the clusters' certificates: its PEM, base64-encoded once more
    (the spec's `DatabaseCa.certificate`)."""
    find(store, cluster_id)
    return {"certificate": base64.b64encode(store.ca_pem.encode()).decode()}


def list_events(store: Store, cluster_id: str) -> list[dict[str, Any]]:
    return events(find(store, cluster_id))


def backups(store: Store, cluster: Cluster) -> list[dict[str, Any]]:
    """One full backup, taken when the cluster came online (the emulator's choice:
    DigitalOcean takes one a day)."""
    if store.status(cluster) == DatabaseClusterStatus.CREATING.value:
        return []
    return [
        {
            "created_at": cluster.created_at,
            "size_gigabytes": _BACKUP_GB * max(1, len(cluster.dbs)),
            "incremental": False,
        }
    ]


def list_backups(store: Store, cluster_id: str) -> dict[str, Any]:
    cluster = find(store, cluster_id)
    made = datetime.datetime.strptime(cluster.created_at, "%Y-%m-%dT%H:%M:%SZ")
    return {
        "backups": backups(store, cluster),
        "scheduled_backup_time": {
            "backup_hour": made.hour,
            "backup_minute": made.minute,
            "backup_interval_hours": 24,
        },
    }


# Creating and destroying -------------------------------------------------------------------


def create_cluster(store: Store, body: Any) -> dict[str, Any]:
    request: DatabaseClusterCreate = read(DatabaseClusterCreate, body)
    check_limits("DatabaseClusterCreate", body)
    engine = request.engine.value
    offer = _offer(engine)
    version = request.version or offer.versions[-1]
    if version not in offer.versions:
        raise unprocessable(
            f"{engine_name(engine)} {version} is not offered (offered: {', '.join(offer.versions)})"
        )
    _check_region(request.region)
    _check_layout(offer, engine, request.num_nodes, request.size)
    if not _CLUSTER_NAME.fullmatch(request.name):
        raise unprocessable("name must be 3 to 63 lower-case letters, digits and dashes")
    if any(c.spec.name == request.name for c in store.clusters.values()):
        raise unprocessable(f"a cluster named {request.name!r} already exists")
    if request.storage_size_mib is not None and request.storage_size_mib < 0:
        raise unprocessable("storage_size_mib cannot be negative")
    source = None
    if request.backup_restore is not None:
        source = _restore_source(store, engine, request.backup_restore.database_name, body)
    spec = ClusterSpec(
        str(uuid.uuid4()),
        request.name,
        engine,
        tags=tuple(request.tags or ()),
        size=request.size,
        region=request.region,
        num_nodes=request.num_nodes,
        version=version,
        private_network_uuid=request.private_network_uuid,
        project_id=request.project_id,
        storage_size_mib=request.storage_size_mib,
    )
    rules = _firewall.checked(Cluster(spec), request.rules or ())
    sent = plain(DatabaseClusterCreate, body)
    if request.autoscale is not None:
        _autoscale_engine(engine)
    cluster = store.add_cluster(spec)
    store.start_change(cluster, DatabaseClusterStatus.CREATING)
    cluster.parts[_firewall.KEY] = rules
    extras = _extras(cluster)
    if "autoscale" in sent:
        extras.autoscale = sent["autoscale"]
    if "do_settings" in sent:
        extras.do_settings = sent["do_settings"]
    if source is not None:
        for name in source.dbs:
            if name not in cluster.dbs:
                if store.mirror is not None:
                    store.mirror.database_added(spec.id, name)
                cluster.dbs.append(name)
    record(cluster, DatabaseEventType.CLUSTER_CREATE)
    return describe(store, cluster)


def _restore_source(store: Store, engine: str, name: str, body: Any) -> Cluster:
    """The cluster a new one is restored from: of that name and engine, with a backup
    taken at the time asked for (if one is)."""
    found = [c for c in store.clusters.values() if c.spec.name == name]
    if not found:
        raise unprocessable(f"backup_restore: there is no cluster named {name}")
    source = found[0]
    if source.spec.engine != engine:
        raise unprocessable(
            f"backup_restore: {name} is a {engine_name(source.spec.engine)} cluster, "
            f"not {engine_name(engine)}"
        )
    when = _object(body, "request body")["backup_restore"].get("backup_created_at")
    if when is not None and when not in {b["created_at"] for b in backups(store, source)}:
        raise unprocessable(f"backup_restore: {name} has no backup taken at {when}")
    return source


def destroy_cluster(store: Store, cluster_id: str) -> None:
    """The cluster goes, with its read-only nodes."""
    find(store, cluster_id)
    store.remove_cluster(cluster_id)


# Changing ------------------------------------------------------------------------------


def resize(store: Store, cluster_id: str, body: Any) -> None:
    cluster = _idle(store, find(store, cluster_id))
    request: DatabaseClusterResize = read(DatabaseClusterResize, body)
    spec = cluster.spec
    _check_layout(_offer(spec.engine), spec.engine, request.num_nodes, request.size)
    storage = request.storage_size_mib
    if (
        storage is not None
        and spec.storage_size_mib is not None
        and storage < spec.storage_size_mib
    ):
        raise unprocessable(
            f"storage cannot shrink: storage_size_mib is {spec.storage_size_mib}, not {storage}"
        )
    used = sum(p["size"] for p in cluster.pools.values())
    if used and capacity(request.size) < used:
        raise unprocessable(
            f"the size {request.size} leaves {capacity(request.size)} backend connections "
            f"for pools, but its pools use {used}: shrink the pools first"
        )
    cluster.spec = attrs.evolve(
        spec,
        size=request.size,
        num_nodes=request.num_nodes,
        storage_size_mib=storage if storage is not None else spec.storage_size_mib,
    )
    store.start_change(cluster, DatabaseClusterStatus.RESIZING)
    record(cluster, DatabaseEventType.CLUSTER_UPDATE)


def migrate(store: Store, cluster_id: str, body: Any) -> None:
    cluster = _idle(store, find(store, cluster_id))
    region = read(DatabaseRegionUpdate, body).region
    _check_region(region)
    if region == cluster.spec.region:
        raise unprocessable(f"the cluster is already in {region}")
    cluster.spec = attrs.evolve(cluster.spec, region=region)
    store.start_change(cluster, DatabaseClusterStatus.MIGRATING)
    record(cluster, DatabaseEventType.CLUSTER_UPDATE)


def upgrade(store: Store, cluster_id: str, body: Any) -> None:
    cluster = _idle(store, find(store, cluster_id))
    version = read(DatabaseVersionUpdate, body).version
    if version is None:
        raise unprocessable("version is required: the major version to upgrade to")
    engine = cluster.spec.engine
    offer = _offer(engine)
    current = describe(store, cluster)["version"]
    if version not in offer.versions:
        raise unprocessable(
            f"{engine_name(engine)} {version} is not offered (offered: {', '.join(offer.versions)})"
        )
    if version_key(version) <= version_key(current):
        raise unprocessable(f"the cluster runs version {current}: upgrade only to a newer one")
    cluster.spec = attrs.evolve(cluster.spec, version=version)
    record(cluster, DatabaseEventType.CLUSTER_UPDATE)


def update_maintenance(store: Store, cluster_id: str, body: Any) -> None:
    cluster = find(store, cluster_id)
    # Only day and hour count; what the server sets (pending, description) is ignored.
    window: DatabaseMaintenanceWindow = read(DatabaseMaintenanceWindow, body)
    day = window.day.lower()
    if day not in _DAYS:
        raise unprocessable(f"day must be a day of the week ({', '.join(_DAYS)}), not {window.day}")
    if not _HOUR.fullmatch(window.hour):
        raise unprocessable(f"hour must be HH:MM or HH:MM:SS in UTC, not {window.hour}")
    _extras(cluster).window = {"day": day, "hour": window.hour, "pending": False}


def install_update(store: Store, cluster_id: str) -> None:
    cluster = _idle(store, find(store, cluster_id))
    _extras(cluster).window["pending"] = False
    record(cluster, DatabaseEventType.CLUSTER_MAINTENANCE_PERFORM)


# Settings ------------------------------------------------------------------------------


def _autoscale_engine(engine: str) -> None:
    if engine == VALKEY:
        # The emulator's choice: Valkey keeps its data in memory, so no storage grows.
        raise unprocessable("storage autoscaling is not supported on Valkey clusters")


def get_autoscale(store: Store, cluster_id: str) -> dict[str, Any]:
    cluster = find(store, cluster_id)
    _autoscale_engine(cluster.spec.engine)
    return _extras(cluster).autoscale


def update_autoscale(store: Store, cluster_id: str, body: Any) -> None:
    cluster = find(store, cluster_id)
    _autoscale_engine(cluster.spec.engine)
    if read(DatabaseAutoscale, body).storage is None:
        raise unprocessable("storage is required")
    check_limits("DatabaseAutoscale", body)
    _extras(cluster).autoscale = plain(DatabaseAutoscale, body)


def get_do_settings(store: Store, cluster_id: str) -> dict[str, Any]:
    return _extras(find(store, cluster_id)).do_settings


def update_do_settings(store: Store, cluster_id: str, body: Any) -> None:
    cluster = find(store, cluster_id)
    read(DoSettingsUpdate, body)
    check_limits("DoSettingsUpdate", body)
    settings = plain(DoSettingsUpdate, body)["do_settings"]
    settings.setdefault("service_cnames", [])
    _extras(cluster).do_settings = settings


def get_metrics_credentials(store: Store) -> dict[str, Any]:
    """The account's credentials for the clusters' metrics endpoints (made on first use)."""
    made: dict[str, Any] = part(
        store,
        _METRICS,
        lambda: {"basic_auth_username": "metrics-user", "basic_auth_password": new_password()},
    )
    return dict(made)


def update_metrics_credentials(store: Store, body: Any) -> None:
    request: DatabaseMetricsCredentials = read(DatabaseMetricsCredentials, body)
    new = plain(DatabaseMetricsCredentials, body).get("credentials") or {}
    if request.credentials is None or len(new) < 2:
        # The emulator's choice: both are replaced together.
        raise unprocessable("credentials needs both basic_auth_username and basic_auth_password")
    store.parts[_METRICS] = new


ROWS: Final[dict[str, Backend]] = {
    "databases_list_clusters": lambda store, body, tag_name=None: list_clusters(store, tag_name),
    "databases_get_cluster": lambda store, cluster, body: get_cluster(store, cluster),
    "databases_create_cluster": lambda store, body: create_cluster(store, body),
    "databases_destroy_cluster": lambda store, cluster, body: destroy_cluster(store, cluster),
    "databases_get_ca": lambda store, cluster, body: get_ca(store, cluster),
    "databases_update_cluster_size": lambda store, cluster, body: resize(store, cluster, body),
    "databases_update_region": lambda store, cluster, body: migrate(store, cluster, body),
    "databases_update_major_version": lambda store, cluster, body: upgrade(store, cluster, body),
    "databases_update_maintenance_window": lambda s, c, body: update_maintenance(s, c, body),
    "databases_install_update": lambda store, cluster, body: install_update(store, cluster),
    "databases_list_events_logs": lambda store, cluster, body: list_events(store, cluster),
    "databases_list_backups": lambda store, cluster, body: list_backups(store, cluster),
    "databases_list_options": lambda store, body: options(),
    "databases_get_autoscale": lambda store, cluster, body: get_autoscale(store, cluster),
    "databases_update_autoscale": lambda s, cluster, body: update_autoscale(s, cluster, body),
    "databases_get_do_settings": lambda store, cluster, body: get_do_settings(store, cluster),
    "databases_update_do_settings": lambda s, c, body: update_do_settings(s, c, body),
    "databases_get_cluster_metrics_credentials": lambda s, body: get_metrics_credentials(s),
    "databases_update_cluster_metrics_credentials": lambda s, body: update_metrics_credentials(
        s, body
    ),
}

"""Clusters (`/v2/databases`, `/v2/databases/{uuid}`): listing, reading, the CA."""

from __future__ import annotations

import base64
from typing import Any, Final

from ._resource import Backend, find
from ._state import Store


def get_ca(store: Store, cluster_id: str) -> dict[str, Any]:
    """The CA that signs the clusters' certificates: its PEM, base64-encoded once more
    (the spec's `DatabaseCa.certificate`)."""
    find(store, cluster_id)
    return {"certificate": base64.b64encode(store.ca_pem.encode()).decode()}


ROWS: Final[dict[str, Backend]] = {
    "databases_list_clusters": lambda store, body, tag_name=None: store.list_clusters(tag_name),
    "databases_get_cluster": lambda store, cluster, body: store.get_cluster(cluster),
    "databases_get_ca": lambda store, cluster, body: get_ca(store, cluster),
}

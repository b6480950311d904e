"""OpenSearch clusters' indexes (`/indexes`): listed and deleted.

The API makes no index (OpenSearch's own clients do), so each OpenSearch cluster
starts with the indexes of the spec's example; a delete removes one for good.
"""

from __future__ import annotations

import copy
from typing import Any, Final

from .._spec import success_example
from ._resource import Backend, changeable, on_engines, part
from ._state import OPENSEARCH, Cluster, Store, not_found

_KEY: Final = "opensearch-indexes"


def _indexes(store: Store, cluster_id: str) -> tuple[Cluster, dict[str, dict[str, Any]]]:
    cluster = on_engines(store, cluster_id, [OPENSEARCH.value], "Indexes")

    def seeded() -> dict[str, dict[str, Any]]:
        example = copy.deepcopy(success_example("databases_list_opeasearch_indexes"))
        return {index["index_name"]: index for index in example["indexes"]}

    return cluster, part(cluster, _KEY, seeded)


def list_indexes(store: Store, cluster_id: str) -> list[dict[str, Any]]:
    return [dict(index) for index in _indexes(store, cluster_id)[1].values()]


def delete_index(store: Store, cluster_id: str, name: str) -> None:
    cluster, indexes = _indexes(store, cluster_id)
    changeable(store, cluster)
    if indexes.pop(name, None) is None:
        raise not_found()


ROWS: Final[dict[str, Backend]] = {
    "databases_list_opeasearch_indexes": lambda store, cluster, body: list_indexes(store, cluster),
    "databases_delete_opensearch_index": lambda s, cluster, name, body: delete_index(
        s, cluster, name
    ),
}

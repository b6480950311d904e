"""The operations tagged open_search_indexes, by operationId."""

from .databases_delete_opensearch_index import (
    OPERATION as databases_delete_opensearch_index,
)
from .databases_list_opeasearch_indexes import (
    OPERATION as databases_list_opeasearch_indexes,
)

__all__ = [
    "databases_delete_opensearch_index",
    "databases_list_opeasearch_indexes",
]

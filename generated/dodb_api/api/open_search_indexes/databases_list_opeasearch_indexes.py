"""List the indexes of an OpenSearch cluster"""

from ..._facts import FACTS
from ...models.open_search_index_list import OpenSearchIndexList
from ...types import Operation

OPERATION = Operation(
    name="databases_list_opeasearch_indexes",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/indexes",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=None,
    result=OpenSearchIndexList,
    facts=FACTS["databases_list_opeasearch_indexes"],
)

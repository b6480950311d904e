"""Delete an index of an OpenSearch cluster"""

from ..._facts import FACTS
from ...types import Operation

OPERATION = Operation(
    name="databases_delete_opensearch_index",
    method="DELETE",
    path="/v2/databases/{database_cluster_uuid}/indexes/{index_name}",
    path_params=(
        "database_cluster_uuid",
        "index_name",
    ),
    query_params=(),
    success=204,
    body=None,
    result=None,
    facts=FACTS["databases_delete_opensearch_index"],
)

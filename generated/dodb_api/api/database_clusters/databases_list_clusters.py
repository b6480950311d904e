"""List the database clusters of the account"""

from ..._facts import FACTS
from ...models.database_cluster_list import DatabaseClusterList
from ...types import Operation

OPERATION = Operation(
    name="databases_list_clusters",
    method="GET",
    path="/v2/databases",
    path_params=(),
    query_params=("tag_name",),
    success=200,
    body=None,
    result=DatabaseClusterList,
    facts=FACTS["databases_list_clusters"],
)

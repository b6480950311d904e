"""Get the credentials of the clusters' metrics endpoints"""

from ..._facts import FACTS
from ...models.database_metrics_credentials import DatabaseMetricsCredentials
from ...types import Operation

OPERATION = Operation(
    name="databases_get_cluster_metrics_credentials",
    method="GET",
    path="/v2/databases/metrics/credentials",
    path_params=(),
    query_params=(),
    success=200,
    body=None,
    result=DatabaseMetricsCredentials,
    facts=FACTS["databases_get_cluster_metrics_credentials"],
)

"""Change the credentials of the clusters' metrics endpoints"""

from ..._facts import FACTS
from ...models.database_metrics_credentials import DatabaseMetricsCredentials
from ...types import Operation

OPERATION = Operation(
    name="databases_update_cluster_metrics_credentials",
    method="PUT",
    path="/v2/databases/metrics/credentials",
    path_params=(),
    query_params=(),
    success=204,
    body=DatabaseMetricsCredentials,
    result=None,
    facts=FACTS["databases_update_cluster_metrics_credentials"],
)

"""Get the eviction policy of a Caching or Valkey cluster"""

from ..._facts import FACTS
from ...models.eviction_policy_setting import EvictionPolicySetting
from ...types import Operation

OPERATION = Operation(
    name="databases_get_eviction_policy",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/eviction_policy",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=None,
    result=EvictionPolicySetting,
    facts=FACTS["databases_get_eviction_policy"],
)

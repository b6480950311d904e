"""Set the eviction policy of a Caching or Valkey cluster"""

from ..._facts import FACTS
from ...models.eviction_policy_setting import EvictionPolicySetting
from ...types import Operation

OPERATION = Operation(
    name="databases_update_eviction_policy",
    method="PUT",
    path="/v2/databases/{database_cluster_uuid}/eviction_policy",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=204,
    body=EvictionPolicySetting,
    result=None,
    facts=FACTS["databases_update_eviction_policy"],
)

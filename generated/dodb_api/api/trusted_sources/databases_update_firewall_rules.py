"""Replace the trusted sources of a database cluster"""

from ..._facts import FACTS
from ...models.firewall_rules_update import FirewallRulesUpdate
from ...types import Operation

OPERATION = Operation(
    name="databases_update_firewall_rules",
    method="PUT",
    path="/v2/databases/{database_cluster_uuid}/firewall",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=204,
    body=FirewallRulesUpdate,
    result=None,
    facts=FACTS["databases_update_firewall_rules"],
)

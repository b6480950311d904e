"""List the trusted sources of a database cluster"""

from ..._facts import FACTS
from ...models.firewall_rule_list import FirewallRuleList
from ...types import Operation

OPERATION = Operation(
    name="databases_list_firewall_rules",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/firewall",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=None,
    result=FirewallRuleList,
    facts=FACTS["databases_list_firewall_rules"],
)

# Derived from dodb/_async/_firewall.py by scripts/generate.sh (unasync): do not edit;
# edit the async file and regenerate.
"""`client.databases.firewall`: the generated trusted-source calls, plus `ensure`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from dodb_api.calls.firewall import FirewallCalls

if TYPE_CHECKING:
    from dodb_api.models import FirewallRuleType

    from .._access import EnsuredRules
    from .._base import BaseClient

    Rule = tuple[FirewallRuleType | str, str]


class DatabaseFirewall(FirewallCalls):
    """The trusted sources of a cluster: who may connect."""

    _client: BaseClient

    def ensure(self, cluster: str, rules: Iterable[Rule]) -> EnsuredRules:
        """Add these (type, value) rules where missing; keep every other rule.

        The API replaces the whole list, so this reads it, adds, writes and reads
        again; see `_access.ensure_rules_flow` for what a concurrent writer does."""
        from .._access import ensure_rules_flow, rule

        flow = ensure_rules_flow(cluster, [rule(kind, value) for kind, value in rules])
        found: EnsuredRules = self._client._drive(flow)
        return found

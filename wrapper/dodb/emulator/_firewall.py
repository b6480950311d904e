"""Trusted sources (`/v2/databases/{uuid}/firewall`): the resources allowed to connect.

An update replaces the whole list. Each rule's value is checked against its type
(DigitalOcean's trusted-sources documentation: a Droplet's numeric id, a Kubernetes
cluster's or an app's UUID, a tag's name, an IP address or CIDR range); the server
gives each new rule its uuid and time, and keeps them for a rule sent again.
"""

from __future__ import annotations

import ipaddress
import re
import uuid
from collections.abc import Callable, Iterable
from typing import Any, Final

from dodb_api.models import FirewallRule, FirewallRulesUpdate, FirewallRuleType

from ._resource import Backend, changeable, find, part, read
from ._state import Cluster, Store, now_iso, unprocessable

KEY: Final = "firewall"
_TAG: Final = re.compile(r"[A-Za-z0-9:_-]{1,255}")
"""DigitalOcean's tag names: letters, digits, colons, dashes and underscores, up to 255."""


def _ip(value: str) -> bool:
    try:
        ipaddress.ip_network(value, strict=False)
    except ValueError:
        return False
    return True


def _uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value.lower()
    except ValueError:
        return False


_CHECKS: Final[dict[FirewallRuleType, tuple[Callable[[str], bool], str]]] = {
    FirewallRuleType.IP_ADDR: (_ip, "an IP address or a CIDR range"),
    FirewallRuleType.DROPLET: (str.isdigit, "a Droplet's numeric id"),
    FirewallRuleType.K8S: (_uuid, "a Kubernetes cluster's UUID"),
    FirewallRuleType.APP: (_uuid, "an app's UUID"),
    FirewallRuleType.TAG: (lambda v: bool(_TAG.fullmatch(v)), "a tag name"),
}
"""What each rule type's value must be. A type the spec adds later is taken as sent."""


def _rules(cluster: Cluster) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = part(cluster, KEY, list)
    return found


def _belongs(cluster: Cluster) -> dict[str, str]:
    """The rule's `cluster_uuid`, where the cluster's id has the spec's UUID form (the
    reference page's `ab7bb7a` has not)."""
    return {"cluster_uuid": cluster.spec.id} if _uuid(cluster.spec.id) else {}


def list_rules(store: Store, cluster_id: str) -> list[dict[str, Any]]:
    cluster = find(store, cluster_id)
    return [{**rule, **_belongs(cluster)} for rule in _rules(cluster)]


def checked(cluster: Cluster, rules: Iterable[FirewallRule]) -> list[dict[str, Any]]:
    """The new list of rules: each value checked against its type, ids kept for rules
    sent again (by uuid, or by type and value), new ones made by the server."""
    old = _rules(cluster)
    by_uuid = {r["uuid"]: r for r in old}
    by_value = {(r["type"], r["value"]): r for r in old}
    new: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for index, rule in enumerate(rules):
        kind, value = rule.type_.value, rule.value
        check = _CHECKS.get(rule.type_)
        if check is not None and not check[0](value):
            raise unprocessable(f"rules[{index}]: a {kind} rule's value must be {check[1]}")
        if (kind, value) in seen:
            raise unprocessable(f"rules[{index}]: the {kind} rule {value} is listed twice")
        seen.add((kind, value))
        sent_uuid = rule.uuid or None  # an empty uuid is none (godo sends `uuid: ""`)
        if sent_uuid is not None and sent_uuid not in by_uuid:
            raise unprocessable(f"rules[{index}]: this cluster has no rule {sent_uuid}")
        kept = by_uuid.get(sent_uuid or "") or by_value.get((kind, value))
        made: dict[str, Any] = {
            "uuid": kept["uuid"] if kept else str(uuid.uuid4()),
            "type": kind,
            "value": value,
            "created_at": kept["created_at"] if kept else now_iso(),
        }
        if rule.description is not None:
            made["description"] = rule.description
        new.append(made)
    return new


def replace_rules(cluster: Cluster, rules: Iterable[FirewallRule]) -> None:
    cluster.parts[KEY] = checked(cluster, rules)


def update_rules(store: Store, cluster_id: str, body: Any) -> None:
    cluster = changeable(store, find(store, cluster_id))
    request: FirewallRulesUpdate = read(FirewallRulesUpdate, body)
    if request.rules is None:
        # The emulator's choice: an update names the whole new list, even an empty one.
        raise unprocessable("rules is required: the complete new list ([] removes every rule)")
    replace_rules(cluster, request.rules)


ROWS: Final[dict[str, Backend]] = {
    "databases_list_firewall_rules": lambda store, cluster, body: list_rules(store, cluster),
    "databases_update_firewall_rules": lambda s, cluster, body: update_rules(s, cluster, body),
}

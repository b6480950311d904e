from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.firewall_rule_type import FirewallRuleType
from ..types import (
    NO_EXTRA,
    STRING,
    Prop,
    Schema,
    dump,
    enum,
    load,
    text,
)


@_attrs_frozen
class FirewallRule:
    """One trusted source: a resource allowed to connect to the cluster
    (upstream's models/firewall_rule.yml). `type` and `value` come first, so
    that a pair of them can stand for a rule."""

    type_: FirewallRuleType
    """ The kind of resource a rule admits: `droplet`, `k8s` (a Kubernetes
    cluster), `ip_addr`, `tag` or `app` (an App Platform app). """
    value: str
    """ What the rule admits: a Droplet's id, a Kubernetes cluster's or an
    app's id, a tag's name, or an IP address (IPv4, optionally with a
    CIDR prefix). """
    description: str | None = None
    """ A note about the rule, for people. """
    uuid: str | None = None
    """ The rule's own id, set by the server. """
    cluster_uuid: str | None = None
    """ The id of the cluster the rule belongs to. """
    created_at: str | None = None
    """ When the rule was made (ISO 8601). """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("type", "type_", enum(FirewallRuleType), required=True),
            Prop("value", "value", text(1), required=True),
            Prop("description", "description", STRING),
            Prop("uuid", "uuid", STRING),
            Prop("cluster_uuid", "cluster_uuid", STRING),
            Prop("created_at", "created_at", STRING),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> FirewallRule:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

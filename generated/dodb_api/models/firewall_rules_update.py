from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import frozen as _attrs_frozen

from ..types import (
    Prop,
    Schema,
    array,
    dump,
    load,
    model,
)

if TYPE_CHECKING:
    from ..models.firewall_rule import FirewallRule


@_attrs_frozen
class FirewallRulesUpdate:
    """The body of a request that replaces the trusted sources."""

    rules: tuple[FirewallRule, ...] | None = None
    """ The complete new list; an empty list removes every rule. """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.firewall_rule import FirewallRule  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop(
                "rules",
                "rules",
                array(model(FirewallRule)),
                extensions={
                    "x-dodb-option": {
                        "flag": "--rule",
                        "help": "a trusted source as a TYPE and a VALUE (repeatable)",
                        "name": "rules",
                    }
                },
            ),
        )
        return Schema(props, extra=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> FirewallRulesUpdate:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

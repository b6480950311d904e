from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.eviction_policy import EvictionPolicy
from ..types import (
    NO_EXTRA,
    Prop,
    Schema,
    dump,
    enum,
    load,
)


@_attrs_frozen
class EvictionPolicySetting:
    """A Caching or Valkey cluster's eviction policy, as read and as set."""

    eviction_policy: EvictionPolicy
    """ What a Caching or Valkey cluster evicts when its memory is full: nothing
    (`noeviction`: writes fail), any key (`allkeys_*`) or only keys with an
    expiry (`volatile_*`), least recently used first, at random, or
    (`volatile_ttl`) the shortest time to live first (upstream's
    models/eviction_policy_model.yml). """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop(
                "eviction_policy",
                "eviction_policy",
                enum(EvictionPolicy),
                required=True,
                extensions={"x-dodb-arg": "policy"},
            ),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> EvictionPolicySetting:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

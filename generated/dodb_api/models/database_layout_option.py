from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    INTEGER,
    NO_EXTRA,
    STRING,
    Prop,
    Schema,
    array,
    dump,
    load,
)


@_attrs_frozen
class DatabaseLayoutOption:
    """One node count and the node sizes available with it."""

    num_nodes: int | None = None
    """ The node count. """
    sizes: tuple[str, ...] | None = None
    """ The size slugs available with that many nodes. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("num_nodes", "num_nodes", INTEGER),
            Prop("sizes", "sizes", array(STRING)),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseLayoutOption:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

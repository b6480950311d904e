from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    NO_EXTRA,
    STRING,
    Prop,
    Schema,
    array,
    dump,
    load,
    model,
)

if TYPE_CHECKING:
    from ..models.database_layout_option import DatabaseLayoutOption


@_attrs_frozen
class DatabaseEngineOptions:
    """The regions, versions and layouts of one engine. Upstream writes it as
    the `allOf` of three models (regions, versions, layouts); this is their
    union."""

    regions: tuple[str, ...] | None = None
    """ The slugs of the regions where the engine is offered. """
    versions: tuple[str, ...] | None = None
    """ The engine versions on offer. """
    layouts: tuple[DatabaseLayoutOption, ...] | None = None
    """ The node counts on offer, each with the node sizes it allows. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.database_layout_option import DatabaseLayoutOption  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop("regions", "regions", array(STRING)),
            Prop("versions", "versions", array(STRING)),
            Prop("layouts", "layouts", array(model(DatabaseLayoutOption))),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseEngineOptions:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

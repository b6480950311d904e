from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    ANY,
    NO_EXTRA,
    Prop,
    Schema,
    dump,
    load,
)

if TYPE_CHECKING:
    pass


@_attrs_frozen
class DatabaseConfigEnvelope:
    """A response that carries a cluster's advanced settings, in its engine's schema."""

    config: Any

    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (Prop("config", "config", ANY, required=True),)
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseConfigEnvelope:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    NO_EXTRA,
    STRING,
    Prop,
    Schema,
    dump,
    load,
)


@_attrs_frozen
class DatabaseVersionAvailability:
    """When one engine version stops being offered and supported."""

    end_of_life: str | None = None
    """ When the version stops being supported; null when no date is set. """
    end_of_availability: str | None = None
    """ When new clusters can no longer use the version; null when no date is set. """
    version: str | None = None
    """ The engine version. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("end_of_life", "end_of_life", STRING),
            Prop("end_of_availability", "end_of_availability", STRING),
            Prop("version", "version", STRING),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseVersionAvailability:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import frozen as _attrs_frozen

from ..types import (
    Prop,
    Schema,
    dump,
    load,
    model,
)

if TYPE_CHECKING:
    from ..models.do_settings import DoSettings


@_attrs_frozen
class DoSettingsUpdate:
    """The body of a request that changes a cluster's DigitalOcean settings."""

    do_settings: DoSettings
    """ Settings DigitalOcean applies around the engine (upstream's
    models/do_settings.yml). """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.do_settings import DoSettings  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop("do_settings", "do_settings", model(DoSettings), required=True),
        )
        return Schema(props, extra=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DoSettingsUpdate:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

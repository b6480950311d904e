from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    NO_EXTRA,
    Prop,
    Schema,
    dump,
    load,
    model,
)

if TYPE_CHECKING:
    from ..models.database_options_by_engine import DatabaseOptionsByEngine
    from ..models.database_version_availability_by_engine import (
        DatabaseVersionAvailabilityByEngine,
    )


@_attrs_frozen
class DatabaseOptions:
    """What clusters can be made, by engine (upstream's models/options.yml)."""

    options: DatabaseOptionsByEngine | None = None
    """ The choices for a new cluster of each engine. """
    version_availability: DatabaseVersionAvailabilityByEngine | None = None
    """ The support dates of each engine's versions. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.database_options_by_engine import DatabaseOptionsByEngine  # noqa: PLC0415
        from ..models.database_version_availability_by_engine import (
            DatabaseVersionAvailabilityByEngine,  # noqa: PLC0415
        )

        props: tuple[Prop, ...] = (
            Prop("options", "options", model(DatabaseOptionsByEngine)),
            Prop(
                "version_availability",
                "version_availability",
                model(DatabaseVersionAvailabilityByEngine),
            ),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseOptions:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

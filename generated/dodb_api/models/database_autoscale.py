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
    from ..models.database_storage_autoscale import DatabaseStorageAutoscale


@_attrs_frozen
class DatabaseAutoscale:
    """How a cluster grows by itself (upstream's
    models/database_autoscale_params.yml); absent when not set up."""

    storage: DatabaseStorageAutoscale | None = None
    """ Storage autoscaling (upstream's models/database_storage_autoscale_params.yml). """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.database_storage_autoscale import DatabaseStorageAutoscale  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop("storage", "storage", model(DatabaseStorageAutoscale)),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseAutoscale:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    BOOLEAN,
    NO_EXTRA,
    NUMBER,
    Prop,
    Schema,
    dump,
    load,
    text,
)


@_attrs_frozen
class DatabaseBackup:
    """One backup of a cluster (upstream's models/backup.yml)."""

    created_at: str
    """ When the backup was taken (ISO 8601). """
    size_gigabytes: float
    """ The backup's size, in GB. """
    incremental: bool | None = None
    """ MySQL only. Whether the backup holds only the changes since the previous one. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("created_at", "created_at", text(1), required=True),
            Prop("size_gigabytes", "size_gigabytes", NUMBER, required=True),
            Prop("incremental", "incremental", BOOLEAN),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseBackup:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    INTEGER,
    NO_EXTRA,
    Prop,
    Schema,
    dump,
    load,
)


@_attrs_frozen
class DatabaseBackupSchedule:
    """When the cluster's backups are taken."""

    backup_hour: int | None = None
    """ The hour (UTC) backups start. """
    backup_minute: int | None = None
    """ The minute of that hour. """
    backup_interval_hours: int | None = None
    """ The hours between two backups. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("backup_hour", "backup_hour", INTEGER),
            Prop("backup_minute", "backup_minute", INTEGER),
            Prop("backup_interval_hours", "backup_interval_hours", INTEGER),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseBackupSchedule:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

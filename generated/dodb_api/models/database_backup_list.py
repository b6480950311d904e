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
    from ..models.database_backup import DatabaseBackup
    from ..models.database_backup_schedule import DatabaseBackupSchedule


@_attrs_frozen
class DatabaseBackupList:
    """A response that carries the backups of a cluster."""

    backups: tuple[DatabaseBackup, ...]

    scheduled_backup_time: DatabaseBackupSchedule | None = None
    """ When the cluster's backups are taken. """
    backup_progress: str | None = None
    """ How much of a running backup is done, in percent; absent when no
    backup is running. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.database_backup import DatabaseBackup  # noqa: PLC0415
        from ..models.database_backup_schedule import DatabaseBackupSchedule  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop("backups", "backups", array(model(DatabaseBackup)), required=True),
            Prop(
                "scheduled_backup_time",
                "scheduled_backup_time",
                model(DatabaseBackupSchedule),
            ),
            Prop("backup_progress", "backup_progress", STRING),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseBackupList:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

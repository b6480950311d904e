from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    BOOLEAN,
    NO_EXTRA,
    STRING,
    Prop,
    Schema,
    dump,
    load,
)


@_attrs_frozen
class MysqlIncrementalBackup:
    """MySQL's incremental backups (upstream's
    models/advanced_config/helpers/mysql_incremental_backup.yml)."""

    enabled: bool | None = None
    """ Whether incremental backups, holding only the changes since the last
    backup, are taken; needs `full_backup_week_schedule`. """
    full_backup_week_schedule: str | None = None
    """ The weekdays of full backups, comma-separated (`mon` to `sun`), such as
    `mon,thu`. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("enabled", "enabled", BOOLEAN),
            Prop("full_backup_week_schedule", "full_backup_week_schedule", STRING),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> MysqlIncrementalBackup:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

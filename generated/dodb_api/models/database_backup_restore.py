from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import frozen as _attrs_frozen

from ..types import (
    STRING,
    Prop,
    Schema,
    dump,
    load,
    text,
)


@_attrs_frozen
class DatabaseBackupRestore:
    """Which backup a new cluster starts from (upstream's
    models/database_backup.yml)."""

    database_name: str
    """ The name of the existing cluster whose backup is restored. """
    backup_created_at: str | None = None
    """ The time of the backup to restore (ISO 8601); left out, the latest. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop(
                "database_name",
                "database_name",
                text(1),
                required=True,
                extensions={
                    "x-dodb-option": {
                        "flag": "--restore-from",
                        "help": "start from a backup of the cluster of this name",
                        "name": "restore_from",
                    }
                },
            ),
            Prop(
                "backup_created_at",
                "backup_created_at",
                STRING,
                extensions={
                    "x-dodb-option": {
                        "flag": "--restore-backup-created-at",
                        "help": "the time of the backup to start from (default the "
                        "latest)",
                        "name": "restore_backup_created_at",
                    }
                },
            ),
        )
        return Schema(props, extra=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseBackupRestore:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

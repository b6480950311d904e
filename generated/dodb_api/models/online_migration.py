from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.online_migration_status import OnlineMigrationStatus
from ..types import (
    NO_EXTRA,
    STRING,
    Prop,
    Schema,
    dump,
    enum,
    load,
)


@_attrs_frozen
class OnlineMigration:
    """An online migration into a cluster (upstream's models/online_migration.yml)."""

    id: str | None = None
    """ The migration's id. """
    status: OnlineMigrationStatus | None = None
    """ Where the migration is: copying (`running`), replicating changes
    (`syncing`), stopped (`canceled`), failed (`error`) or finished (`done`). """
    created_at: str | None = None
    """ When the migration started (ISO 8601). """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("id", "id", STRING),
            Prop("status", "status", enum(OnlineMigrationStatus)),
            Prop("created_at", "created_at", STRING),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> OnlineMigration:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.database_event_type import DatabaseEventType
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
class DatabaseEvent:
    """One event in a cluster's life (upstream's models/events_logs.yml)."""

    id: str | None = None
    """ The event's id. """
    cluster_name: str | None = None
    """ The name of the cluster. """
    event_type: DatabaseEventType | None = None
    """ What happened: maintenance ran, a standby became the primary, the
    cluster was created, updated or deleted, or powered on or off. """
    create_time: str | None = None
    """ When the event happened (ISO 8601). """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("id", "id", STRING),
            Prop("cluster_name", "cluster_name", STRING),
            Prop("event_type", "event_type", enum(DatabaseEventType)),
            Prop("create_time", "create_time", STRING),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseEvent:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

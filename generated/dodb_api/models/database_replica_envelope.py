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
    from ..models.database_replica import DatabaseReplica


@_attrs_frozen
class DatabaseReplicaEnvelope:
    """A response that carries one replica."""

    replica: DatabaseReplica
    """ A read-only replica of a cluster as the API returns it (upstream's
    models/database_replica_read.yml). """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.database_replica import DatabaseReplica  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop("replica", "replica", model(DatabaseReplica), required=True),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseReplicaEnvelope:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.database_cluster_status import DatabaseClusterStatus
from ..types import (
    INTEGER,
    NO_EXTRA,
    STRING,
    Prop,
    Schema,
    array,
    dump,
    enum,
    load,
    model,
    text,
)

if TYPE_CHECKING:
    from ..models.database_connection import DatabaseConnection
    from ..models.do_settings import DoSettings


@_attrs_frozen
class DatabaseReplica:
    """A read-only replica of a cluster as the API returns it (upstream's
    models/database_replica_read.yml)."""

    name: str
    """ The replica's name, unique among the cluster's replicas. """
    id: str | None = None
    """ The replica's id. """
    region: str | None = None
    """ The slug of the region the replica runs in. """
    size: str | None = None
    """ The size slug of the replica's node. """
    status: DatabaseClusterStatus | None = None
    """ The cluster's state; users can be managed once it is `online`. """
    tags: tuple[str, ...] | None = None
    """ The tags on the replica. Reading them needs the `tag:read` scope. """
    created_at: str | None = None
    """ When the replica was created (ISO 8601). """
    private_network_uuid: str | None = None
    """ The VPC the replica is in. Reading it needs the `vpc:read` scope. """
    connection: DatabaseConnection | None = None
    """ How to reach the cluster as its default user (upstream's
    models/database_connection.yml). `uri` is in the form the engine's
    own clients accept; the other fields are its parts. """
    private_connection: DatabaseConnection | None = None
    """ How to reach the cluster as its default user (upstream's
    models/database_connection.yml). `uri` is in the form the engine's
    own clients accept; the other fields are its parts. """
    storage_size_mib: int | None = None
    """ Storage added on top of what the size includes, in MiB. """
    do_settings: DoSettings | None = None
    """ Settings DigitalOcean applies around the engine (upstream's
    models/do_settings.yml). """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.database_connection import DatabaseConnection  # noqa: PLC0415
        from ..models.do_settings import DoSettings  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop("name", "name", text(1), required=True),
            Prop("id", "id", STRING),
            Prop("region", "region", STRING),
            Prop("size", "size", STRING),
            Prop("status", "status", enum(DatabaseClusterStatus)),
            Prop("tags", "tags", array(STRING)),
            Prop("created_at", "created_at", STRING),
            Prop("private_network_uuid", "private_network_uuid", STRING),
            Prop("connection", "connection", model(DatabaseConnection)),
            Prop("private_connection", "private_connection", model(DatabaseConnection)),
            Prop("storage_size_mib", "storage_size_mib", INTEGER),
            Prop("do_settings", "do_settings", model(DoSettings)),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseReplica:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

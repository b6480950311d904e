from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.database_cluster_status import DatabaseClusterStatus
from ..models.database_engine import DatabaseEngine
from ..types import (
    NO_EXTRA,
    STRING,
    Prop,
    Schema,
    dump,
    enum,
    load,
    model,
    text,
)

if TYPE_CHECKING:
    from ..models.database_connection import DatabaseConnection


@_attrs_frozen
class DatabaseCluster:
    """A database cluster, with the fields a user of the user operations
    needs (upstream's models/database_cluster.yml has more)."""

    id: str
    """ The cluster's id (a UUID on the real API). """
    name: str
    """ The cluster's unique, human-readable name. """
    engine: DatabaseEngine
    """ The engine: `pg` PostgreSQL, `mysql` MySQL, `redis` Caching, `valkey`
    Valkey, `mongodb` MongoDB, `kafka` Kafka, `opensearch` OpenSearch,
    `advanced_pg` and `advanced_mysql` the Advanced Editions (upstream's
    models/database_cluster.yml). """
    version: str | None = None
    """ The engine's major version. """
    status: DatabaseClusterStatus | None = None
    """ The cluster's state; users can be managed once it is `online`. """
    connection: DatabaseConnection | None = None
    """ How to reach the cluster as its default user (upstream's
    models/database_connection.yml). `uri` is in the form the engine's
    own clients accept; the other fields are its parts. """
    private_connection: DatabaseConnection | None = None
    """ How to reach the cluster as its default user (upstream's
    models/database_connection.yml). `uri` is in the form the engine's
    own clients accept; the other fields are its parts. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.database_connection import DatabaseConnection  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop("id", "id", text(1), required=True),
            Prop("name", "name", text(1), required=True),
            Prop("engine", "engine", enum(DatabaseEngine), required=True),
            Prop("version", "version", STRING),
            Prop("status", "status", enum(DatabaseClusterStatus)),
            Prop("connection", "connection", model(DatabaseConnection)),
            Prop("private_connection", "private_connection", model(DatabaseConnection)),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseCluster:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

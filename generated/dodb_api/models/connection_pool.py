from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    INTEGER,
    NO_EXTRA,
    STRING,
    Prop,
    Schema,
    dump,
    load,
    model,
    text,
)

if TYPE_CHECKING:
    from ..models.database_connection import DatabaseConnection


@_attrs_frozen
class ConnectionPool:
    """A PgBouncer connection pool of a PostgreSQL cluster, as the API returns
    it (upstream's models/connection_pool.yml)."""

    name: str
    """ The pool's name, 3 to 60 characters, unique within the cluster. """
    mode: str
    """ PgBouncer's pooling mode: `session`, `transaction` or `statement`
    (upstream lists them in prose only). """
    size: int
    """ How many server connections the pool keeps. The primary node's memory
    caps the total of every pool: 25 connections per GB of RAM, less 3
    kept for maintenance (22 on a 1 GB node, 97 on a 4 GB one). """
    db: str
    """ The database the pool connects to. """
    user: str | None = None
    """ The user every session of the pool connects as; absent means the
    user who connects to the pool. """
    connection: DatabaseConnection | None = None
    """ How to reach the cluster as its default user (upstream's
    models/database_connection.yml). `uri` is in the form the engine's
    own clients accept; the other fields are its parts. """
    private_connection: DatabaseConnection | None = None
    """ How to reach the cluster as its default user (upstream's
    models/database_connection.yml). `uri` is in the form the engine's
    own clients accept; the other fields are its parts. """
    standby_connection: DatabaseConnection | None = None
    """ How to reach the cluster as its default user (upstream's
    models/database_connection.yml). `uri` is in the form the engine's
    own clients accept; the other fields are its parts. """
    standby_private_connection: DatabaseConnection | None = None
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
            Prop("name", "name", text(1), required=True),
            Prop("mode", "mode", text(1), required=True),
            Prop("size", "size", INTEGER, required=True),
            Prop("db", "db", text(1), required=True),
            Prop("user", "user", STRING),
            Prop("connection", "connection", model(DatabaseConnection)),
            Prop("private_connection", "private_connection", model(DatabaseConnection)),
            Prop("standby_connection", "standby_connection", model(DatabaseConnection)),
            Prop(
                "standby_private_connection",
                "standby_private_connection",
                model(DatabaseConnection),
            ),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> ConnectionPool:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

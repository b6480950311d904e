from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    BOOLEAN,
    INTEGER,
    NO_EXTRA,
    SECRET,
    STRING,
    Prop,
    Schema,
    Secret,
    dump,
    load,
)


@_attrs_frozen
class DatabaseConnection:
    """How to reach the cluster as its default user (upstream's
    models/database_connection.yml). `uri` is in the form the engine's
    own clients accept; the other fields are its parts."""

    uri: Secret | None = None
    """ A connection string for the engine's clients, such as `psql`'s.
    It holds the default user's password, so it is a secret too. """
    database: str | None = None
    """ The default database (empty where the engine has none). """
    host: str | None = None
    """ The host name of the cluster's current primary node. """
    port: int | None = None
    """ The port the cluster listens on. """
    user: str | None = None
    """ The default user. Needs the `database:view_credentials` scope. """
    password: Secret | None = None
    """ The default user's password. Needs the `database:view_credentials` scope. """
    ssl: bool | None = None
    """ Whether connections must use TLS. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("uri", "uri", SECRET),
            Prop("database", "database", STRING),
            Prop("host", "host", STRING),
            Prop("port", "port", INTEGER),
            Prop("user", "user", STRING),
            Prop("password", "password", SECRET),
            Prop("ssl", "ssl", BOOLEAN),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseConnection:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

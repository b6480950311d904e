from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import frozen as _attrs_frozen

from ..types import (
    INTEGER,
    SECRET,
    STRING,
    Prop,
    Schema,
    Secret,
    dump,
    load,
)


@_attrs_frozen
class OnlineMigrationSource:
    """How to reach the database server to migrate from."""

    host: str | None = None
    """ The source server's host name. """
    port: int | None = None
    """ The port the source server listens on. """
    dbname: str | None = None
    """ The database to connect to. """
    username: str | None = None
    """ The user to connect as. """
    password: Secret | None = None
    """ That user's password; a secret. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("host", "host", STRING),
            Prop("port", "port", INTEGER),
            Prop("dbname", "dbname", STRING),
            Prop("username", "username", STRING),
            Prop("password", "password", SECRET),
        )
        return Schema(props, extra=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> OnlineMigrationSource:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

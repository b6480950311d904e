from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import frozen as _attrs_frozen

from ..types import (
    INTEGER,
    STRING,
    Prop,
    Schema,
    dump,
    load,
    text,
)


@_attrs_frozen
class ConnectionPoolCreate:
    """The body of an add-pool request."""

    name: str
    """ The new pool's name, 3 to 60 characters. """
    mode: str
    """ PgBouncer's pooling mode `session`, `transaction` or `statement`. """
    size: int
    """ How many server connections the pool keeps (see `ConnectionPool.size`). """
    db: str
    """ The database the pool connects to. """
    user: str | None = None
    """ The user the pool connects as; left out, the connecting user. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop(
                "name",
                "name",
                text(1),
                required=True,
                extensions={"x-dodb-arg": "name"},
            ),
            Prop(
                "mode",
                "mode",
                text(1),
                required=True,
                extensions={
                    "x-dodb-option": {
                        "engine": "PostgreSQL",
                        "flag": "--mode",
                        "help": "the pooling mode: session, transaction or statement",
                        "name": "mode",
                    }
                },
            ),
            Prop(
                "size",
                "size",
                INTEGER,
                required=True,
                extensions={
                    "x-dodb-option": {
                        "engine": "PostgreSQL",
                        "flag": "--size",
                        "help": "how many server connections the pool keeps",
                        "name": "size",
                    }
                },
            ),
            Prop(
                "db",
                "db",
                text(1),
                required=True,
                extensions={
                    "x-dodb-option": {
                        "engine": "PostgreSQL",
                        "flag": "--db",
                        "help": "the database the pool connects to",
                        "name": "db",
                        "refers-to": "dbs",
                        "replaces": True,
                    }
                },
            ),
            Prop(
                "user",
                "user",
                STRING,
                extensions={
                    "x-dodb-option": {
                        "engine": "PostgreSQL",
                        "flag": "--user",
                        "help": "the user the pool connects as (default the "
                        "connecting user)",
                        "name": "user",
                        "refers-to": "users",
                        "replaces": True,
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
    ) -> ConnectionPoolCreate:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import frozen as _attrs_frozen

from ..types import (
    BOOLEAN,
    STRING,
    Prop,
    Schema,
    array,
    dump,
    load,
    model,
)

if TYPE_CHECKING:
    from ..models.online_migration_source import OnlineMigrationSource


@_attrs_frozen
class OnlineMigrationStart:
    """The body of a request that starts an online migration (upstream's models/source_database.yml)."""

    source: OnlineMigrationSource
    """ How to reach the database server to migrate from. """
    disable_ssl: bool | None = None
    """ Whether to connect to the source without TLS. """
    ignore_dbs: tuple[str, ...] | None = None
    """ Databases of the source not to migrate. """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.online_migration_source import OnlineMigrationSource  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop(
                "source",
                "source",
                model(OnlineMigrationSource),
                required=True,
                extensions={"x-dodb-arg": "source"},
            ),
            Prop(
                "disable_ssl",
                "disable_ssl",
                BOOLEAN,
                extensions={
                    "x-dodb-option": {
                        "flag": "--disable-ssl",
                        "help": "connect to the source without TLS",
                        "name": "disable_ssl",
                    }
                },
            ),
            Prop(
                "ignore_dbs",
                "ignore_dbs",
                array(STRING),
                extensions={
                    "x-dodb-option": {
                        "flag": "--ignore-db",
                        "help": "a database of the source not to migrate (repeatable)",
                        "name": "ignore_dbs",
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
    ) -> OnlineMigrationStart:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

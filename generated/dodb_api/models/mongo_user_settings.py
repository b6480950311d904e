from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.mongo_role import MongoRole
from ..types import (
    NO_EXTRA,
    STRING,
    Prop,
    Schema,
    array,
    dump,
    enum,
    load,
)


@_attrs_frozen
class MongoUserSettings:
    """MongoDB only. The databases the user may reach, and how."""

    databases: tuple[str, ...] | None = None
    """ Database names; `admin` means every database. """
    role: MongoRole | None = None
    """ The MongoDB role the user has on its databases. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop(
                "databases",
                "databases",
                array(STRING),
                extensions={
                    "x-dodb-option": {
                        "engine": "MongoDB",
                        "flag": "--mongo-database",
                        "help": "a database the user may reach; admin means all "
                        "(repeatable)",
                        "name": "mongo_databases",
                    },
                    "x-dodb-server-default": ["admin"],
                },
            ),
            Prop(
                "role",
                "role",
                enum(MongoRole),
                extensions={
                    "x-dodb-option": {
                        "engine": "MongoDB",
                        "flag": "--mongo-role",
                        "help": "the role on those databases",
                        "name": "mongo_role",
                    }
                },
            ),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> MongoUserSettings:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

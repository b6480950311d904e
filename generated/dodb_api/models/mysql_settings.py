from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.mysql_auth_plugin import MysqlAuthPlugin
from ..types import (
    NO_EXTRA,
    Prop,
    Schema,
    dump,
    enum,
    load,
)


@_attrs_frozen
class MysqlSettings:
    """MySQL only. How the user authenticates."""

    auth_plugin: MysqlAuthPlugin
    """ The MySQL authentication plugin. When it is not chosen on create, the
    server's MySQL default applies (`caching_sha2_password` on MySQL 8). """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop(
                "auth_plugin",
                "auth_plugin",
                enum(MysqlAuthPlugin),
                required=True,
                extensions={
                    "x-dodb-option": {
                        "engine": "MySQL",
                        "flag": "--mysql-auth-plugin",
                        "help": "the authentication plugin",
                        "name": "mysql_auth_plugin",
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
    ) -> MysqlSettings:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

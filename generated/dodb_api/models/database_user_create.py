from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import frozen as _attrs_frozen

from ..types import (
    BOOLEAN,
    Prop,
    Schema,
    dump,
    load,
    model,
    text,
)

if TYPE_CHECKING:
    from ..models.mysql_settings import MysqlSettings
    from ..models.user_settings import UserSettings


@_attrs_frozen
class DatabaseUserCreate:
    """The body of an add-user request. It has only the fields a caller may
    set: the role, password, certificate and key are chosen by the server."""

    name: str
    """ The name of the new user; unique within the cluster. """
    mysql_settings: MysqlSettings | None = None
    """ MySQL only. How the user authenticates. """
    settings: UserSettings | None = None
    """ Engine-specific user settings. Each field applies to one engine. """
    readonly: bool | None = None
    """ MongoDB only: make a read-only user. Being replaced by
    `settings.mongo_user_settings.role`. """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.mysql_settings import MysqlSettings  # noqa: PLC0415
        from ..models.user_settings import UserSettings  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop(
                "name",
                "name",
                text(1),
                required=True,
                extensions={"x-dodb-arg": "name"},
            ),
            Prop("mysql_settings", "mysql_settings", model(MysqlSettings)),
            Prop("settings", "settings", model(UserSettings)),
            Prop(
                "readonly",
                "readonly",
                BOOLEAN,
                extensions={
                    "x-dodb-option": {
                        "engine": "MongoDB",
                        "flag": "--readonly",
                        "help": "read-only user (older flag)",
                        "name": "readonly",
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
    ) -> DatabaseUserCreate:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

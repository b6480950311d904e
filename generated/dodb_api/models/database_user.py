from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.user_role import UserRole
from ..types import (
    NO_EXTRA,
    SECRET,
    STRING,
    Prop,
    Schema,
    Secret,
    dump,
    enum,
    load,
    model,
    text,
)

if TYPE_CHECKING:
    from ..models.mysql_settings import MysqlSettings
    from ..models.user_settings import UserSettings


@_attrs_frozen
class DatabaseUser:
    """A database user as the API returns it."""

    name: str
    """ The name of the user. """
    role: UserRole | None = None
    """ `primary` for the cluster's admin user (usually `doadmin`), `normal`
    for every other user. Read-only. """
    password: Secret | None = None
    """ The randomly generated password. Present only when the token has
    the `database:view_credentials` scope. """
    access_cert: str | None = None
    """ Kafka only. PEM client certificate for TLS client authentication. """
    access_key: Secret | None = None
    """ Kafka only. PEM private key of `access_cert`. """
    mysql_settings: MysqlSettings | None = None
    """ MySQL only. How the user authenticates. """
    settings: UserSettings | None = None
    """ Engine-specific user settings. Each field applies to one engine. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.mysql_settings import MysqlSettings  # noqa: PLC0415
        from ..models.user_settings import UserSettings  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop("name", "name", text(1), required=True),
            Prop("role", "role", enum(UserRole)),
            Prop("password", "password", SECRET),
            Prop("access_cert", "access_cert", STRING),
            Prop("access_key", "access_key", SECRET),
            Prop("mysql_settings", "mysql_settings", model(MysqlSettings)),
            Prop("settings", "settings", model(UserSettings)),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseUser:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import frozen as _attrs_frozen

from ..types import (
    Prop,
    Schema,
    dump,
    load,
    model,
)

if TYPE_CHECKING:
    from ..models.mysql_settings import MysqlSettings


@_attrs_frozen
class DatabaseUserResetAuth:
    """The body of a reset-auth request. On MySQL clusters `mysql_settings`
    chooses the auth plugin; on other engines the password is reset."""

    mysql_settings: MysqlSettings | None = None
    """ MySQL only. How the user authenticates. """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.mysql_settings import MysqlSettings  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop("mysql_settings", "mysql_settings", model(MysqlSettings)),
        )
        return Schema(props, extra=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseUserResetAuth:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

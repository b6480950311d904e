from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.mysql_settings import MysqlSettings


T = TypeVar("T", bound="DatabaseUserResetAuth")


@_attrs_define
class DatabaseUserResetAuth:
    """The body of a reset-auth request. On MySQL clusters `mysql_settings`
    chooses the auth plugin; on other engines the password is reset.

    """

    mysql_settings: MysqlSettings | Unset = UNSET
    """ MySQL only. How the user authenticates. """

    def to_dict(self) -> dict[str, Any]:
        mysql_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mysql_settings, Unset):
            mysql_settings = self.mysql_settings.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if mysql_settings is not UNSET:
            field_dict["mysql_settings"] = mysql_settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.mysql_settings import MysqlSettings  # noqa: PLC0415

        d = dict(src_dict)
        _mysql_settings = d.pop("mysql_settings", UNSET)
        mysql_settings: MysqlSettings | Unset
        if isinstance(_mysql_settings, Unset):
            mysql_settings = UNSET
        else:
            mysql_settings = MysqlSettings.from_dict(_mysql_settings)

        database_user_reset_auth = cls(
            mysql_settings=mysql_settings,
        )

        return database_user_reset_auth

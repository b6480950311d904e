from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.mysql_settings import MysqlSettings
    from ..models.user_settings import UserSettings


T = TypeVar("T", bound="DatabaseUserCreate")


@_attrs_define
class DatabaseUserCreate:
    """The body of an add-user request. It has only the fields a caller may
    set: the role, password, certificate and key are chosen by the server.

    """

    name: str
    """ The name of the new user; unique within the cluster. """
    mysql_settings: MysqlSettings | Unset = UNSET
    """ MySQL only. How the user authenticates. """
    settings: UserSettings | Unset = UNSET
    """ Engine-specific user settings. Each field applies to one engine. """
    readonly: bool | Unset = UNSET
    """ MongoDB only: make a read-only user. Being replaced by
    `settings.mongo_user_settings.role`.
     """

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        mysql_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mysql_settings, Unset):
            mysql_settings = self.mysql_settings.to_dict()

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        readonly = self.readonly

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if mysql_settings is not UNSET:
            field_dict["mysql_settings"] = mysql_settings
        if settings is not UNSET:
            field_dict["settings"] = settings
        if readonly is not UNSET:
            field_dict["readonly"] = readonly

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.mysql_settings import MysqlSettings  # noqa: PLC0415
        from ..models.user_settings import UserSettings  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        _mysql_settings = d.pop("mysql_settings", UNSET)
        mysql_settings: MysqlSettings | Unset
        if isinstance(_mysql_settings, Unset):
            mysql_settings = UNSET
        else:
            mysql_settings = MysqlSettings.from_dict(_mysql_settings)

        _settings = d.pop("settings", UNSET)
        settings: UserSettings | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = UserSettings.from_dict(_settings)

        readonly = d.pop("readonly", UNSET)

        database_user_create = cls(
            name=name,
            mysql_settings=mysql_settings,
            settings=settings,
            readonly=readonly,
        )

        return database_user_create

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_role import UserRole
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.mysql_settings import MysqlSettings
    from ..models.user_settings import UserSettings


T = TypeVar("T", bound="DatabaseUser")


@_attrs_define
class DatabaseUser:
    """A database user as the API returns it."""

    name: str
    """ The name of the user. """
    role: UserRole | Unset = UNSET
    """ `primary` for the cluster's admin user (usually `doadmin`), `normal`
    for every other user. Read-only.
     """
    password: str | Unset = UNSET
    """ The randomly generated password. Present only when the token has
    the `database:view_credentials` scope.
     """
    access_cert: str | Unset = UNSET
    """ Kafka only. PEM client certificate for TLS client authentication. """
    access_key: str | Unset = UNSET
    """ Kafka only. PEM private key of `access_cert`. """
    mysql_settings: MysqlSettings | Unset = UNSET
    """ MySQL only. How the user authenticates. """
    settings: UserSettings | Unset = UNSET
    """ Engine-specific user settings. Each field applies to one engine. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

        password = self.password

        access_cert = self.access_cert

        access_key = self.access_key

        mysql_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mysql_settings, Unset):
            mysql_settings = self.mysql_settings.to_dict()

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if role is not UNSET:
            field_dict["role"] = role
        if password is not UNSET:
            field_dict["password"] = password
        if access_cert is not UNSET:
            field_dict["access_cert"] = access_cert
        if access_key is not UNSET:
            field_dict["access_key"] = access_key
        if mysql_settings is not UNSET:
            field_dict["mysql_settings"] = mysql_settings
        if settings is not UNSET:
            field_dict["settings"] = settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.mysql_settings import MysqlSettings  # noqa: PLC0415
        from ..models.user_settings import UserSettings  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        _role = d.pop("role", UNSET)
        role: UserRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = UserRole(_role)

        password = d.pop("password", UNSET)

        access_cert = d.pop("access_cert", UNSET)

        access_key = d.pop("access_key", UNSET)

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

        database_user = cls(
            name=name,
            role=role,
            password=password,
            access_cert=access_cert,
            access_key=access_key,
            mysql_settings=mysql_settings,
            settings=settings,
        )

        database_user.additional_properties = d
        return database_user

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mysql_auth_plugin import MysqlAuthPlugin

T = TypeVar("T", bound="MysqlSettings")


@_attrs_define
class MysqlSettings:
    """MySQL only. How the user authenticates."""

    auth_plugin: MysqlAuthPlugin
    """ The MySQL authentication plugin. When it is not chosen on create, the
    server's MySQL default applies (`caching_sha2_password` on MySQL 8).
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        auth_plugin = self.auth_plugin.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "auth_plugin": auth_plugin,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        auth_plugin = MysqlAuthPlugin(d.pop("auth_plugin"))

        mysql_settings = cls(
            auth_plugin=auth_plugin,
        )

        mysql_settings.additional_properties = d
        return mysql_settings

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

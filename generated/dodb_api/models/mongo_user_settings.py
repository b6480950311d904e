from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mongo_role import MongoRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="MongoUserSettings")


@_attrs_define
class MongoUserSettings:
    """MongoDB only. The databases the user may reach, and how."""

    databases: list[str] | Unset = UNSET
    """ Database names; `admin` means every database. """
    role: MongoRole | Unset = UNSET
    """ The MongoDB role the user has on its databases. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        databases: list[str] | Unset = UNSET
        if not isinstance(self.databases, Unset):
            databases = self.databases

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if databases is not UNSET:
            field_dict["databases"] = databases
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        databases = cast(list[str], d.pop("databases", UNSET))

        _role = d.pop("role", UNSET)
        role: MongoRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = MongoRole(_role)

        mongo_user_settings = cls(
            databases=databases,
            role=role,
        )

        mongo_user_settings.additional_properties = d
        return mongo_user_settings

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

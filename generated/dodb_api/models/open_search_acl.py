from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.open_search_acl_permission import OpenSearchAclPermission
from ..types import UNSET, Unset

T = TypeVar("T", bound="OpenSearchAcl")


@_attrs_define
class OpenSearchAcl:
    """OpenSearch only. One access rule on the indexes matching a pattern."""

    index: str | Unset = UNSET
    """ A regular expression for the index names, such as `index-logs-*`. """
    permission: OpenSearchAclPermission | Unset = UNSET
    """ What an OpenSearch user may do on the matching indexes. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        permission: str | Unset = UNSET
        if not isinstance(self.permission, Unset):
            permission = self.permission.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if index is not UNSET:
            field_dict["index"] = index
        if permission is not UNSET:
            field_dict["permission"] = permission

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        index = d.pop("index", UNSET)

        _permission = d.pop("permission", UNSET)
        permission: OpenSearchAclPermission | Unset
        if isinstance(_permission, Unset):
            permission = UNSET
        else:
            permission = OpenSearchAclPermission(_permission)

        open_search_acl = cls(
            index=index,
            permission=permission,
        )

        open_search_acl.additional_properties = d
        return open_search_acl

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

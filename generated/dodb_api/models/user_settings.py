from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.kafka_acl import KafkaAcl
    from ..models.mongo_user_settings import MongoUserSettings
    from ..models.open_search_acl import OpenSearchAcl


T = TypeVar("T", bound="UserSettings")


@_attrs_define
class UserSettings:
    """Engine-specific user settings. Each field applies to one engine."""

    pg_allow_replication: bool | Unset = UNSET
    """ PostgreSQL only. Whether the user may replicate; absent means `false`. """
    acl: list[KafkaAcl] | Unset = UNSET
    """ Kafka only. The topics the user may reach. """
    opensearch_acl: list[OpenSearchAcl] | Unset = UNSET
    """ OpenSearch only. The indexes the user may reach. """
    mongo_user_settings: MongoUserSettings | Unset = UNSET
    """ MongoDB only. The databases the user may reach, and how. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pg_allow_replication = self.pg_allow_replication

        acl: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.acl, Unset):
            acl = []
            for acl_item_data in self.acl:
                acl_item = acl_item_data.to_dict()
                acl.append(acl_item)

        opensearch_acl: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.opensearch_acl, Unset):
            opensearch_acl = []
            for opensearch_acl_item_data in self.opensearch_acl:
                opensearch_acl_item = opensearch_acl_item_data.to_dict()
                opensearch_acl.append(opensearch_acl_item)

        mongo_user_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mongo_user_settings, Unset):
            mongo_user_settings = self.mongo_user_settings.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pg_allow_replication is not UNSET:
            field_dict["pg_allow_replication"] = pg_allow_replication
        if acl is not UNSET:
            field_dict["acl"] = acl
        if opensearch_acl is not UNSET:
            field_dict["opensearch_acl"] = opensearch_acl
        if mongo_user_settings is not UNSET:
            field_dict["mongo_user_settings"] = mongo_user_settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kafka_acl import KafkaAcl  # noqa: PLC0415
        from ..models.mongo_user_settings import MongoUserSettings  # noqa: PLC0415
        from ..models.open_search_acl import OpenSearchAcl  # noqa: PLC0415

        d = dict(src_dict)
        pg_allow_replication = d.pop("pg_allow_replication", UNSET)

        _acl = d.pop("acl", UNSET)
        acl: list[KafkaAcl] | Unset = UNSET
        if _acl is not UNSET:
            acl = []
            for acl_item_data in _acl:
                acl_item = KafkaAcl.from_dict(acl_item_data)

                acl.append(acl_item)

        _opensearch_acl = d.pop("opensearch_acl", UNSET)
        opensearch_acl: list[OpenSearchAcl] | Unset = UNSET
        if _opensearch_acl is not UNSET:
            opensearch_acl = []
            for opensearch_acl_item_data in _opensearch_acl:
                opensearch_acl_item = OpenSearchAcl.from_dict(opensearch_acl_item_data)

                opensearch_acl.append(opensearch_acl_item)

        _mongo_user_settings = d.pop("mongo_user_settings", UNSET)
        mongo_user_settings: MongoUserSettings | Unset
        if isinstance(_mongo_user_settings, Unset):
            mongo_user_settings = UNSET
        else:
            mongo_user_settings = MongoUserSettings.from_dict(_mongo_user_settings)

        user_settings = cls(
            pg_allow_replication=pg_allow_replication,
            acl=acl,
            opensearch_acl=opensearch_acl,
            mongo_user_settings=mongo_user_settings,
        )

        user_settings.additional_properties = d
        return user_settings

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

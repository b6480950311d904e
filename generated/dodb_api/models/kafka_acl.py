from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.kafka_acl_permission import KafkaAclPermission
from ..types import UNSET, Unset

T = TypeVar("T", bound="KafkaAcl")


@_attrs_define
class KafkaAcl:
    """Kafka only. One access rule on the topics matching a pattern."""

    topic: str
    """ A regular expression for the topic names, such as `customer-events.*`. """
    permission: KafkaAclPermission
    """ What a Kafka user may do on the matching topics. """
    id: str | Unset = UNSET
    """ The rule's id, chosen by the server. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        topic = self.topic

        permission = self.permission.value

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "topic": topic,
                "permission": permission,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        topic = d.pop("topic")

        permission = KafkaAclPermission(d.pop("permission"))

        id = d.pop("id", UNSET)

        kafka_acl = cls(
            topic=topic,
            permission=permission,
            id=id,
        )

        kafka_acl.additional_properties = d
        return kafka_acl

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

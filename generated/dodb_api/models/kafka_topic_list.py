from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    NO_EXTRA,
    Prop,
    Schema,
    array,
    dump,
    load,
    model,
)

if TYPE_CHECKING:
    from ..models.kafka_topic import KafkaTopic


@_attrs_frozen
class KafkaTopicList:
    """A response that carries the topics of a cluster."""

    topics: tuple[KafkaTopic, ...]

    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.kafka_topic import KafkaTopic  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop("topics", "topics", array(model(KafkaTopic)), required=True),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> KafkaTopicList:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

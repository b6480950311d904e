from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    INTEGER,
    NO_EXTRA,
    STRING,
    Prop,
    Schema,
    dump,
    load,
)


@_attrs_frozen
class KafkaConsumerGroup:
    """A consumer group's position in a partition."""

    group_name: str | None = None
    """ The group's name. """
    offset: int | None = None
    """ The group's current offset. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("group_name", "group_name", STRING),
            Prop("offset", "offset", INTEGER),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> KafkaConsumerGroup:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

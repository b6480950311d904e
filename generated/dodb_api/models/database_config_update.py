from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import frozen as _attrs_frozen

from ..types import (
    ANY,
    Prop,
    Schema,
    dump,
    load,
)

if TYPE_CHECKING:
    pass


@_attrs_frozen
class DatabaseConfigUpdate:
    """The body of a request that changes advanced settings. Upstream leaves
    `config` optional; without it the request changes nothing, so it is
    required here."""

    config: Any

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop(
                "config",
                "config",
                ANY,
                required=True,
                extensions={"x-dodb-arg": "config"},
            ),
        )
        return Schema(props, extra=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseConfigUpdate:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

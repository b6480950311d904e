from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import frozen as _attrs_frozen

from ..types import (
    Prop,
    Schema,
    dump,
    load,
    text,
)


@_attrs_frozen
class LogicalDatabaseCreate:
    """The body of an add-database request."""

    name: str
    """ The name of the new database. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop(
                "name",
                "name",
                text(1),
                required=True,
                extensions={"x-dodb-arg": "name"},
            ),
        )
        return Schema(props, extra=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> LogicalDatabaseCreate:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

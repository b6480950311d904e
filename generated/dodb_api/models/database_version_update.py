from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import frozen as _attrs_frozen

from ..types import (
    STRING,
    Prop,
    Schema,
    dump,
    load,
)


@_attrs_frozen
class DatabaseVersionUpdate:
    """The body of a major-version upgrade (upstream's models/version.yml)."""

    version: str | None = None
    """ The major version to upgrade to. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop(
                "version",
                "version",
                STRING,
                extensions={
                    "x-dodb-option": {
                        "flag": "--engine-version",
                        "help": "the major version to upgrade to",
                        "name": "version",
                    }
                },
            ),
        )
        return Schema(props, extra=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseVersionUpdate:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

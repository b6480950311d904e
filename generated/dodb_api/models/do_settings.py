from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    NO_EXTRA,
    STRING,
    Prop,
    Schema,
    array,
    dump,
    load,
)


@_attrs_frozen
class DoSettings:
    """Settings DigitalOcean applies around the engine (upstream's
    models/do_settings.yml)."""

    service_cnames: tuple[str, ...] | None = None
    """ Up to 16 extra DNS names (RFC 1123 host names of at most 253
    characters) that the nodes' TLS certificate also names. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop(
                "service_cnames",
                "service_cnames",
                array(STRING),
                extensions={
                    "x-dodb-option": {
                        "flag": "--service-cname",
                        "help": "a DNS name the TLS certificate also names "
                        "(repeatable)",
                        "name": "service_cnames",
                    }
                },
            ),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DoSettings:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

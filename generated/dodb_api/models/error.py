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
    dump,
    load,
    text,
)


@_attrs_frozen
class Error:
    """The body of every error response (upstream's shared/models/error.yml)."""

    id: str
    """ A short code for the kind of error, such as `unauthorized`,
    `not_found`, `too_many_requests`, `server_error` or
    `unprocessable_entity`. """
    message: str
    """ A human-readable explanation. """
    request_id: str | None = None
    """ The id of the request, to quote to support. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("id", "id", text(1), required=True),
            Prop("message", "message", text(1), required=True),
            Prop("request_id", "request_id", STRING),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any], *, strict: bool = False) -> Error:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    NO_EXTRA,
    Prop,
    Schema,
    dump,
    load,
    model,
)

if TYPE_CHECKING:
    from ..models.logsink import Logsink


@_attrs_frozen
class LogsinkEnvelope:
    """A response that carries one sink."""

    sink: Logsink
    """ A log sink as the API returns it (upstream's
    models/logsink_verbose.yml). Upstream's read model leaves `datadog` out
    of `sink_type`; a Datadog sink reads back as one, so this document uses
    the same four types as for creating. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.logsink import Logsink  # noqa: PLC0415

        props: tuple[Prop, ...] = (Prop("sink", "sink", model(Logsink), required=True),)
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> LogsinkEnvelope:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

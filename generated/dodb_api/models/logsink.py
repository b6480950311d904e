from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.logsink_type import LogsinkType
from ..types import (
    ANY,
    NO_EXTRA,
    Prop,
    Schema,
    dump,
    enum,
    load,
    text,
)

if TYPE_CHECKING:
    pass


@_attrs_frozen
class Logsink:
    """A log sink as the API returns it (upstream's
    models/logsink_verbose.yml). Upstream's read model leaves `datadog` out
    of `sink_type`; a Datadog sink reads back as one, so this document uses
    the same four types as for creating."""

    sink_id: str
    """ The sink's id. """
    sink_name: str
    """ The sink's name. """
    sink_type: LogsinkType
    """ Where a sink sends logs: a syslog server (`rsyslog`; for Datadog from
    clusters other than MongoDB too), Elasticsearch, OpenSearch, or Datadog
    (`datadog`, MongoDB clusters only). """
    config: Any

    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("sink_id", "sink_id", text(1), required=True),
            Prop("sink_name", "sink_name", text(1), required=True),
            Prop("sink_type", "sink_type", enum(LogsinkType), required=True),
            Prop("config", "config", ANY, required=True),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any], *, strict: bool = False) -> Logsink:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

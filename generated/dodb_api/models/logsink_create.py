from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import frozen as _attrs_frozen

from ..models.logsink_type import LogsinkType
from ..types import (
    ANY,
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
class LogsinkCreate:
    """The body of a create-sink request (upstream's models/logsink_create.yml)."""

    sink_name: str
    """ The sink's name. """
    sink_type: LogsinkType
    """ Where a sink sends logs: a syslog server (`rsyslog`; for Datadog from
    clusters other than MongoDB too), Elasticsearch, OpenSearch, or Datadog
    (`datadog`, MongoDB clusters only). """
    config: Any

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop(
                "sink_name",
                "sink_name",
                text(1),
                required=True,
                extensions={"x-dodb-arg": "name"},
            ),
            Prop(
                "sink_type",
                "sink_type",
                enum(LogsinkType),
                required=True,
                extensions={"x-dodb-arg": "sink_type"},
            ),
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
    ) -> LogsinkCreate:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    NO_EXTRA,
    SECRET,
    Prop,
    Schema,
    Secret,
    dump,
    load,
    text,
)


@_attrs_frozen
class DatadogLogsinkConfig:
    """Where a `datadog` sink sends logs; MongoDB clusters only (upstream's
    models/logsink/datadog_logsink.yml)."""

    site: str
    """ The Datadog intake host. """
    datadog_api_key: Secret
    """ The Datadog API key; a secret. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("site", "site", text(1), required=True),
            Prop("datadog_api_key", "datadog_api_key", SECRET, required=True),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatadogLogsinkConfig:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

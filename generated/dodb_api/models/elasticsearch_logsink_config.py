from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    INTEGER,
    NO_EXTRA,
    NUMBER,
    SECRET,
    STRING,
    Prop,
    Schema,
    Secret,
    dump,
    load,
    text,
)


@_attrs_frozen
class ElasticsearchLogsinkConfig:
    """Where an `elasticsearch` sink sends logs (upstream's
    models/logsink/elasticsearch_logsink.yml)."""

    url: Secret
    """ The Elasticsearch address, with its user and password in it; a secret. """
    index_prefix: str
    """ The prefix of the indexes the logs go to. """
    index_days_max: int | None = None
    """ How many days of logs to keep. """
    timeout: float | None = None
    """ The request timeout, in seconds. """
    ca: str | None = None
    """ The PEM certificate of the CA that signed the Elasticsearch server's
    certificate. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("url", "url", SECRET, required=True),
            Prop("index_prefix", "index_prefix", text(1), required=True),
            Prop("index_days_max", "index_days_max", INTEGER),
            Prop("timeout", "timeout", NUMBER),
            Prop("ca", "ca", STRING),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> ElasticsearchLogsinkConfig:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

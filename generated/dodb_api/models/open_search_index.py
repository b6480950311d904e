from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.open_search_index_health import OpenSearchIndexHealth
from ..models.open_search_index_status import OpenSearchIndexStatus
from ..types import (
    INTEGER,
    NO_EXTRA,
    STRING,
    Prop,
    Schema,
    dump,
    enum,
    load,
)


@_attrs_frozen
class OpenSearchIndex:
    """An index of an OpenSearch cluster (upstream's models/opensearch_index.yml)."""

    index_name: str | None = None
    """ The index's name. """
    number_of_shards: int | None = None
    """ How many primary shards the index has. """
    number_of_replicas: int | None = None
    """ How many replicas each shard has. """
    size: int | None = None
    """ The index's size. """
    created_time: str | None = None
    """ When the index was created (ISO 8601). """
    status: OpenSearchIndexStatus | None = None
    """ Whether the index is open, closed, or neither. """
    health: OpenSearchIndexHealth | None = None
    """ The index's health: `green`, `yellow` (replicas missing), `red` (shards
    missing); `red*` as OpenSearch reports it. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("index_name", "index_name", STRING),
            Prop("number_of_shards", "number_of_shards", INTEGER),
            Prop("number_of_replicas", "number_of_replicas", INTEGER),
            Prop("size", "size", INTEGER),
            Prop("created_time", "created_time", STRING),
            Prop("status", "status", enum(OpenSearchIndexStatus)),
            Prop("health", "health", enum(OpenSearchIndexHealth)),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> OpenSearchIndex:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

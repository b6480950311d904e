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
    from ..models.database_engine_options import DatabaseEngineOptions


@_attrs_frozen
class DatabaseOptionsByEngine:
    """The choices for a new cluster of each engine."""

    kafka: DatabaseEngineOptions | None = None
    """ The regions, versions and layouts of one engine. Upstream writes it as
    the `allOf` of three models (regions, versions, layouts); this is their
    union. """
    mongodb: DatabaseEngineOptions | None = None
    """ The regions, versions and layouts of one engine. Upstream writes it as
    the `allOf` of three models (regions, versions, layouts); this is their
    union. """
    pg: DatabaseEngineOptions | None = None
    """ The regions, versions and layouts of one engine. Upstream writes it as
    the `allOf` of three models (regions, versions, layouts); this is their
    union. """
    mysql: DatabaseEngineOptions | None = None
    """ The regions, versions and layouts of one engine. Upstream writes it as
    the `allOf` of three models (regions, versions, layouts); this is their
    union. """
    redis: DatabaseEngineOptions | None = None
    """ The regions, versions and layouts of one engine. Upstream writes it as
    the `allOf` of three models (regions, versions, layouts); this is their
    union. """
    valkey: DatabaseEngineOptions | None = None
    """ The regions, versions and layouts of one engine. Upstream writes it as
    the `allOf` of three models (regions, versions, layouts); this is their
    union. """
    opensearch: DatabaseEngineOptions | None = None
    """ The regions, versions and layouts of one engine. Upstream writes it as
    the `allOf` of three models (regions, versions, layouts); this is their
    union. """
    advanced_pg: DatabaseEngineOptions | None = None
    """ The regions, versions and layouts of one engine. Upstream writes it as
    the `allOf` of three models (regions, versions, layouts); this is their
    union. """
    advanced_mysql: DatabaseEngineOptions | None = None
    """ The regions, versions and layouts of one engine. Upstream writes it as
    the `allOf` of three models (regions, versions, layouts); this is their
    union. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.database_engine_options import DatabaseEngineOptions  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop("kafka", "kafka", model(DatabaseEngineOptions)),
            Prop("mongodb", "mongodb", model(DatabaseEngineOptions)),
            Prop("pg", "pg", model(DatabaseEngineOptions)),
            Prop("mysql", "mysql", model(DatabaseEngineOptions)),
            Prop("redis", "redis", model(DatabaseEngineOptions)),
            Prop("valkey", "valkey", model(DatabaseEngineOptions)),
            Prop("opensearch", "opensearch", model(DatabaseEngineOptions)),
            Prop("advanced_pg", "advanced_pg", model(DatabaseEngineOptions)),
            Prop("advanced_mysql", "advanced_mysql", model(DatabaseEngineOptions)),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseOptionsByEngine:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

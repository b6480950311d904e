from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    NO_EXTRA,
    Prop,
    Schema,
    array,
    dump,
    load,
    model,
)

if TYPE_CHECKING:
    from ..models.database_version_availability import DatabaseVersionAvailability


@_attrs_frozen
class DatabaseVersionAvailabilityByEngine:
    """The support dates of each engine's versions."""

    kafka: tuple[DatabaseVersionAvailability, ...] | None = None

    pg: tuple[DatabaseVersionAvailability, ...] | None = None

    mysql: tuple[DatabaseVersionAvailability, ...] | None = None

    redis: tuple[DatabaseVersionAvailability, ...] | None = None

    valkey: tuple[DatabaseVersionAvailability, ...] | None = None

    mongodb: tuple[DatabaseVersionAvailability, ...] | None = None

    opensearch: tuple[DatabaseVersionAvailability, ...] | None = None

    advanced_pg: tuple[DatabaseVersionAvailability, ...] | None = None

    advanced_mysql: tuple[DatabaseVersionAvailability, ...] | None = None

    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.database_version_availability import DatabaseVersionAvailability  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop("kafka", "kafka", array(model(DatabaseVersionAvailability))),
            Prop("pg", "pg", array(model(DatabaseVersionAvailability))),
            Prop("mysql", "mysql", array(model(DatabaseVersionAvailability))),
            Prop("redis", "redis", array(model(DatabaseVersionAvailability))),
            Prop("valkey", "valkey", array(model(DatabaseVersionAvailability))),
            Prop("mongodb", "mongodb", array(model(DatabaseVersionAvailability))),
            Prop("opensearch", "opensearch", array(model(DatabaseVersionAvailability))),
            Prop(
                "advanced_pg", "advanced_pg", array(model(DatabaseVersionAvailability))
            ),
            Prop(
                "advanced_mysql",
                "advanced_mysql",
                array(model(DatabaseVersionAvailability)),
            ),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseVersionAvailabilityByEngine:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

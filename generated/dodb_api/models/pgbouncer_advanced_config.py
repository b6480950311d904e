from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.pgbouncer_pool_mode import PgbouncerPoolMode
from ..models.pgbouncer_startup_parameter import PgbouncerStartupParameter
from ..types import (
    BOOLEAN,
    INTEGER,
    NO_EXTRA,
    Prop,
    Schema,
    array,
    dump,
    enum,
    load,
)


@_attrs_frozen
class PgbouncerAdvancedConfig:
    """PgBouncer's settings (upstream's
    models/advanced_config/pgbouncer_advanced_config.yml)."""

    server_reset_query_always: bool | None = None
    """ Whether the reset query (`DISCARD ALL`) runs in every pooling mode. """
    ignore_startup_parameters: tuple[PgbouncerStartupParameter, ...] | None = None
    """ Startup-packet parameters PgBouncer ignores. """
    min_pool_size: int | None = None
    """ Keep at least this many server connections, so that load returning after
    a quiet time is served at once; capped by the pool size. """
    server_lifetime: int | None = None
    """ Seconds after which an unused server connection is closed. """
    server_idle_timeout: int | None = None
    """ Seconds an idle server connection stays open; 0 means forever. """
    autodb_pool_size: int | None = None
    """ When not 0, a pool of this size is made for each user that has none. """
    autodb_pool_mode: PgbouncerPoolMode | None = None
    """ A PgBouncer pooling mode. """
    autodb_max_db_connections: int | None = None
    """ The most server connections per database, whatever the user; 0 means no limit. """
    autodb_idle_timeout: int | None = None
    """ Seconds an unused automatic pool is kept; 0 means forever. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("server_reset_query_always", "server_reset_query_always", BOOLEAN),
            Prop(
                "ignore_startup_parameters",
                "ignore_startup_parameters",
                array(enum(PgbouncerStartupParameter)),
            ),
            Prop("min_pool_size", "min_pool_size", INTEGER),
            Prop("server_lifetime", "server_lifetime", INTEGER),
            Prop("server_idle_timeout", "server_idle_timeout", INTEGER),
            Prop("autodb_pool_size", "autodb_pool_size", INTEGER),
            Prop("autodb_pool_mode", "autodb_pool_mode", enum(PgbouncerPoolMode)),
            Prop("autodb_max_db_connections", "autodb_max_db_connections", INTEGER),
            Prop("autodb_idle_timeout", "autodb_idle_timeout", INTEGER),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> PgbouncerAdvancedConfig:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.redis_acl_channels_default import RedisAclChannelsDefault
from ..models.redis_maxmemory_policy import RedisMaxmemoryPolicy
from ..models.redis_persistence import RedisPersistence
from ..types import (
    BOOLEAN,
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
class RedisAdvancedConfig:
    """Caching's (Redis's) advanced settings (upstream's
    models/advanced_config/redis_advanced_config.yml)."""

    redis_maxmemory_policy: RedisMaxmemoryPolicy | None = None
    """ What Caching evicts when its memory is full. """
    redis_pubsub_client_output_buffer_limit: int | None = None
    """ The hard output buffer limit of pub/sub clients, in MB; the soft limit
    is a quarter of it. """
    redis_number_of_databases: int | None = None
    """ How many databases; changing it restarts the service. """
    redis_io_threads: int | None = None
    """ How many I/O threads. """
    redis_lfu_log_factor: int | None = None
    """ The logarithm factor of the LFU counters of the `*-lfu` policies. """
    redis_lfu_decay_time: int | None = None
    """ Minutes after which an LFU counter decays. """
    redis_ssl: bool | None = None
    """ Whether only TLS connections are accepted (port 25061); when off, port
    25060 also takes plain connections. """
    redis_timeout: int | None = None
    """ Seconds an idle connection stays open. """
    redis_notify_keyspace_events: str | None = None
    """ The keyspace event classes to publish, as Redis's letters (`K`, `E`,
    `g`, `$`, `l`, `s`, `h`, `z`, `x`, `e`, `A`...); at least `K` or `E`, or
    empty for none. """
    redis_persistence: RedisPersistence | None = None
    """ Whether Caching saves snapshots. """
    redis_acl_channels_default: RedisAclChannelsDefault | None = None
    """ The pub/sub channels a new user may use by default. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop(
                "redis_maxmemory_policy",
                "redis_maxmemory_policy",
                enum(RedisMaxmemoryPolicy),
            ),
            Prop(
                "redis_pubsub_client_output_buffer_limit",
                "redis_pubsub_client_output_buffer_limit",
                INTEGER,
            ),
            Prop("redis_number_of_databases", "redis_number_of_databases", INTEGER),
            Prop("redis_io_threads", "redis_io_threads", INTEGER),
            Prop("redis_lfu_log_factor", "redis_lfu_log_factor", INTEGER),
            Prop("redis_lfu_decay_time", "redis_lfu_decay_time", INTEGER),
            Prop("redis_ssl", "redis_ssl", BOOLEAN),
            Prop("redis_timeout", "redis_timeout", INTEGER),
            Prop(
                "redis_notify_keyspace_events", "redis_notify_keyspace_events", STRING
            ),
            Prop("redis_persistence", "redis_persistence", enum(RedisPersistence)),
            Prop(
                "redis_acl_channels_default",
                "redis_acl_channels_default",
                enum(RedisAclChannelsDefault),
            ),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> RedisAdvancedConfig:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.eviction_policy import EvictionPolicy
from ..models.valkey_acl_channels_default import ValkeyAclChannelsDefault
from ..models.valkey_persistence import ValkeyPersistence
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
class ValkeyAdvancedConfig:
    """Valkey's advanced settings (upstream's
    models/advanced_config/valkey_advanced_config.yml)."""

    valkey_maxmemory_policy: EvictionPolicy | None = None
    """ What a Caching or Valkey cluster evicts when its memory is full: nothing
    (`noeviction`: writes fail), any key (`allkeys_*`) or only keys with an
    expiry (`volatile_*`), least recently used first, at random, or
    (`volatile_ttl`) the shortest time to live first (upstream's
    models/eviction_policy_model.yml). """
    valkey_pubsub_client_output_buffer_limit: int | None = None
    """ The hard output buffer limit of pub/sub clients, in MB; the soft limit
    is a quarter of it. """
    valkey_number_of_databases: int | None = None
    """ How many databases; changing it restarts the service. """
    valkey_io_threads: int | None = None
    """ How many I/O threads. """
    valkey_lfu_log_factor: int | None = None
    """ The logarithm factor of the LFU counters of the `*-lfu` policies. """
    valkey_lfu_decay_time: int | None = None
    """ Minutes after which an LFU counter decays. """
    valkey_ssl: bool | None = None
    """ Whether only TLS connections are accepted. """
    valkey_timeout: int | None = None
    """ Seconds an idle connection stays open. """
    valkey_notify_keyspace_events: str | None = None
    """ The keyspace event classes to publish, as Valkey's letters (`K`, `E`,
    `g`, `$`, `l`, `s`, `h`, `z`, `x`, `e`, `A`...); at least `K` or `E`, or
    empty for none. """
    valkey_persistence: ValkeyPersistence | None = None
    """ Whether Valkey saves snapshots. """
    valkey_acl_channels_default: ValkeyAclChannelsDefault | None = None
    """ The pub/sub channels a new user may use by default. """
    frequent_snapshots: bool | None = None
    """ Whether local snapshots are taken often, not only for scheduled backups;
    ignored when persistence is off. """
    valkey_active_expire_effort: int | None = None
    """ How hard the background sweep reclaims expired keys, 1 to 10: more
    effort frees memory sooner for more CPU and latency. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop(
                "valkey_maxmemory_policy",
                "valkey_maxmemory_policy",
                enum(EvictionPolicy),
            ),
            Prop(
                "valkey_pubsub_client_output_buffer_limit",
                "valkey_pubsub_client_output_buffer_limit",
                INTEGER,
            ),
            Prop("valkey_number_of_databases", "valkey_number_of_databases", INTEGER),
            Prop("valkey_io_threads", "valkey_io_threads", INTEGER),
            Prop("valkey_lfu_log_factor", "valkey_lfu_log_factor", INTEGER),
            Prop("valkey_lfu_decay_time", "valkey_lfu_decay_time", INTEGER),
            Prop("valkey_ssl", "valkey_ssl", BOOLEAN),
            Prop("valkey_timeout", "valkey_timeout", INTEGER),
            Prop(
                "valkey_notify_keyspace_events", "valkey_notify_keyspace_events", STRING
            ),
            Prop("valkey_persistence", "valkey_persistence", enum(ValkeyPersistence)),
            Prop(
                "valkey_acl_channels_default",
                "valkey_acl_channels_default",
                enum(ValkeyAclChannelsDefault),
            ),
            Prop("frequent_snapshots", "frequent_snapshots", BOOLEAN),
            Prop("valkey_active_expire_effort", "valkey_active_expire_effort", INTEGER),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> ValkeyAdvancedConfig:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

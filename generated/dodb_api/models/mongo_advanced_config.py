from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.mongo_read_concern import MongoReadConcern
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
class MongoAdvancedConfig:
    """MongoDB's advanced settings (upstream's
    models/advanced_config/mongo_advanced_config.yml)."""

    default_read_concern: MongoReadConcern | None = None
    """ The consistency of reads. """
    default_write_concern: str | None = None
    """ Which nodes must acknowledge a write: `majority`, or a number of nodes
    (`0` asks for no acknowledgement). """
    transaction_lifetime_limit_seconds: int | None = None
    """ Seconds a multi-document transaction may live before it is aborted;
    changing it restarts MongoDB. """
    slow_op_threshold_ms: int | None = None
    """ Milliseconds after which an operation counts as slow and is logged;
    changing it restarts MongoDB. """
    verbosity: int | None = None
    """ Log verbosity: 0 information only, 1 to 5 more and more debug messages;
    changing it restarts MongoDB. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop(
                "default_read_concern", "default_read_concern", enum(MongoReadConcern)
            ),
            Prop("default_write_concern", "default_write_concern", STRING),
            Prop(
                "transaction_lifetime_limit_seconds",
                "transaction_lifetime_limit_seconds",
                INTEGER,
            ),
            Prop("slow_op_threshold_ms", "slow_op_threshold_ms", INTEGER),
            Prop("verbosity", "verbosity", INTEGER),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> MongoAdvancedConfig:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

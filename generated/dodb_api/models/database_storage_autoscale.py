from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    BOOLEAN,
    INTEGER,
    NO_EXTRA,
    Prop,
    Schema,
    dump,
    load,
)


@_attrs_frozen
class DatabaseStorageAutoscale:
    """Storage autoscaling (upstream's models/database_storage_autoscale_params.yml)."""

    enabled: bool
    """ Whether storage grows by itself. """
    threshold_percent: int | None = None
    """ The usage, in percent of the storage, at which storage grows. """
    increment_gib: int | None = None
    """ How much storage is added each time, in GiB. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop(
                "enabled",
                "enabled",
                BOOLEAN,
                required=True,
                extensions={
                    "x-dodb-option": {
                        "flag": "--autoscale-storage",
                        "help": "grow storage by itself (or, with --no-..., not)",
                        "name": "autoscale_storage",
                    }
                },
            ),
            Prop(
                "threshold_percent",
                "threshold_percent",
                INTEGER,
                extensions={
                    "x-dodb-option": {
                        "flag": "--autoscale-threshold-percent",
                        "help": "grow storage past this usage, in percent (15 to 95)",
                        "name": "autoscale_threshold_percent",
                    }
                },
            ),
            Prop(
                "increment_gib",
                "increment_gib",
                INTEGER,
                extensions={
                    "x-dodb-option": {
                        "flag": "--autoscale-increment-gib",
                        "help": "how much storage to add each time, in GiB (10 to 500)",
                        "name": "autoscale_increment_gib",
                    }
                },
            ),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseStorageAutoscale:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

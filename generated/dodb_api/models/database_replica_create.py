from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import frozen as _attrs_frozen

from ..types import (
    INTEGER,
    STRING,
    Prop,
    Schema,
    array,
    dump,
    load,
    model,
    text,
)

if TYPE_CHECKING:
    from ..models.do_settings import DoSettings


@_attrs_frozen
class DatabaseReplicaCreate:
    """The body of a create-replica request. Upstream's body is its replica
    model, read-only fields included; this one has only what a caller can
    choose."""

    name: str
    """ The new replica's name. """
    size: str
    """ The size slug of the replica's node, at least the cluster's node size. """
    region: str | None = None
    """ The slug of the region; left out, the cluster's region. """
    tags: tuple[str, ...] | None = None
    """ Tags to put on the replica, new or existing. Needs the `tag:create` scope. """
    private_network_uuid: str | None = None
    """ The VPC to place the replica in; left out, the region's default VPC.
    Needs the `vpc:read` scope. """
    storage_size_mib: int | None = None
    """ Storage to add on top of what the size includes, in MiB. """
    do_settings: DoSettings | None = None
    """ Settings DigitalOcean applies around the engine (upstream's
    models/do_settings.yml). """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.do_settings import DoSettings  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop(
                "name",
                "name",
                text(1),
                required=True,
                extensions={"x-dodb-arg": "name"},
            ),
            Prop(
                "size",
                "size",
                text(1),
                required=True,
                extensions={
                    "x-dodb-option": {
                        "flag": "--size",
                        "help": "the size slug of the node (at least the cluster's)",
                        "name": "size",
                    }
                },
            ),
            Prop(
                "region",
                "region",
                STRING,
                extensions={
                    "x-dodb-option": {
                        "flag": "--region",
                        "help": "the region's slug (default the cluster's)",
                        "name": "region",
                    }
                },
            ),
            Prop(
                "tags",
                "tags",
                array(STRING),
                extensions={
                    "x-dodb-option": {
                        "flag": "--tag",
                        "help": "a tag to put on the replica (repeatable)",
                        "name": "tags",
                    }
                },
            ),
            Prop(
                "private_network_uuid",
                "private_network_uuid",
                STRING,
                extensions={
                    "x-dodb-option": {
                        "flag": "--private-network-uuid",
                        "help": "the VPC (default the region's default VPC)",
                        "name": "private_network_uuid",
                    }
                },
            ),
            Prop(
                "storage_size_mib",
                "storage_size_mib",
                INTEGER,
                extensions={
                    "x-dodb-option": {
                        "flag": "--storage-size-mib",
                        "help": "storage to add beyond the size's own, in MiB",
                        "name": "storage_size_mib",
                    }
                },
            ),
            Prop("do_settings", "do_settings", model(DoSettings)),
        )
        return Schema(props, extra=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseReplicaCreate:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

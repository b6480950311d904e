from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import frozen as _attrs_frozen

from ..types import (
    INTEGER,
    Prop,
    Schema,
    dump,
    load,
    text,
)


@_attrs_frozen
class DatabaseClusterResize:
    """The body of a resize request (upstream's models/database_cluster_resize.yml)."""

    size: str
    """ The new size slug of the nodes. """
    num_nodes: int
    """ The new node count, 1 to 3 (a primary and up to two standbys). """
    storage_size_mib: int | None = None
    """ The storage added on top of what the size includes, in MiB. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop(
                "size",
                "size",
                text(1),
                required=True,
                extensions={
                    "x-dodb-option": {
                        "flag": "--size",
                        "help": "the new size slug of the nodes",
                        "name": "size",
                    }
                },
            ),
            Prop(
                "num_nodes",
                "num_nodes",
                INTEGER,
                required=True,
                extensions={
                    "x-dodb-option": {
                        "flag": "--num-nodes",
                        "help": "the new node count",
                        "name": "num_nodes",
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
        )
        return Schema(props, extra=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseClusterResize:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import frozen as _attrs_frozen

from ..models.database_engine import DatabaseEngine
from ..types import (
    INTEGER,
    STRING,
    Prop,
    Schema,
    array,
    dump,
    enum,
    load,
    model,
    text,
)

if TYPE_CHECKING:
    from ..models.database_autoscale import DatabaseAutoscale
    from ..models.database_backup_restore import DatabaseBackupRestore
    from ..models.do_settings import DoSettings
    from ..models.firewall_rule import FirewallRule


@_attrs_frozen
class DatabaseClusterCreate:
    """The body of a create-cluster request. Upstream's body is its cluster
    model, read-only fields included, plus `backup_restore`; this one has
    only what a caller can choose."""

    name: str
    """ The new cluster's name, unique in the account. """
    engine: DatabaseEngine
    """ The engine: `pg` PostgreSQL, `mysql` MySQL, `redis` Caching, `valkey`
    Valkey, `mongodb` MongoDB, `kafka` Kafka, `opensearch` OpenSearch,
    `advanced_pg` and `advanced_mysql` the Advanced Editions (upstream's
    models/database_cluster.yml). """
    num_nodes: int
    """ How many nodes (the primary and its standbys). """
    size: str
    """ The size slug of the nodes. """
    region: str
    """ The slug of the region. """
    version: str | None = None
    """ The engine's major version; left out, the engine's default. """
    private_network_uuid: str | None = None
    """ The VPC to place the cluster in; left out, the region's default VPC.
    Needs the `vpc:read` scope. """
    tags: tuple[str, ...] | None = None
    """ Tags to put on the cluster. Needs the `tag:create` scope. """
    project_id: str | None = None
    """ The project to put the cluster in; left out, the default project.
    Needs the `project:assign_resource` scope. """
    rules: tuple[FirewallRule, ...] | None = None
    """ The trusted sources to start with. """
    storage_size_mib: int | None = None
    """ Storage to add on top of what the size includes, in MiB. """
    autoscale: DatabaseAutoscale | None = None
    """ How a cluster grows by itself (upstream's
    models/database_autoscale_params.yml); absent when not set up. """
    do_settings: DoSettings | None = None
    """ Settings DigitalOcean applies around the engine (upstream's
    models/do_settings.yml). """
    backup_restore: DatabaseBackupRestore | None = None
    """ Which backup a new cluster starts from (upstream's
    models/database_backup.yml). """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.database_autoscale import DatabaseAutoscale  # noqa: PLC0415
        from ..models.database_backup_restore import DatabaseBackupRestore  # noqa: PLC0415
        from ..models.do_settings import DoSettings  # noqa: PLC0415
        from ..models.firewall_rule import FirewallRule  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop(
                "name",
                "name",
                text(1),
                required=True,
                extensions={"x-dodb-arg": "name"},
            ),
            Prop(
                "engine",
                "engine",
                enum(DatabaseEngine),
                required=True,
                extensions={
                    "x-dodb-option": {
                        "flag": "--engine",
                        "help": "the engine (pg, mysql, valkey, mongodb, kafka, "
                        "opensearch, ...)",
                        "name": "engine",
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
                        "help": "how many nodes",
                        "name": "num_nodes",
                    }
                },
            ),
            Prop(
                "size",
                "size",
                text(1),
                required=True,
                extensions={
                    "x-dodb-option": {
                        "flag": "--size",
                        "help": "the size slug of the nodes",
                        "name": "size",
                    }
                },
            ),
            Prop(
                "region",
                "region",
                text(1),
                required=True,
                extensions={
                    "x-dodb-option": {
                        "flag": "--region",
                        "help": "the region's slug",
                        "name": "region",
                    }
                },
            ),
            Prop(
                "version",
                "version",
                STRING,
                extensions={
                    "x-dodb-option": {
                        "flag": "--engine-version",
                        "help": "the engine's major version (default the newest)",
                        "name": "version",
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
                "tags",
                "tags",
                array(STRING),
                extensions={
                    "x-dodb-option": {
                        "flag": "--tag",
                        "help": "a tag to put on the cluster (repeatable)",
                        "name": "tags",
                    }
                },
            ),
            Prop(
                "project_id",
                "project_id",
                STRING,
                extensions={
                    "x-dodb-option": {
                        "flag": "--project-id",
                        "help": "the project (default the default project)",
                        "name": "project_id",
                    }
                },
            ),
            Prop(
                "rules",
                "rules",
                array(model(FirewallRule)),
                extensions={
                    "x-dodb-option": {
                        "flag": "--rule",
                        "help": "a trusted source as a TYPE and a VALUE (repeatable)",
                        "name": "rules",
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
            Prop("autoscale", "autoscale", model(DatabaseAutoscale)),
            Prop("do_settings", "do_settings", model(DoSettings)),
            Prop("backup_restore", "backup_restore", model(DatabaseBackupRestore)),
        )
        return Schema(props, extra=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseClusterCreate:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

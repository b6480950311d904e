from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.database_cluster_status import DatabaseClusterStatus
from ..models.database_engine import DatabaseEngine
from ..types import (
    INTEGER,
    NO_EXTRA,
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
    from ..models.database_connection import DatabaseConnection
    from ..models.database_maintenance_window import DatabaseMaintenanceWindow
    from ..models.database_service_endpoint import DatabaseServiceEndpoint
    from ..models.database_user import DatabaseUser
    from ..models.do_settings import DoSettings
    from ..models.firewall_rule import FirewallRule
    from ..models.open_search_dashboard_connection import OpenSearchDashboardConnection
    from ..models.schema_registry_connection import SchemaRegistryConnection


@_attrs_frozen
class DatabaseCluster:
    """A database cluster as the API returns it (upstream's
    models/database_cluster_read.yml): its engine, size and place, its
    state, and how to connect to it."""

    id: str
    """ The cluster's id (a UUID on the real API). Upstream does not list
    it as required; the API always sends it, and clients need it. """
    name: str
    """ The cluster's unique, human-readable name. """
    engine: DatabaseEngine
    """ The engine: `pg` PostgreSQL, `mysql` MySQL, `redis` Caching, `valkey`
    Valkey, `mongodb` MongoDB, `kafka` Kafka, `opensearch` OpenSearch,
    `advanced_pg` and `advanced_mysql` the Advanced Editions (upstream's
    models/database_cluster.yml). """
    num_nodes: int
    """ How many nodes the cluster has (the primary and its standbys). """
    size: str
    """ The size slug of the cluster's nodes. """
    region: str
    """ The slug of the region the cluster runs in. """
    version: str | None = None
    """ The engine's major version. """
    semantic_version: str | None = None
    """ The engine's full version, such as `8.0.28`. """
    status: DatabaseClusterStatus | None = None
    """ The cluster's state; users can be managed once it is `online`. """
    created_at: str | None = None
    """ When the cluster was created (ISO 8601). """
    private_network_uuid: str | None = None
    """ The VPC the cluster is in. Reading it needs the `vpc:read` scope. """
    tags: tuple[str, ...] | None = None
    """ The tags on the cluster. Reading them needs the `tag:read` scope. """
    db_names: tuple[str, ...] | None = None
    """ The names of the logical databases inside the cluster. """
    ui_connection: OpenSearchDashboardConnection | None = None
    """ OpenSearch only. How to reach the cluster's dashboard (upstream's
    models/opensearch_connection.yml). """
    schema_registry_connection: SchemaRegistryConnection | None = None
    """ Kafka only. How to reach the cluster's schema registry (upstream's
    models/schema_registry_connection.yml). """
    connection: DatabaseConnection | None = None
    """ How to reach the cluster as its default user (upstream's
    models/database_connection.yml). `uri` is in the form the engine's
    own clients accept; the other fields are its parts. """
    private_connection: DatabaseConnection | None = None
    """ How to reach the cluster as its default user (upstream's
    models/database_connection.yml). `uri` is in the form the engine's
    own clients accept; the other fields are its parts. """
    standby_connection: DatabaseConnection | None = None
    """ How to reach the cluster as its default user (upstream's
    models/database_connection.yml). `uri` is in the form the engine's
    own clients accept; the other fields are its parts. """
    standby_private_connection: DatabaseConnection | None = None
    """ How to reach the cluster as its default user (upstream's
    models/database_connection.yml). `uri` is in the form the engine's
    own clients accept; the other fields are its parts. """
    users: tuple[DatabaseUser, ...] | None = None
    """ The cluster's users, as the user operations return them. """
    maintenance_window: DatabaseMaintenanceWindow | None = None
    """ The weekly slot for automatic maintenance, and what is pending
    (upstream's models/database_maintenance_window.yml). Sent as the body of
    a maintenance-window update, where only `day` and `hour` count. """
    project_id: str | None = None
    """ The project the cluster belongs to. Reading it needs the
    `project:read` scope. """
    rules: tuple[FirewallRule, ...] | None = None
    """ The cluster's trusted sources. """
    version_end_of_life: str | None = None
    """ When the cluster's engine version stops being supported; absent
    when no date is set. """
    version_end_of_availability: str | None = None
    """ After this date no new cluster can be made with the cluster's
    engine version; absent when no date is set. """
    storage_size_mib: int | None = None
    """ Storage added on top of what the size includes, in MiB; absent
    when none was added. """
    metrics_endpoints: tuple[DatabaseServiceEndpoint, ...] | None = None
    """ Where the cluster's metrics can be scraped: one endpoint for the
    primary node and one for the standby nodes. """
    do_settings: DoSettings | None = None
    """ Settings DigitalOcean applies around the engine (upstream's
    models/do_settings.yml). """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.database_connection import DatabaseConnection  # noqa: PLC0415
        from ..models.database_maintenance_window import DatabaseMaintenanceWindow  # noqa: PLC0415
        from ..models.database_service_endpoint import DatabaseServiceEndpoint  # noqa: PLC0415
        from ..models.database_user import DatabaseUser  # noqa: PLC0415
        from ..models.do_settings import DoSettings  # noqa: PLC0415
        from ..models.firewall_rule import FirewallRule  # noqa: PLC0415
        from ..models.open_search_dashboard_connection import (
            OpenSearchDashboardConnection,  # noqa: PLC0415
        )
        from ..models.schema_registry_connection import SchemaRegistryConnection  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop("id", "id", text(1), required=True),
            Prop("name", "name", text(1), required=True),
            Prop("engine", "engine", enum(DatabaseEngine), required=True),
            Prop("num_nodes", "num_nodes", INTEGER, required=True),
            Prop("size", "size", text(1), required=True),
            Prop("region", "region", text(1), required=True),
            Prop("version", "version", STRING),
            Prop("semantic_version", "semantic_version", STRING),
            Prop("status", "status", enum(DatabaseClusterStatus)),
            Prop("created_at", "created_at", STRING),
            Prop("private_network_uuid", "private_network_uuid", STRING),
            Prop("tags", "tags", array(STRING)),
            Prop("db_names", "db_names", array(STRING)),
            Prop(
                "ui_connection", "ui_connection", model(OpenSearchDashboardConnection)
            ),
            Prop(
                "schema_registry_connection",
                "schema_registry_connection",
                model(SchemaRegistryConnection),
            ),
            Prop("connection", "connection", model(DatabaseConnection)),
            Prop("private_connection", "private_connection", model(DatabaseConnection)),
            Prop("standby_connection", "standby_connection", model(DatabaseConnection)),
            Prop(
                "standby_private_connection",
                "standby_private_connection",
                model(DatabaseConnection),
            ),
            Prop("users", "users", array(model(DatabaseUser))),
            Prop(
                "maintenance_window",
                "maintenance_window",
                model(DatabaseMaintenanceWindow),
            ),
            Prop("project_id", "project_id", STRING),
            Prop("rules", "rules", array(model(FirewallRule))),
            Prop("version_end_of_life", "version_end_of_life", STRING),
            Prop("version_end_of_availability", "version_end_of_availability", STRING),
            Prop("storage_size_mib", "storage_size_mib", INTEGER),
            Prop(
                "metrics_endpoints",
                "metrics_endpoints",
                array(model(DatabaseServiceEndpoint)),
            ),
            Prop("do_settings", "do_settings", model(DoSettings)),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseCluster:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

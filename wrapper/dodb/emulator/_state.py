"""The emulator's clusters and users, and the API's rules about them.

Pure logic, no HTTP: each operation takes decoded JSON and returns JSON-ready
dicts, or raises `ApiError` with the status and error body the API would send.

The API's vocabulary (fields, enum values, which fields a request may carry)
comes from the spec through the generated models: request bodies are read
strictly against their schema, so a value added to the spec is accepted
after regeneration. The engine rules are written here, because the spec
states them only in prose: which setting belongs to which engine, the
defaults, Kafka's certificates and ACL ids.
"""

from __future__ import annotations

import datetime
import re
import secrets
import string
import time
import uuid
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs

from dodb_api.models import (
    DatabaseCluster,
    DatabaseClusterStatus,
    DatabaseEngine,
    DatabaseUser,
    DatabaseUserCreate,
    DatabaseUserResetAuth,
    DatabaseUserUpdate,
    MongoRole,
    MongoUserSettings,
    MysqlAuthPlugin,
    UserRole,
    UserSettings,
)
from dodb_api.types import Model, SchemaError, schema_of

if TYPE_CHECKING:
    from ._mirror import EngineMirror

PG, MYSQL, VALKEY, MONGODB, KAFKA, OPENSEARCH = (
    DatabaseEngine.PG,
    DatabaseEngine.MYSQL,
    DatabaseEngine.VALKEY,
    DatabaseEngine.MONGODB,
    DatabaseEngine.KAFKA,
    DatabaseEngine.OPENSEARCH,
)
ENGINES: Final = tuple(e.value for e in (PG, MYSQL, VALKEY, MONGODB, KAFKA, OPENSEARCH))
"""The engines the emulator models (of the spec's DatabaseEngine)."""
_PASSWORD_ALPHABET: Final = string.ascii_lowercase + string.digits
_PASSWORD_LENGTH: Final = 16
_PASSWORDS: Final = len(_PASSWORD_ALPHABET) ** _PASSWORD_LENGTH
# The emulator's own rule for names (the API's exact rule is not published).
_NAME: Final = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}")

# Engine rules (the spec says these in prose only) ---------------------------------
MYSQL_DEFAULT_PLUGIN: Final = MysqlAuthPlugin.CACHING_SHA2_PASSWORD.value
"""MySQL 8's default authentication plugin, when an add does not choose one."""
_MONGO_DEFAULT_DATABASES: Final = tuple(
    schema_of(MongoUserSettings).by_name["databases"].extensions["x-dodb-server-default"]
)
"""The databases the server gives a MongoDB user when none are chosen (the spec's
`x-dodb-server-default`: every database)."""
_ENGINE_OF_FIELD: Final = {"mysql_settings": MYSQL, "readonly": MONGODB}
"""Request fields that only one engine accepts."""
_ENGINE_OF_SETTING: Final = {
    "pg_allow_replication": PG,
    "acl": KAFKA,
    "opensearch_acl": OPENSEARCH,
    "mongo_user_settings": MONGODB,
}
"""Settings that only one engine accepts. A setting the spec adds later, with no
rule here yet, is accepted on every engine and kept as sent."""
_KAFKA_ACL: Final = "acl"
"""The Kafka setting whose items get an id made by the server."""
_MONGO: Final = "mongo_user_settings"

# The spec's vocabulary, derived --------------------------------------------------
_SERVER_FIELDS: Final = frozenset(schema_of(DatabaseUser).by_name) - frozenset(
    schema_of(DatabaseUserCreate).by_name
)
"""Fields of a user that only the server sets (password, role, certificate...)."""


def _read(model: type[Model], body: Any) -> Any:
    """A request body read strictly against its schema; 422 where it does not match."""
    try:
        return model.from_dict(_object(body, "request body"), strict=True)
    except SchemaError as exc:
        raise unprocessable(str(exc)) from None


class ApiError(Exception):
    """An error answer: HTTP status and the API's `{"id", "message"}` body."""

    def __init__(self, status: int, error_id: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.error_id = error_id
        self.message = message


def not_found() -> ApiError:
    return ApiError(404, "not_found", "The resource you requested could not be found.")


def unprocessable(message: str) -> ApiError:
    return ApiError(422, "unprocessable_entity", message)


@attrs.frozen
class ClusterSpec:
    """A cluster the emulator starts with."""

    id: str
    name: str
    engine: str = attrs.field(validator=attrs.validators.in_(ENGINES))
    tags: tuple[str, ...] = ()
    size: str = "db-s-1vcpu-2gb"
    """The size slug of its nodes (the emulator's default: one of DigitalOcean's slugs)."""
    region: str = "nyc3"
    num_nodes: int = 1
    version: str | None = None
    """Its engine's version; None: the emulator's default for the engine."""
    private_network_uuid: str | None = None
    project_id: str | None = None
    storage_size_mib: int | None = None


def _stable_id(engine: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"dodb-emulator/{engine}"))


SEEDED_CLUSTERS: Final = (
    ClusterSpec("ab7bb7a", "reference-page-pg", PG),
    *(
        ClusterSpec(_stable_id(e), f"emulator-{e}", e)
        if e != KAFKA
        else ClusterSpec(_stable_id(e), f"emulator-{e}", e, size="db-s-2vcpu-4gb", num_nodes=3)
        for e in ENGINES
    ),
)
"""One cluster per engine with stable ids, plus the reference page's `ab7bb7a` (PostgreSQL).
Kafka's has three nodes, as DigitalOcean's Kafka clusters do."""

CLUSTER_IDS: Final = {spec.engine: spec.id for spec in SEEDED_CLUSTERS[1:]}
"""The seeded cluster id of each engine."""


def new_password() -> str:
    """16 characters of the alphabet, uniformly: one draw from the OS's generator,
    written in base 36 (a draw per character cost the emulator a tenth of its time)."""
    number = secrets.randbelow(_PASSWORDS)
    chars = []
    for _ in range(_PASSWORD_LENGTH):
        number, digit = divmod(number, len(_PASSWORD_ALPHABET))
        chars.append(_PASSWORD_ALPHABET[digit])
    return "".join(chars)


def now_iso() -> str:
    """The current time as the API writes it (ISO 8601, UTC, seconds)."""
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@attrs.define
class Cluster:
    spec: ClusterSpec
    users: dict[str, dict[str, Any]] = attrs.field(factory=dict)
    born: dict[str, float] = attrs.field(factory=dict)
    """When each user was added (monotonic), for the read lag."""
    dbs: list[str] = attrs.field(factory=list)
    """Its logical databases, in the order they were added (`_dbs.py`)."""
    pools: dict[str, dict[str, Any]] = attrs.field(factory=dict)
    """Its connection pools by name (`_pools.py`): a user or database a pool uses
    cannot be deleted."""
    created_at: str = attrs.field(factory=now_iso)
    busy: tuple[str, float] | None = None
    """(the status it shows, until when by the store's clock) while a change runs:
    creating, resizing, migrating; then it is online."""
    parts: dict[str, Any] = attrs.field(factory=dict)
    """The state each resource module keeps of it, under the module's own key."""


CertMaker = Callable[[str], tuple[str, str]]


class Store:
    """Every cluster and user of one emulator, in memory."""

    def __init__(
        self,
        clusters: Iterable[ClusterSpec],
        make_cert: CertMaker,
        *,
        read_lag: float = 0.0,
        fill_defaults: bool = False,
        clock: Callable[[], float] = time.monotonic,
        mirror: EngineMirror | None = None,
        change_delay: float = 0.0,
        ca_pem: str = "",
    ) -> None:
        self._make_cert = make_cert
        self.change_delay = change_delay
        """How long a cluster stays creating, resizing or migrating (seconds)."""
        self.ca_pem = ca_pem
        """The PEM of the CA that signs the clusters' server certificates."""
        self.parts: dict[str, Any] = {}
        """The state each resource module keeps of the account, under its own key."""
        self.mirror = mirror
        """A real engine that each change is applied to before it is recorded (_mirror.py)."""
        self.read_lag = read_lag
        self.fill_defaults = fill_defaults
        self._clock = clock
        self.clusters: dict[str, Cluster] = {}
        for spec in clusters:
            self.add_cluster(spec)

    def add_cluster(self, spec: ClusterSpec) -> Cluster:
        if spec.id in self.clusters:
            raise ValueError(f"cluster id {spec.id!r} is declared twice")
        cluster = Cluster(spec)
        if spec.engine != VALKEY:
            primary = UserRole.PRIMARY.value
            admin = self._new_user(spec.engine, "doadmin", primary, {})
            if self.mirror is not None:
                self.mirror.cluster_added(spec.id, spec.engine, "doadmin", admin["password"])
            cluster.users["doadmin"] = admin
        default_db = _ENDPOINTS[DatabaseEngine(spec.engine)].database
        if spec.engine in HAS_DATABASES:
            cluster.dbs.append(default_db)
        self.clusters[spec.id] = cluster
        return cluster

    def remove_cluster(self, cluster_id: str) -> None:
        """Forget a cluster and everything in it (and stop a real server behind it)."""
        if self.mirror is not None:
            self.mirror.cluster_removed(cluster_id)
        del self.clusters[cluster_id]

    # Status ----------------------------------------------------------------

    def now(self) -> float:
        """The store's clock (monotonic seconds)."""
        return self._clock()

    def start_change(self, cluster: Cluster, status: DatabaseClusterStatus) -> None:
        """The cluster shows `status` for the change delay, then is online again."""
        cluster.busy = (status.value, self._clock() + self.change_delay)

    def status(self, cluster: Cluster) -> str:
        """What the cluster is doing now: a running change's status, else online."""
        if cluster.busy is not None:
            status, until = cluster.busy
            if self._clock() < until:
                return status
            cluster.busy = None
        return DatabaseClusterStatus.ONLINE.value

    # Reading ---------------------------------------------------------------

    def list_clusters(self) -> list[dict[str, Any]]:
        """Every cluster, as the store describes it (the API's filter by tag is
        `_clusters.list_clusters`)."""
        return [self._describe(c) for c in self.clusters.values()]

    def get_cluster(self, cluster_id: str) -> dict[str, Any]:
        return self._describe(self._cluster(cluster_id, users=False))

    def _describe(self, cluster: Cluster) -> dict[str, Any]:
        spec = cluster.spec
        admin = cluster.users.get("doadmin")
        password = admin["password"] if admin else new_password()
        described: dict[str, Any] = {
            "id": spec.id,
            "name": spec.name,
            "engine": spec.engine,
            "version": spec.version or VERSIONS[DatabaseEngine(spec.engine)],
            "num_nodes": spec.num_nodes,
            "size": spec.size,
            "region": spec.region,
            "status": self.status(cluster),
            "created_at": cluster.created_at,
            "tags": list(spec.tags),
            "connection": self.connection(spec, password, private=False),
            "private_connection": self.connection(spec, password, private=True),
        }
        if spec.engine in HAS_DATABASES:
            described["db_names"] = list(cluster.dbs)
        for key, value in attrs.asdict(spec).items():
            if key in _CLUSTER_FIELDS and value is not None:
                described.setdefault(key, value)
        return described

    def connection(self, spec: ClusterSpec, password: str, *, private: bool) -> dict[str, Any]:
        """A mirrored cluster's real connection details, else the emulator's `.invalid` ones."""
        if self.mirror is not None:
            real = self.mirror.connection(spec.id, password, private=private)
            if real is not None:
                return real
        return connection(spec, password, private=private)

    def _cluster(self, cluster_id: str, *, users: bool = True) -> Cluster:
        cluster = self.clusters.get(cluster_id)
        if cluster is None:
            raise not_found()
        if users and cluster.spec.engine == VALKEY:
            raise unprocessable("User management is not supported for Valkey/Redis clusters.")
        return cluster

    def _user(self, cluster: Cluster, name: str) -> dict[str, Any]:
        user = cluster.users.get(name)
        if user is None:
            raise not_found()
        return user

    def _visible(self, cluster: Cluster, name: str) -> bool:
        """A new user shows in reads only after the read lag (realism profile)."""
        born = cluster.born.get(name)
        return born is None or self._clock() - born >= self.read_lag

    def list_users(self, cluster_id: str) -> list[dict[str, Any]]:
        cluster = self._cluster(cluster_id)
        return [u for name, u in cluster.users.items() if self._visible(cluster, name)]

    def get_user(self, cluster_id: str, name: str) -> dict[str, Any]:
        cluster = self._cluster(cluster_id)
        if not self._visible(cluster, name):
            raise not_found()
        return self._user(cluster, name)

    # Changing --------------------------------------------------------------

    def add_user(self, cluster_id: str, body: Any) -> dict[str, Any]:
        cluster = self._cluster(cluster_id)
        engine = cluster.spec.engine
        body = _object(body, "request body")
        for key in body:
            if key in _SERVER_FIELDS:
                raise unprocessable(f"{key} is set by the server and cannot be sent")
        request: DatabaseUserCreate = _read(DatabaseUserCreate, body)
        name = request.name
        if not _NAME.fullmatch(name):
            raise unprocessable(
                "name must be 1 to 63 letters, digits, '_', '-' or '.', not starting with - or ."
            )
        if name in cluster.users:
            raise unprocessable(f"a user named {name!r} already exists")
        for key in body:
            if key in _ENGINE_OF_FIELD and body[key] is not None:
                _only_on(engine, _ENGINE_OF_FIELD[key], key)
        settings = _settings(engine, request.settings)
        if request.readonly is not None:
            mongo = settings.setdefault(_MONGO, {"databases": list(_MONGO_DEFAULT_DATABASES)})
            if request.readonly:
                read_only = MongoRole.READONLY.value
                if mongo.get("role", read_only) != read_only:
                    raise unprocessable("readonly conflicts with mongo_user_settings.role")
                mongo["role"] = read_only
        user = self._new_user(engine, name, UserRole.NORMAL.value, settings)
        if request.mysql_settings is not None:
            user["mysql_settings"] = request.mysql_settings.to_dict()
        mongo_settings = settings.get(_MONGO)
        if self.fill_defaults and mongo_settings is not None:
            mongo_settings.setdefault("databases", list(_MONGO_DEFAULT_DATABASES))
        if self.mirror is not None:
            self.mirror.user_added(cluster_id, name, user["password"], settings)
        cluster.users[name] = user
        if self.read_lag:
            cluster.born[name] = self._clock()
        return user

    def update_user(self, cluster_id: str, name: str, body: Any) -> dict[str, Any]:
        cluster = self._cluster(cluster_id)
        user = self._user(cluster, name)
        request: DatabaseUserUpdate = _read(DatabaseUserUpdate, body)
        settings = _settings(cluster.spec.engine, request.settings)
        old_role = (user.get("settings") or {}).get(_MONGO, {}).get("role")
        new_role = settings.get(_MONGO, {}).get("role")
        if new_role is not None and old_role is not None and new_role != old_role:
            # terraform-provider-digitalocean #1380: the API refuses to change a
            # MongoDB user's role after it was created.
            raise unprocessable("the role of a MongoDB user cannot be changed after it is created")
        if self.mirror is not None:
            self.mirror.settings_changed(cluster_id, name, settings)
        if settings:
            user["settings"] = settings
        else:
            user.pop("settings", None)
        return user

    def delete_user(self, cluster_id: str, name: str) -> None:
        cluster = self._cluster(cluster_id)
        user = self._user(cluster, name)
        if user.get("role") == UserRole.PRIMARY.value:
            # The emulator's choice (the API does not publish its answer): a cluster
            # keeps its admin user.
            raise unprocessable(f"{name} is the cluster's primary user and cannot be deleted")
        using = [pool for pool, record in cluster.pools.items() if record.get("user") == name]
        if using:
            # The emulator's choice: a pool keeps the user it connects as.
            raise unprocessable(
                f"user {name} is used by the connection pool {using[0]}; delete the pool first"
            )
        if self.mirror is not None:
            self.mirror.user_deleted(cluster_id, name)
        del cluster.users[name]
        cluster.born.pop(name, None)

    def reset_auth(self, cluster_id: str, name: str, body: Any) -> dict[str, Any]:
        cluster = self._cluster(cluster_id)
        user = self._user(cluster, name)
        request: DatabaseUserResetAuth = _read(DatabaseUserResetAuth, body)
        if request.mysql_settings is not None:
            _only_on(cluster.spec.engine, _ENGINE_OF_FIELD["mysql_settings"], "mysql_settings")
        password = new_password()
        if self.mirror is not None:
            self.mirror.password_changed(cluster_id, name, password)
        if request.mysql_settings is not None:
            user["mysql_settings"] = request.mysql_settings.to_dict()
        user["password"] = password
        return user

    def _new_user(
        self, engine: str, name: str, role: str, settings: dict[str, Any]
    ) -> dict[str, Any]:
        user: dict[str, Any] = {"name": name, "role": role, "password": new_password()}
        if engine == MYSQL:
            user["mysql_settings"] = {"auth_plugin": MYSQL_DEFAULT_PLUGIN}
        if engine == KAFKA:
            user["access_cert"], user["access_key"] = self._make_cert(name)
        if settings:
            user["settings"] = settings
        return user


# How each engine is reached ---------------------------------------------------------


class Endpoint(NamedTuple):
    scheme: str | None
    """The URI scheme the engine's own clients take (None: no URI, Kafka)."""
    port: int
    database: str
    query: str
    admin: str
    in_uri_port: bool = True


_ENDPOINTS: Final = {
    PG: Endpoint("postgresql", 25060, "defaultdb", "sslmode=require", "doadmin"),
    # MySQL clients take the engine slug itself as their URI scheme.
    MYSQL: Endpoint(f"{MYSQL}", 25060, "defaultdb", "ssl-mode=REQUIRED", "doadmin"),
    # An SRV record names the replica set's hosts: the URI carries no port. Users
    # authenticate against MongoDB's admin database (the spec's server default).
    MONGODB: Endpoint(
        "mongodb+srv",
        27017,
        _MONGO_DEFAULT_DATABASES[0],
        f"tls=true&authSource={_MONGO_DEFAULT_DATABASES[0]}",
        "doadmin",
        in_uri_port=False,
    ),
    KAFKA: Endpoint(None, 25073, "", "", "doadmin"),
    OPENSEARCH: Endpoint("https", 25060, "", "", "doadmin"),
    VALKEY: Endpoint("rediss", 25061, "", "", "default"),
}
"""DigitalOcean's ports and connection-string forms per engine (its documentation),
as the emulator serves them. Hosts lie under the reserved `.invalid` domain."""
VERSIONS: Final = {
    PG: "16",
    MYSQL: "8",
    MONGODB: "7.0",
    KAFKA: "3.7",
    OPENSEARCH: "2",
    VALKEY: "8",
}
"""The version a cluster runs when none was chosen."""
HAS_DATABASES: Final = (PG.value, MYSQL.value)
"""The engines with logical databases (DigitalOcean's databases page: PostgreSQL, MySQL)."""
_CLUSTER_FIELDS: Final = frozenset(schema_of(DatabaseCluster).by_name)
"""What an answer about a cluster may hold (a spec's fields are shown when set)."""


def connection(spec: ClusterSpec, password: str, *, private: bool) -> dict[str, Any]:
    """The connection details of a cluster, as its default user."""
    end = _ENDPOINTS[DatabaseEngine(spec.engine)]
    slug = re.sub(r"[^a-z0-9-]", "-", spec.name.lower())
    host = f"{'private-' if private else ''}{slug}-do-user-0.db.invalid"
    details: dict[str, Any] = {
        "database": end.database,
        "host": host,
        "port": end.port,
        "user": end.admin,
        "password": password,
        "ssl": True,
    }
    if end.scheme is not None:
        where = f"{host}:{end.port}" if end.in_uri_port else host
        path = f"/{end.database}" if end.database else ""
        query = f"?{end.query}" if end.query else ""
        details["uri"] = f"{end.scheme}://{end.admin}:{password}@{where}{path}{query}"
    return details


# Validation helpers -------------------------------------------------------------


def _object(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise unprocessable(f"{what} must be a JSON object")
    return value


def _only_on(engine: str, wanted: str, option: str) -> None:
    if engine != wanted:
        raise unprocessable(f"{option} applies only to {wanted} clusters, not {engine}")


def _settings(engine: str, settings: UserSettings | None) -> dict[str, Any]:
    """The settings to store: checked against the engine, with server-made ACL ids."""
    if settings is None:
        return {}
    known = schema_of(UserSettings).by_name
    data = settings.to_dict()
    for key in data:
        if key not in known:
            raise unprocessable(f"unknown setting {key!r}")
        wanted = _ENGINE_OF_SETTING.get(key)
        if wanted is not None:
            _only_on(engine, wanted, f"settings.{key}")
    for item in data.get(_KAFKA_ACL, ()):
        item["id"] = "acl" + secrets.token_hex(6)
    return data

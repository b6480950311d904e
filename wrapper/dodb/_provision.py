"""From a user to a working connection: ensure, credentials, rotation and apply's plan.

Each is a flow: a generator that yields the `Call`s to make and is sent their
results (or has their errors thrown in), and returns what it decided. The sync
and async resources only carry the calls out, as the clients do for the retry
plan; every decision is here, once. Each call keeps its own retries and its
reconciling of unsure attempts, so a flow is as safe under faults as `add`.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Generator, Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Final, Literal
from urllib.parse import parse_qsl, quote, urlsplit, urlunsplit

import attrs

from dodb_api.models import (
    ConnectionPool,
    DatabaseCa,
    DatabaseCluster,
    DatabaseConnection,
    DatabaseEngine,
    DatabaseUser,
    DatabaseUserCreate,
    UserRole,
    UserSettings,
)
from dodb_api.types import (
    BOOLEAN,
    ArrayReader,
    ModelReader,
    Prop,
    Secret,
    schema_of,
)

from . import _calls as calls
from ._access import named
from ._calls import Call
from ._config import READ_LAG
from ._errors import DodbError, InvalidInputError, NoPasswordError, UnprocessableEntityError
from ._files import replace_file
from ._matching import contradicts
from ._options import Option, build_body, by_name
from ._retry import Sleep

if TYPE_CHECKING:
    from dodb_api.calls.users import UsersAddOptions as AddOptions

    from ._base import Free, Hold

Action = Literal["created", "changed", "unchanged"]


Flow = Generator["Call[Any] | Sleep | Hold | Free", Any, Any]
"""A flow yields the calls to make (sent their results, or thrown their errors) and the
pauses between them, and returns what it decided."""

# The operations the flows build on.
_LIST_USERS: Final = "databases_list_users"
_GET_USER: Final = "databases_get_user"
_ADD_USER: Final = "databases_add_user"
_UPDATE_USER: Final = "databases_update_user"
_RESET_AUTH: Final = "databases_reset_auth"
_GET_CLUSTER: Final = "databases_get_cluster"
_GET_CA: Final = "databases_get_ca"
_GET_POOL: Final = "databases_get_connection_pool"

_SETTINGS: Final = attrs.fields(DatabaseUserCreate).settings.name
_SERVER_DEFAULT: Final = "x-dodb-server-default"
_UNCHANGEABLE: Final = ("mongo_role",)
"""Options the API refuses to change once the user exists (a MongoDB user's role)."""


@attrs.frozen
class Ensured:
    """What `users.ensure` did, and the user as it now is."""

    action: Action
    user: DatabaseUser
    changed: tuple[str, ...] = ()
    """The options that differed (empty unless `action` is "changed")."""


# Comparing what is asked with what is ------------------------------------------------


def _unset(value: Any) -> bool:
    return value is None or value is False or value == "" or value == [] or value == {}


def _same(wanted: Any, found: Any, prop: Prop | None) -> bool:
    """Whether a setting as found is the setting as wanted; absent ones compare as unset
    and as the server's default (the spec's `x-dodb-server-default`)."""
    default = prop.extensions.get(_SERVER_DEFAULT) if prop is not None else None
    if _unset(wanted):
        return _unset(found) or (default is not None and not contradicts(default, found))
    if _unset(found):
        return default is not None and not contradicts(wanted, default)
    reader = prop.reader if prop is not None else None
    if isinstance(reader, ModelReader) and isinstance(wanted, Mapping):
        if not isinstance(found, Mapping):
            return False
        props = schema_of(reader.model).by_name
        return all(_same(wanted.get(k), found.get(k), props.get(k)) for k in wanted)
    if isinstance(reader, ArrayReader) and isinstance(found, list):
        return len(wanted) == len(found) and not contradicts(wanted, found, reader)
    return not contradicts(wanted, found, reader)


def _settings_to_send(
    wanted: Mapping[str, Any], found: Mapping[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    """The settings an update must send for the user to have exactly `wanted`, and the
    settings that differ. A setting the user has but was not asked for is cleared:
    a boolean to false, a list to empty; one the API cannot clear (an object, such
    as MongoDB's) is left as it is."""
    props = schema_of(UserSettings).by_name
    send = dict(wanted)
    differing = []
    for key in sorted(set(wanted) | set(found)):
        prop = props.get(key)
        if _same(wanted.get(key), found.get(key), prop):
            continue
        if key not in wanted:
            reader = prop.reader if prop is not None else None
            if reader is BOOLEAN:
                send[key] = False
            elif isinstance(reader, ArrayReader):
                send[key] = []
            else:
                continue
        differing.append(key)
    return send, differing


def _options() -> Mapping[str, Option]:
    return by_name(DatabaseUserCreate)


def _option_of(place: tuple[str, ...]) -> str:
    """The keyword of an option at a place of the body, for messages."""
    for option in _options().values():
        if option.path[: len(place)] == place:
            return option.name
    return ".".join(place)


def plan_user(
    cluster: str, name: str, found: DatabaseUser | None, options: AddOptions
) -> tuple[Action, list[Call[DatabaseUser]], tuple[str, ...]]:
    """The calls that make `name` exist with exactly `options`, given the user as found."""
    wanted = build_body("add", DatabaseUserCreate, dict(options), {"name": name})
    if found is None:
        return "created", [calls.typed(_ADD_USER, (cluster,), {"name": name}, options)], ()
    if found.role is UserRole.PRIMARY:
        raise InvalidInputError(f"{name!r} is the cluster's primary user: it is not managed here")
    current = found.to_dict()
    for option in _UNCHANGEABLE:
        path = _options()[option].path
        asked, has = _at(wanted, path), _at(current, path)
        if not _unset(asked) and not _unset(has) and contradicts(asked, has):
            raise InvalidInputError(
                f"{option} of {name!r} cannot change once the user exists (it is {has!r}, "
                f"asked {asked!r}): the API refuses it; delete the user and add it again"
            )
    steps: list[Call[DatabaseUser]] = []
    send, differing = _settings_to_send(wanted.get(_SETTINGS, {}), current.get(_SETTINGS) or {})
    changed = [_option_of((_SETTINGS, key)) for key in differing]
    if differing:
        steps.append(calls.typed_body(_UPDATE_USER, (cluster, name), {_SETTINGS: send}))
    plugin_at = _options()["mysql_auth_plugin"].path
    plugin, has_plugin = _at(wanted, plugin_at), _at(current, plugin_at)
    if plugin is not None and has_plugin is not None and contradicts(plugin, has_plugin):
        reset = calls.typed(_RESET_AUTH, (cluster, name), {}, {"mysql_auth_plugin": plugin})
        steps.append(reset)
        changed.append("mysql_auth_plugin")
    return ("changed" if steps else "unchanged"), steps, tuple(changed)


def _at(body: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = body
    for key in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


# The flows ------------------------------------------------------------------------------


def ensure_flow(cluster: str, name: str, options: AddOptions) -> Flow:
    """List the cluster's users (a list carries settings, where a GET may not), then
    create, change or leave the user."""
    found = named((yield calls.typed(_LIST_USERS, (cluster,), {}, {})), name)
    ensured: Ensured = yield from apply_user_flow(cluster, name, found, options)
    return ensured


def apply_user_flow(
    cluster: str, name: str, found: DatabaseUser | None, options: AddOptions
) -> Flow:
    """Create, change or leave the user, given it as listed. An add refused because the
    user exists after all (a list that did not show it yet) is followed by a new look
    and whatever change that shows is needed."""
    action, steps, changed = plan_user(cluster, name, found, options)
    user = found
    for step in steps:
        try:
            user = yield step
        except UnprocessableEntityError as refused:
            if action != "created":
                raise
            found = yield from _look_up(cluster, name)
            if found is None:
                raise refused from None
            action, more, changed = plan_user(cluster, name, found, options)
            user = found
            for extra in more:
                user = yield extra
    assert user is not None
    return Ensured(action, user, changed)


def _look_up(cluster: str, name: str) -> Generator[Call[Any] | Sleep, Any, DatabaseUser | None]:
    """The user, listed again for up to READ_LAG seconds while the API does not show it
    yet (a list, because a GET may leave the settings out)."""
    waited, pause = 0.0, 0.25
    while True:
        found: DatabaseUser | None = named(
            (yield calls.typed(_LIST_USERS, (cluster,), {}, {})), name
        )
        if found is not None or waited >= READ_LAG:
            return found
        yield Sleep(pause)
        waited, pause = waited + pause, pause * 2


def credentials_flow(
    cluster: str,
    name: str,
    *,
    private: bool,
    pool: str | None = None,
    ca_file: str | None = None,
) -> Flow:
    """Read the cluster's connection, the user, the cluster's CA (and the pool); put
    them together."""
    database: DatabaseCluster = yield calls.typed(_GET_CLUSTER, (cluster,), {}, {})
    user: DatabaseUser = yield calls.typed(_GET_USER, (cluster, name), {}, {})
    return (yield from _verified(database, user, private, pool, ca_file))


def rotate_flow(
    cluster: str, name: str, *, pool: str | None = None, ca_file: str | None = None
) -> Flow:
    """A new password (reset_auth), then the credentials with it. The password is the
    reset's answer: a later read may leave it out (MongoDB's reads blank it)."""
    user: DatabaseUser = yield calls.typed(_RESET_AUTH, (cluster, name), {}, {})
    database: DatabaseCluster = yield calls.typed(_GET_CLUSTER, (cluster,), {}, {})
    return (yield from _verified(database, user, False, pool, ca_file))


def _verified(
    database: DatabaseCluster,
    user: DatabaseUser,
    private: bool,
    pool: str | None,
    ca_file: str | None,
) -> Flow:
    """The credentials, with the cluster's CA to verify the server, through `pool`."""
    ca: DatabaseCa = yield calls.typed(_GET_CA, (database.id,), {}, {})
    pooled: ConnectionPool | None = None
    if pool is not None:
        pooled = yield calls.typed(_GET_POOL, (database.id, pool), {}, {})
        assert pooled is not None
        if pooled.user and pooled.user != user.name:
            raise InvalidInputError(
                f"pool {pool!r} connects as {pooled.user!r}, not {user.name!r}: its "
                "connection would not be this user's"
            )
    return credentials_of(
        database, user, private=private, ca_pem=ca_pem(ca), ca_file=ca_file, pool=pooled
    )


def ca_path(ca_file: str | os.PathLike[str] | None) -> str | None:
    """Where the CA is to be written, as an absolute path (a URI carries it as text);
    a folder that is not there is told before anything is sent."""
    if ca_file is None:
        return None
    path = os.path.abspath(os.fspath(ca_file))
    if not os.path.isdir(os.path.dirname(path)):
        raise InvalidInputError(f"ca_file: the folder {os.path.dirname(path)!r} does not exist")
    return path


def write_ca(creds: Credentials) -> Credentials:
    """Write the CA to `creds.ca_file`, replacing the file whole (it is public: 0644)."""
    if creds.ca_file is not None and creds.ca_pem is not None:
        replace_file(creds.ca_file, creds.ca_pem, 0o644)
    return creds


def ca_pem(ca: DatabaseCa) -> str:
    """The CA certificate as PEM text (the API sends it base64-encoded once more)."""
    try:
        text = base64.b64decode(ca.certificate, validate=True).decode("ascii")
    except (ValueError, UnicodeDecodeError):
        raise DodbError("the API sent a CA certificate that is not base64 PEM") from None
    if "-----BEGIN CERTIFICATE-----" not in text:
        raise DodbError("the API sent a CA certificate that is not a PEM certificate")
    return text


# Credentials ----------------------------------------------------------------------------


@attrs.frozen
class Credentials:
    """What an app needs to connect as one user, verifying the server. Secrets stay `Secret`s.

    PostgreSQL, MySQL and MongoDB: `uri`, in the form each engine's clients take,
    asking them to verify the server's certificate against the cluster's CA
    (`ca_pem`; `ca_file` names the file it was written to, when one was asked
    for). OpenSearch: `url` (https, without credentials) with `user` and
    `password` for basic auth. Kafka: `bootstrap` (host:port) with the client
    certificate `access_cert` and its key `access_key`. `pool`: the connection
    pool the connection goes through (its own port and database).
    """

    engine: DatabaseEngine
    user: str
    host: str
    port: int | None
    database: str | None
    ssl: bool
    password: Secret | None = None
    uri: Secret | None = None
    url: str | None = None
    bootstrap: str | None = None
    access_cert: str | None = None
    access_key: Secret | None = None
    ca_pem: str | None = attrs.field(default=None, repr=False)
    ca_file: str | None = None
    pool: str | None = None

    def to_dict(self, *, reveal: bool = False) -> dict[str, Any]:
        """Plain JSON; secrets masked unless `reveal`."""
        out: dict[str, Any] = {}
        for field in attrs.fields(Credentials):
            value = getattr(self, field.name)
            if value is None:
                continue
            if isinstance(value, Secret):
                value = value.reveal() if reveal else str(value)
            elif isinstance(value, StrEnum):
                value = value.value
            out[field.name] = value
        return out

    def to_env(self, *, reveal: bool = False) -> dict[str, str]:
        """The same as environment variables: DATABASE_URL, DATABASE_USER,
        DATABASE_PASSWORD, DATABASE_HOST, DATABASE_PORT, DATABASE_NAME,
        DATABASE_CA_FILE, ..., and the variables the engine's own tools read
        (PostgreSQL: PGSSLMODE and PGSSLROOTCERT). The CA itself is left out: a
        driver takes a file, so ask for `ca_file`."""
        data = self.to_dict(reveal=reveal)
        data.pop("ca_pem", None)
        env = {
            _ENV_NAMES.get(key, f"DATABASE_{key.upper()}"): (
                "true" if v is True else "false" if v is False else str(v)
            )
            for key, v in data.items()
        }
        if self.engine is DatabaseEngine.PG:
            env["PGSSLMODE"] = _VERIFY[DatabaseEngine.PG][0][1]
            if self.ca_file is not None:
                env["PGSSLROOTCERT"] = self.ca_file
        return env


_ENV_NAMES: Final = {
    "uri": "DATABASE_URL",
    "database": "DATABASE_NAME",
    "url": "DATABASE_HTTPS_URL",
}
"""Where an environment variable has a common name, it is used."""

_VERIFY: Final[dict[DatabaseEngine, tuple[tuple[str, str], str]]] = {
    # libpq (psycopg, SQLAlchemy's postgresql+psycopg): check the chain and the host name.
    DatabaseEngine.PG: (("sslmode", "verify-full"), "sslrootcert"),
    # MySQL's own URI form (MySQL Shell, mysql-connector): the CA and the host name.
    DatabaseEngine.MYSQL: (("ssl-mode", "VERIFY_IDENTITY"), "ssl-ca"),
    # MongoDB's drivers (pymongo): TLS, with this CA file.
    DatabaseEngine.MONGODB: (("tls", "true"), "tlsCAFile"),
}
"""Per engine, the URI query that makes its clients verify the server, and the name of
the parameter that points them at the CA file."""


def _connection(
    database: DatabaseCluster, private: bool, pool: ConnectionPool | None = None
) -> DatabaseConnection:
    owner = pool if pool is not None else database
    where = owner.private_connection if private else owner.connection
    if where is None or not where.host:
        kind = "private connection" if private else "connection"
        of = f"pool {pool.name!r}" if pool is not None else f"cluster {database.id!r}"
        raise DodbError(f"the API sent no {kind} details for {of}")
    return where


def _with_user(uri: str, user: str, password: str) -> str:
    """The cluster's connection string as this user: name and password percent-encoded."""
    parts = urlsplit(uri)
    host = parts.netloc.rpartition("@")[2]
    login = f"{quote(user, safe='')}:{quote(password, safe='')}@{host}"
    return urlunsplit((parts.scheme, login, parts.path, parts.query, parts.fragment))


def _verifying(engine: DatabaseEngine, uri: str, ca_file: str | None) -> str:
    """The URI, asking the engine's clients to verify the server (with the CA file)."""
    rule = _VERIFY.get(engine)
    if rule is None:
        return uri
    (mode, value), ca_param = rule
    parts = urlsplit(uri)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    drop = {mode.lower(), ca_param.lower(), "ssl", "ssl-mode", "sslmode", "tls"}
    query = [(k, v) for k, v in query if k.lower() not in drop]
    query.append((mode, value))
    if ca_file is not None:
        query.append((ca_param, ca_file))
    text = "&".join(f"{quote(k, safe='-_.')}={quote(v, safe='-_./')}" for k, v in query)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, text, parts.fragment))


def credentials_of(
    database: DatabaseCluster,
    user: DatabaseUser,
    *,
    private: bool,
    ca_pem: str | None = None,
    ca_file: str | None = None,
    pool: ConnectionPool | None = None,
) -> Credentials:
    """The credentials of `user` on `database` (through `pool`), from the connection
    details; the URI verifies the server when `ca_pem` is known."""
    engine = DatabaseEngine(database.engine)
    where = _connection(database, private, pool)
    password = user.password.reveal() if user.password else ""
    base = Credentials(
        engine=engine,
        user=user.name,
        host=where.host or "",
        port=where.port,
        database=where.database or None,
        ssl=bool(where.ssl),
        ca_pem=ca_pem,
        ca_file=ca_file if ca_pem is not None else None,
        pool=pool.name if pool is not None else None,
    )
    if engine is DatabaseEngine.KAFKA:
        if not user.access_cert or not user.access_key:
            raise NoPasswordError(
                f"the API did not return {user.name!r}'s client certificate and key: the "
                "token needs the database:view_credentials scope"
            )
        return attrs.evolve(
            base,
            bootstrap=f"{where.host}:{where.port}",
            access_cert=user.access_cert,
            access_key=user.access_key,
        )
    if not password:
        raise NoPasswordError(
            f"the API did not return {user.name!r}'s password (the token needs the "
            "database:view_credentials scope, and MongoDB leaves it out of reads): "
            "`rotate` makes a new one and returns it"
        )
    if engine is DatabaseEngine.OPENSEARCH:
        url = f"https://{where.host}:{where.port}"
        return attrs.evolve(base, password=Secret(password), url=url)
    if not where.uri or not where.uri.reveal():
        raise DodbError(f"the API sent no connection string for cluster {database.id!r}")
    uri = _with_user(where.uri.reveal(), user.name, password)
    if ca_pem is not None:
        uri = _verifying(engine, uri, ca_file)
    return attrs.evolve(base, password=Secret(password), uri=Secret(uri))

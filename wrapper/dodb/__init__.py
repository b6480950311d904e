"""dodb: a typed, safe client for the database-user API of DigitalOcean managed databases.

from dodb import Client
client = Client()  # token from DIGITALOCEAN_TOKEN
client.databases.add_user(database_cluster_uuid="ab7bb7a", body={"name": "app-01"})
user = client.databases.users.add("ab7bb7a", "app-02", pg_allow_replication=True)
"""

from typing import TYPE_CHECKING, Any

from ._base import ClientStats
from ._client import Client
from ._config import (
    DEFAULT_BASE_URL,
    DEFAULT_DEADLINE,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    TOKEN_ENV,
)
from ._errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientStateError,
    ConfigurationError,
    ConflictError,
    DodbError,
    InternalServerError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    UnprocessableEntityError,
)
from ._ratelimit import RateLimit
from ._response import APIResponse
from ._version import __version__

if TYPE_CHECKING:
    from dodb_api.models import (
        DatabaseCluster,
        DatabaseClusterStatus,
        DatabaseConnection,
        DatabaseEngine,
        DatabaseUser,
        KafkaAcl,
        KafkaAclPermission,
        MongoRole,
        MongoUserSettings,
        MysqlAuthPlugin,
        MysqlSettings,
        OpenSearchAcl,
        OpenSearchAclPermission,
        UserRole,
        UserSettings,
    )
    from dodb_api.types import Secret

    from ._access import EnsuredDatabase, EnsuredPool, EnsuredRules
    from ._access_file import FileError, load_access
    from ._apply import Applied, ApplyError, ClusterAccess, Plan
    from ._async_client import AsyncClient
    from ._errors import NoPasswordError
    from ._provision import Credentials, Ensured

# Loaded on first access, so that `import dodb` and building a client stay cheap:
# the async stack and the generated layer come when used. The models are the
# generated ones (see codegen/templates/model.py.jinja): every name that
# `dodb_api.models` exports is one of dodb's too.
_LAZY = {
    "AsyncClient": "dodb._async_client",
    "Secret": "dodb_api.types",
    "Credentials": "dodb._provision",
    "ClusterAccess": "dodb._apply",
    "Plan": "dodb._apply",
    "Applied": "dodb._apply",
    "ApplyError": "dodb._apply",
    "FileError": "dodb._access_file",
    "load_access": "dodb._access_file",
    "EnsuredDatabase": "dodb._access",
    "EnsuredPool": "dodb._access",
    "EnsuredRules": "dodb._access",
    "Ensured": "dodb._provision",
    "NoPasswordError": "dodb._errors",
}


def __getattr__(name: str) -> Any:
    import importlib

    module = _LAZY.get(name)
    if module is None:
        models = importlib.import_module("dodb_api.models")
        if name not in models.__all__:
            raise AttributeError(f"module 'dodb' has no attribute {name!r}")
        module = models.__name__
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "TOKEN_ENV",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "Applied",
    "ApplyError",
    "AsyncClient",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "ClientStateError",
    "ClientStats",
    "ClusterAccess",
    "ConfigurationError",
    "ConflictError",
    "Credentials",
    "DatabaseCluster",
    "DatabaseClusterStatus",
    "DatabaseConnection",
    "DatabaseEngine",
    "DatabaseUser",
    "DodbError",
    "Ensured",
    "EnsuredDatabase",
    "EnsuredPool",
    "EnsuredRules",
    "FileError",
    "InternalServerError",
    "InvalidInputError",
    "KafkaAcl",
    "KafkaAclPermission",
    "MongoRole",
    "MongoUserSettings",
    "MysqlAuthPlugin",
    "MysqlSettings",
    "NoPasswordError",
    "NotFoundError",
    "OpenSearchAcl",
    "OpenSearchAclPermission",
    "PermissionDeniedError",
    "Plan",
    "RateLimit",
    "RateLimitError",
    "ResponseTooLargeError",
    "Secret",
    "UnprocessableEntityError",
    "UserRole",
    "UserSettings",
    "__version__",
    "load_access",
]

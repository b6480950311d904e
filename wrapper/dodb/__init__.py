"""dodb: a typed, safe client for the database-user API of DigitalOcean managed databases.

from dodb import Client
client = Client()  # token from DIGITALOCEAN_TOKEN
client.databases.add_user(database_cluster_uuid="ab7bb7a", body={"name": "app-01"})
user = client.databases.users.add("ab7bb7a", "app-02", mysql_auth_plugin="mysql_native_password")
"""

from typing import TYPE_CHECKING, Any

from dodb_api.models import (
    KafkaAclPermission,
    MongoRole,
    MysqlAuthPlugin,
    OpenSearchAclPermission,
    UserRole,
)

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
    ConfigurationError,
    ConflictError,
    DodbError,
    InternalServerError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from ._models import (
    DatabaseUser,
    KafkaAcl,
    MongoUserSettings,
    MysqlSettings,
    OpenSearchAcl,
    UserSettings,
)
from ._ratelimit import RateLimit
from ._response import APIResponse
from ._secret import Secret
from ._version import __version__

if TYPE_CHECKING:
    from ._async_client import AsyncClient


def __getattr__(name: str) -> Any:
    # The async client (and asyncio with it) loads only when it is asked for.
    if name == "AsyncClient":
        from ._async_client import AsyncClient

        return AsyncClient
    raise AttributeError(f"module 'dodb' has no attribute {name!r}")


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
    "AsyncClient",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "ClientStats",
    "ConfigurationError",
    "ConflictError",
    "DatabaseUser",
    "DodbError",
    "InternalServerError",
    "InvalidInputError",
    "KafkaAcl",
    "KafkaAclPermission",
    "MongoRole",
    "MongoUserSettings",
    "MysqlAuthPlugin",
    "MysqlSettings",
    "NotFoundError",
    "OpenSearchAcl",
    "OpenSearchAclPermission",
    "PermissionDeniedError",
    "RateLimit",
    "RateLimitError",
    "Secret",
    "UnprocessableEntityError",
    "UserRole",
    "UserSettings",
    "__version__",
]

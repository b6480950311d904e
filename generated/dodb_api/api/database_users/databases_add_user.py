from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.database_user_create import DatabaseUserCreate
from ...models.database_user_envelope import DatabaseUserEnvelope
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    database_cluster_uuid: str,
    *,
    body: DatabaseUserCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/databases/{database_cluster_uuid}/users".format(
            database_cluster_uuid=quote(str(database_cluster_uuid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DatabaseUserEnvelope | Error:
    if response.status_code == 201:
        response_201 = DatabaseUserEnvelope.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DatabaseUserEnvelope | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    database_cluster_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    body: DatabaseUserCreate,
) -> Response[DatabaseUserEnvelope | Error]:
    """Add a user to a database cluster

     Creates a user with the given name and a randomly generated password.

    - MySQL: `mysql_settings.auth_plugin` chooses the authentication
      plugin; when it is left out the server's MySQL default applies
      (`caching_sha2_password` on MySQL 8).
    - PostgreSQL: `settings.pg_allow_replication` grants replication rights.
    - Kafka: `settings.acl` lists the topics the user may reach; the
      response carries a client certificate (`access_cert`) and its
      private key (`access_key`) for TLS client authentication.
    - OpenSearch: `settings.opensearch_acl` lists the index permissions.
    - MongoDB: `settings.mongo_user_settings` chooses the databases and
      the role; `readonly` is the older way to ask for a read-only user.
    - Valkey/Redis: user management is not supported.

    A name that already exists on the cluster is refused. This call is not
    idempotent: sending it twice may create the user once and fail once.
    Needs the `database:create` scope.

    Args:
        database_cluster_uuid (str):
        body (DatabaseUserCreate): The body of an add-user request. It has only the fields a
            caller may
            set: the role, password, certificate and key are chosen by the server.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatabaseUserEnvelope | Error]
    """

    kwargs = _get_kwargs(
        database_cluster_uuid=database_cluster_uuid,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    database_cluster_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    body: DatabaseUserCreate,
) -> DatabaseUserEnvelope | Error | None:
    """Add a user to a database cluster

     Creates a user with the given name and a randomly generated password.

    - MySQL: `mysql_settings.auth_plugin` chooses the authentication
      plugin; when it is left out the server's MySQL default applies
      (`caching_sha2_password` on MySQL 8).
    - PostgreSQL: `settings.pg_allow_replication` grants replication rights.
    - Kafka: `settings.acl` lists the topics the user may reach; the
      response carries a client certificate (`access_cert`) and its
      private key (`access_key`) for TLS client authentication.
    - OpenSearch: `settings.opensearch_acl` lists the index permissions.
    - MongoDB: `settings.mongo_user_settings` chooses the databases and
      the role; `readonly` is the older way to ask for a read-only user.
    - Valkey/Redis: user management is not supported.

    A name that already exists on the cluster is refused. This call is not
    idempotent: sending it twice may create the user once and fail once.
    Needs the `database:create` scope.

    Args:
        database_cluster_uuid (str):
        body (DatabaseUserCreate): The body of an add-user request. It has only the fields a
            caller may
            set: the role, password, certificate and key are chosen by the server.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatabaseUserEnvelope | Error
    """

    return sync_detailed(
        database_cluster_uuid=database_cluster_uuid,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    database_cluster_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    body: DatabaseUserCreate,
) -> Response[DatabaseUserEnvelope | Error]:
    """Add a user to a database cluster

     Creates a user with the given name and a randomly generated password.

    - MySQL: `mysql_settings.auth_plugin` chooses the authentication
      plugin; when it is left out the server's MySQL default applies
      (`caching_sha2_password` on MySQL 8).
    - PostgreSQL: `settings.pg_allow_replication` grants replication rights.
    - Kafka: `settings.acl` lists the topics the user may reach; the
      response carries a client certificate (`access_cert`) and its
      private key (`access_key`) for TLS client authentication.
    - OpenSearch: `settings.opensearch_acl` lists the index permissions.
    - MongoDB: `settings.mongo_user_settings` chooses the databases and
      the role; `readonly` is the older way to ask for a read-only user.
    - Valkey/Redis: user management is not supported.

    A name that already exists on the cluster is refused. This call is not
    idempotent: sending it twice may create the user once and fail once.
    Needs the `database:create` scope.

    Args:
        database_cluster_uuid (str):
        body (DatabaseUserCreate): The body of an add-user request. It has only the fields a
            caller may
            set: the role, password, certificate and key are chosen by the server.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatabaseUserEnvelope | Error]
    """

    kwargs = _get_kwargs(
        database_cluster_uuid=database_cluster_uuid,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    database_cluster_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    body: DatabaseUserCreate,
) -> DatabaseUserEnvelope | Error | None:
    """Add a user to a database cluster

     Creates a user with the given name and a randomly generated password.

    - MySQL: `mysql_settings.auth_plugin` chooses the authentication
      plugin; when it is left out the server's MySQL default applies
      (`caching_sha2_password` on MySQL 8).
    - PostgreSQL: `settings.pg_allow_replication` grants replication rights.
    - Kafka: `settings.acl` lists the topics the user may reach; the
      response carries a client certificate (`access_cert`) and its
      private key (`access_key`) for TLS client authentication.
    - OpenSearch: `settings.opensearch_acl` lists the index permissions.
    - MongoDB: `settings.mongo_user_settings` chooses the databases and
      the role; `readonly` is the older way to ask for a read-only user.
    - Valkey/Redis: user management is not supported.

    A name that already exists on the cluster is refused. This call is not
    idempotent: sending it twice may create the user once and fail once.
    Needs the `database:create` scope.

    Args:
        database_cluster_uuid (str):
        body (DatabaseUserCreate): The body of an add-user request. It has only the fields a
            caller may
            set: the role, password, certificate and key are chosen by the server.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatabaseUserEnvelope | Error
    """

    return (
        await asyncio_detailed(
            database_cluster_uuid=database_cluster_uuid,
            client=client,
            body=body,
        )
    ).parsed

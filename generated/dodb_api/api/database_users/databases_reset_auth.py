from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.database_user_envelope import DatabaseUserEnvelope
from ...models.database_user_reset_auth import DatabaseUserResetAuth
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    database_cluster_uuid: str,
    username: str,
    *,
    body: DatabaseUserResetAuth,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/databases/{database_cluster_uuid}/users/{username}/reset_auth".format(
            database_cluster_uuid=quote(str(database_cluster_uuid), safe=""),
            username=quote(str(username), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DatabaseUserEnvelope | Error:
    if response.status_code == 200:
        response_200 = DatabaseUserEnvelope.from_dict(response.json())

        return response_200

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
    username: str,
    *,
    client: AuthenticatedClient | Client,
    body: DatabaseUserResetAuth,
) -> Response[DatabaseUserEnvelope | Error]:
    """Reset a database user's password or MySQL auth plugin

     Gives the user a new randomly generated password, which the response
    carries. On MySQL clusters `mysql_settings.auth_plugin` also chooses
    the authentication plugin. Every call makes a new password: the old
    one stops working. Needs the `database:update` scope.

    Args:
        database_cluster_uuid (str):
        username (str):
        body (DatabaseUserResetAuth): The body of a reset-auth request. On MySQL clusters
            `mysql_settings`
            chooses the auth plugin; on other engines the password is reset.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatabaseUserEnvelope | Error]
    """

    kwargs = _get_kwargs(
        database_cluster_uuid=database_cluster_uuid,
        username=username,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    database_cluster_uuid: str,
    username: str,
    *,
    client: AuthenticatedClient | Client,
    body: DatabaseUserResetAuth,
) -> DatabaseUserEnvelope | Error | None:
    """Reset a database user's password or MySQL auth plugin

     Gives the user a new randomly generated password, which the response
    carries. On MySQL clusters `mysql_settings.auth_plugin` also chooses
    the authentication plugin. Every call makes a new password: the old
    one stops working. Needs the `database:update` scope.

    Args:
        database_cluster_uuid (str):
        username (str):
        body (DatabaseUserResetAuth): The body of a reset-auth request. On MySQL clusters
            `mysql_settings`
            chooses the auth plugin; on other engines the password is reset.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatabaseUserEnvelope | Error
    """

    return sync_detailed(
        database_cluster_uuid=database_cluster_uuid,
        username=username,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    database_cluster_uuid: str,
    username: str,
    *,
    client: AuthenticatedClient | Client,
    body: DatabaseUserResetAuth,
) -> Response[DatabaseUserEnvelope | Error]:
    """Reset a database user's password or MySQL auth plugin

     Gives the user a new randomly generated password, which the response
    carries. On MySQL clusters `mysql_settings.auth_plugin` also chooses
    the authentication plugin. Every call makes a new password: the old
    one stops working. Needs the `database:update` scope.

    Args:
        database_cluster_uuid (str):
        username (str):
        body (DatabaseUserResetAuth): The body of a reset-auth request. On MySQL clusters
            `mysql_settings`
            chooses the auth plugin; on other engines the password is reset.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatabaseUserEnvelope | Error]
    """

    kwargs = _get_kwargs(
        database_cluster_uuid=database_cluster_uuid,
        username=username,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    database_cluster_uuid: str,
    username: str,
    *,
    client: AuthenticatedClient | Client,
    body: DatabaseUserResetAuth,
) -> DatabaseUserEnvelope | Error | None:
    """Reset a database user's password or MySQL auth plugin

     Gives the user a new randomly generated password, which the response
    carries. On MySQL clusters `mysql_settings.auth_plugin` also chooses
    the authentication plugin. Every call makes a new password: the old
    one stops working. Needs the `database:update` scope.

    Args:
        database_cluster_uuid (str):
        username (str):
        body (DatabaseUserResetAuth): The body of a reset-auth request. On MySQL clusters
            `mysql_settings`
            chooses the auth plugin; on other engines the password is reset.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatabaseUserEnvelope | Error
    """

    return (
        await asyncio_detailed(
            database_cluster_uuid=database_cluster_uuid,
            username=username,
            client=client,
            body=body,
        )
    ).parsed

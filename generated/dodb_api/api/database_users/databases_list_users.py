from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.database_user_list import DatabaseUserList
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    database_cluster_uuid: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/databases/{database_cluster_uuid}/users".format(
            database_cluster_uuid=quote(str(database_cluster_uuid), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DatabaseUserList | Error:
    if response.status_code == 200:
        response_200 = DatabaseUserList.from_dict(response.json())

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
) -> Response[DatabaseUserList | Error]:
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
) -> Response[DatabaseUserList | Error]:
    """List the users of a database cluster

     Returns every user of the cluster, the primary admin user included.
    Passwords are present only when the token has the
    `database:view_credentials` scope. Needs the `database:read` scope.

    Args:
        database_cluster_uuid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatabaseUserList | Error]
    """

    kwargs = _get_kwargs(
        database_cluster_uuid=database_cluster_uuid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    database_cluster_uuid: str,
    *,
    client: AuthenticatedClient | Client,
) -> DatabaseUserList | Error | None:
    """List the users of a database cluster

     Returns every user of the cluster, the primary admin user included.
    Passwords are present only when the token has the
    `database:view_credentials` scope. Needs the `database:read` scope.

    Args:
        database_cluster_uuid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatabaseUserList | Error
    """

    return sync_detailed(
        database_cluster_uuid=database_cluster_uuid,
        client=client,
    ).parsed


async def asyncio_detailed(
    database_cluster_uuid: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[DatabaseUserList | Error]:
    """List the users of a database cluster

     Returns every user of the cluster, the primary admin user included.
    Passwords are present only when the token has the
    `database:view_credentials` scope. Needs the `database:read` scope.

    Args:
        database_cluster_uuid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatabaseUserList | Error]
    """

    kwargs = _get_kwargs(
        database_cluster_uuid=database_cluster_uuid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    database_cluster_uuid: str,
    *,
    client: AuthenticatedClient | Client,
) -> DatabaseUserList | Error | None:
    """List the users of a database cluster

     Returns every user of the cluster, the primary admin user included.
    Passwords are present only when the token has the
    `database:view_credentials` scope. Needs the `database:read` scope.

    Args:
        database_cluster_uuid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatabaseUserList | Error
    """

    return (
        await asyncio_detailed(
            database_cluster_uuid=database_cluster_uuid,
            client=client,
        )
    ).parsed

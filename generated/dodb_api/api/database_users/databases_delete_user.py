from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    database_cluster_uuid: str,
    username: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v2/databases/{database_cluster_uuid}/users/{username}".format(
            database_cluster_uuid=quote(str(database_cluster_uuid), safe=""),
            username=quote(str(username), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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
) -> Response[Any | Error]:
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
) -> Response[Any | Error]:
    """Remove a user from a database cluster

     Deletes the named user. Answers 204 with no body. Idempotent in
    effect: a second delete of the same user answers 404.
    Needs the `database:delete` scope.

    Args:
        database_cluster_uuid (str):
        username (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        database_cluster_uuid=database_cluster_uuid,
        username=username,
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
) -> Any | Error | None:
    """Remove a user from a database cluster

     Deletes the named user. Answers 204 with no body. Idempotent in
    effect: a second delete of the same user answers 404.
    Needs the `database:delete` scope.

    Args:
        database_cluster_uuid (str):
        username (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return sync_detailed(
        database_cluster_uuid=database_cluster_uuid,
        username=username,
        client=client,
    ).parsed


async def asyncio_detailed(
    database_cluster_uuid: str,
    username: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | Error]:
    """Remove a user from a database cluster

     Deletes the named user. Answers 204 with no body. Idempotent in
    effect: a second delete of the same user answers 404.
    Needs the `database:delete` scope.

    Args:
        database_cluster_uuid (str):
        username (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        database_cluster_uuid=database_cluster_uuid,
        username=username,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    database_cluster_uuid: str,
    username: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | Error | None:
    """Remove a user from a database cluster

     Deletes the named user. Answers 204 with no body. Idempotent in
    effect: a second delete of the same user answers 404.
    Needs the `database:delete` scope.

    Args:
        database_cluster_uuid (str):
        username (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return (
        await asyncio_detailed(
            database_cluster_uuid=database_cluster_uuid,
            username=username,
            client=client,
        )
    ).parsed

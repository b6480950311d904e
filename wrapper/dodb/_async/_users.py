"""`client.databases.users`: the generated typed calls, plus provisioning flows."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Unpack

from dodb_api.calls.users import AsyncUsersCalls, UsersAddOptions

if TYPE_CHECKING:
    from .._base import BaseClient
    from .._provision import Credentials, Ensured


class AsyncDatabaseUsers(AsyncUsersCalls):
    """The users of managed database clusters.

    Engine options are keywords; options of two engines in one call are
    refused, as are enum values the API does not know, before sending.
    """

    _client: BaseClient

    async def ensure(self, cluster: str, name: str, **options: Unpack[UsersAddOptions]) -> Ensured:
        """Make the user exist with exactly these options, and say what that took.

        Creates it if absent; otherwise changes what differs (settings by an update,
        the MySQL plugin by reset_auth, which also gives a new password) or leaves it
        alone. `Ensured.action` is "created", "changed" or "unchanged". Settings not
        given are cleared (replication off, no ACLs); a MongoDB role cannot change.
        """
        from .. import _provision as provision  # with its first use

        flow = provision.ensure_flow(cluster, name, options)
        ensured: Ensured = await self._client._drive(flow)
        return ensured

    async def credentials(
        self,
        cluster: str,
        name: str,
        *,
        private: bool = False,
        pool: str | None = None,
        ca_file: str | os.PathLike[str] | None = None,
    ) -> Credentials:
        """What an app needs to connect as the user, verifying the server.

        A URI (OpenSearch: URL and basic auth; Kafka: bootstrap address and client
        certificate) whose clients check the server against the cluster's CA
        (`sslmode=verify-full` on PostgreSQL): `ca_file` is where the CA is
        written for them (its PEM is `Credentials.ca_pem` either way). `private`:
        the cluster's address inside its VPC. `pool`: through that connection
        pool (its own port and database)."""
        from .. import _provision as provision  # with its first use

        path = provision.ca_path(ca_file)
        flow = provision.credentials_flow(cluster, name, private=private, pool=pool, ca_file=path)
        found: Credentials = await self._client._drive(flow)
        return provision.write_ca(found)

    async def rotate(
        self,
        cluster: str,
        name: str,
        *,
        pool: str | None = None,
        ca_file: str | os.PathLike[str] | None = None,
    ) -> Credentials:
        """A new password (reset_auth), and the credentials that use it (see `credentials`)."""
        from .. import _provision as provision  # with its first use

        flow = provision.rotate_flow(cluster, name, pool=pool, ca_file=provision.ca_path(ca_file))
        found: Credentials = await self._client._drive(flow)
        return provision.write_ca(found)

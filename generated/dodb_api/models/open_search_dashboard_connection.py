from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    BOOLEAN,
    INTEGER,
    NO_EXTRA,
    SECRET,
    STRING,
    Prop,
    Schema,
    Secret,
    dump,
    load,
)


@_attrs_frozen
class OpenSearchDashboardConnection:
    """OpenSearch only. How to reach the cluster's dashboard (upstream's
    models/opensearch_connection.yml)."""

    uri: Secret | None = None
    """ The dashboard's address with the user and password in it; a secret. """
    host: str | None = None
    """ The host name of the dashboard. """
    port: int | None = None
    """ The port the dashboard listens on. """
    user: str | None = None
    """ The dashboard's user. Needs the `database:view_credentials` scope. """
    password: Secret | None = None
    """ The dashboard user's password. Needs the `database:view_credentials` scope. """
    ssl: bool | None = None
    """ Whether connections must use TLS. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("uri", "uri", SECRET),
            Prop("host", "host", STRING),
            Prop("port", "port", INTEGER),
            Prop("user", "user", STRING),
            Prop("password", "password", SECRET),
            Prop("ssl", "ssl", BOOLEAN),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> OpenSearchDashboardConnection:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

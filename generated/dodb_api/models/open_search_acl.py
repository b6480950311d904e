from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..models.open_search_acl_permission import OpenSearchAclPermission
from ..types import (
    NO_EXTRA,
    STRING,
    Prop,
    Schema,
    dump,
    enum,
    load,
)


@_attrs_frozen
class OpenSearchAcl:
    """OpenSearch only. One access rule on the indexes matching a pattern."""

    index: str | None = None
    """ A regular expression for the index names, such as `index-logs-*`. """
    permission: OpenSearchAclPermission | None = None
    """ What an OpenSearch user may do on the matching indexes: `read`,
    `write`, both (`readwrite`), `admin` (`readwrite` and administering
    the index), or nothing (`deny`, the default). Upstream's
    models/user_settings.yml. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop("index", "index", STRING),
            Prop("permission", "permission", enum(OpenSearchAclPermission)),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> OpenSearchAcl:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
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
class DatabaseBasicAuthCredentials:
    """A basic-auth user name and password."""

    basic_auth_username: str | None = None
    """ The user name of the metrics endpoints. """
    basic_auth_password: Secret | None = None
    """ The password of the metrics endpoints; a secret. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop(
                "basic_auth_username",
                "basic_auth_username",
                STRING,
                extensions={
                    "x-dodb-option": {
                        "flag": "--basic-auth-username",
                        "help": "the user name of the metrics endpoints",
                        "name": "basic_auth_username",
                    }
                },
            ),
            Prop(
                "basic_auth_password",
                "basic_auth_password",
                SECRET,
                extensions={
                    "x-dodb-option": {
                        "flag": "--basic-auth-password",
                        "help": "the password of the metrics endpoints",
                        "name": "basic_auth_password",
                    }
                },
            ),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseBasicAuthCredentials:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

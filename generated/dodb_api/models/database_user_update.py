from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import frozen as _attrs_frozen

from ..types import (
    Prop,
    Schema,
    dump,
    load,
    model,
)

if TYPE_CHECKING:
    from ..models.user_settings import UserSettings


@_attrs_frozen
class DatabaseUserUpdate:
    """The body of an update-user request. Only the settings can change."""

    settings: UserSettings
    """ Engine-specific user settings. Each field applies to one engine. """

    @classmethod
    def _describe(cls) -> Schema:
        from ..models.user_settings import UserSettings  # noqa: PLC0415

        props: tuple[Prop, ...] = (
            Prop("settings", "settings", model(UserSettings), required=True),
        )
        return Schema(props, extra=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseUserUpdate:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.user_settings import UserSettings


T = TypeVar("T", bound="DatabaseUserUpdate")


@_attrs_define
class DatabaseUserUpdate:
    """The body of an update-user request. Only the settings can change."""

    settings: UserSettings
    """ Engine-specific user settings. Each field applies to one engine. """

    def to_dict(self) -> dict[str, Any]:
        settings = self.settings.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "settings": settings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_settings import UserSettings  # noqa: PLC0415

        d = dict(src_dict)
        settings = UserSettings.from_dict(d.pop("settings"))

        database_user_update = cls(
            settings=settings,
        )

        return database_user_update

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field as _attrs_field
from attrs import frozen as _attrs_frozen

from ..types import (
    BOOLEAN,
    NO_EXTRA,
    STRING,
    Prop,
    Schema,
    array,
    dump,
    load,
    text,
)


@_attrs_frozen
class DatabaseMaintenanceWindow:
    """The weekly slot for automatic maintenance, and what is pending
    (upstream's models/database_maintenance_window.yml). Sent as the body of
    a maintenance-window update, where only `day` and `hour` count."""

    day: str
    """ The day of the week, such as `tuesday`. """
    hour: str
    """ The hour (UTC, 24-hour clock), such as `14:00`. """
    pending: bool | None = None
    """ Whether maintenance will run in the next window. """
    description: tuple[str, ...] | None = None
    """ One line for each pending update. """
    extra: Mapping[str, Any] = _attrs_field(
        default=NO_EXTRA, repr=False, eq=False, kw_only=True
    )
    """ Fields the server sent that this version of the spec does not describe. """

    @classmethod
    def _describe(cls) -> Schema:
        props: tuple[Prop, ...] = (
            Prop(
                "day",
                "day",
                text(1),
                required=True,
                extensions={
                    "x-dodb-option": {
                        "flag": "--day",
                        "help": "the day of the week, such as tuesday",
                        "name": "day",
                    }
                },
            ),
            Prop(
                "hour",
                "hour",
                text(1),
                required=True,
                extensions={
                    "x-dodb-option": {
                        "flag": "--hour",
                        "help": "the hour in UTC, such as 14:00",
                        "name": "hour",
                    }
                },
            ),
            Prop("pending", "pending", BOOLEAN),
            Prop("description", "description", array(STRING)),
        )
        return Schema(props, extra=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; credentials stay `Secret`, so it never reveals one."""
        return dump(self)

    @classmethod
    def from_dict(
        cls, src_dict: Mapping[str, Any], *, strict: bool = False
    ) -> DatabaseMaintenanceWindow:
        """Read JSON; `strict` also refuses values and fields the spec does not list."""
        return load(cls, src_dict, strict=strict)

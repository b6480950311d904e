from enum import StrEnum
from typing import Any


class PgTrackIoTiming(StrEnum):
    OFF = "off"
    ON = "on"

    @classmethod
    def _missing_(cls, value: object) -> Any:
        # A value the server added after this client was generated is kept as
        # an extra member instead of failing the whole response.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value.upper()
        member._value_ = value
        return member

    def __str__(self) -> str:
        return str(self.value)

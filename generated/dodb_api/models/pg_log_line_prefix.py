from enum import StrEnum
from typing import Any


class PgLogLinePrefix(StrEnum):
    PG_LOG_LINE_PREFIX_MILLISECONDS = "%m [%p] %q[user=%u,db=%d,app=%a]"
    PG_LOG_LINE_PREFIX_TIMESTAMP = "%t [%p]: [%l-1] user=%u,db=%d,app=%a,client=%h"
    PG_LOG_LINE_PREFIX_PID = "pid=%p,user=%u,db=%d,app=%a,client=%h"

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

from enum import StrEnum
from typing import Any


class DatabaseEventType(StrEnum):
    CLUSTER_CREATE = "cluster_create"
    CLUSTER_DELETE = "cluster_delete"
    CLUSTER_MAINTENANCE_PERFORM = "cluster_maintenance_perform"
    CLUSTER_MASTER_PROMOTION = "cluster_master_promotion"
    CLUSTER_POWEROFF = "cluster_poweroff"
    CLUSTER_POWERON = "cluster_poweron"
    CLUSTER_UPDATE = "cluster_update"

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

"""The operations tagged trusted_sources, by operationId."""

from .databases_list_firewall_rules import OPERATION as databases_list_firewall_rules
from .databases_update_firewall_rules import (
    OPERATION as databases_update_firewall_rules,
)

__all__ = [
    "databases_list_firewall_rules",
    "databases_update_firewall_rules",
]

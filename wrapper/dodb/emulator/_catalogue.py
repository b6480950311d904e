"""What the emulator offers: per engine, the regions, versions and layouts (node counts
with their size slugs). `list_options` answers with it, and creating, resizing,
migrating and upgrading a cluster accept only what it lists.

DigitalOcean publishes its offer only through `list_options` on a live account; this
catalogue is the emulator's own, in DigitalOcean's slugs (its regions and its basic
`db-s-*` sizes) and with versions it has offered.
"""

from __future__ import annotations

import re
from typing import Any, Final, NamedTuple

from ._state import KAFKA, MONGODB, MYSQL, OPENSEARCH, PG, VALKEY


class Offer(NamedTuple):
    versions: tuple[str, ...]
    """Oldest first: the last is the newest, the default of a new cluster."""
    layouts: dict[int, tuple[str, ...]]
    """Node counts, and the sizes each may have."""


REGIONS: Final = (
    "nyc1",
    "nyc3",
    "sfo2",
    "sfo3",
    "tor1",
    "ams3",
    "lon1",
    "fra1",
    "blr1",
    "sgp1",
    "syd1",
)
SIZES: Final = (
    "db-s-1vcpu-1gb",
    "db-s-1vcpu-2gb",
    "db-s-2vcpu-4gb",
    "db-s-4vcpu-8gb",
    "db-s-6vcpu-16gb",
    "db-s-8vcpu-32gb",
    "db-s-16vcpu-64gb",
)
"""Smallest first."""
_FROM_2GB: Final = SIZES[1:]
_FROM_4GB: Final = SIZES[2:]

OFFERS: Final[dict[str, Offer]] = {
    PG.value: Offer(("13", "14", "15", "16", "17"), {1: SIZES, 2: _FROM_2GB, 3: _FROM_2GB}),
    MYSQL.value: Offer(("8",), {1: SIZES, 2: _FROM_2GB, 3: _FROM_2GB}),
    VALKEY.value: Offer(("8",), {1: SIZES, 2: _FROM_2GB, 3: _FROM_2GB}),
    MONGODB.value: Offer(("6.0", "7.0", "8.0"), {1: SIZES, 3: SIZES}),
    KAFKA.value: Offer(("3.7", "3.8"), {3: _FROM_4GB}),
    OPENSEARCH.value: Offer(("1", "2"), {1: _FROM_2GB, 3: _FROM_2GB}),
}
"""Kafka runs on three nodes; OpenSearch and MongoDB on one or three (DigitalOcean's
engine pages); the smallest sizes are the emulator's choice."""


def options() -> dict[str, Any]:
    """The `list_options` answer."""
    return {
        "options": {
            engine: {
                "regions": list(REGIONS),
                "versions": list(offer.versions),
                "layouts": [
                    {"num_nodes": nodes, "sizes": list(sizes)}
                    for nodes, sizes in offer.layouts.items()
                ],
            }
            for engine, offer in OFFERS.items()
        },
        "version_availability": {
            engine: [{"version": v} for v in offer.versions] for engine, offer in OFFERS.items()
        },
    }


def version_key(version: str) -> tuple[int, ...]:
    """A version's order: `7.0` after `6.0`, `17` after `9`."""
    return tuple(int(n) for n in re.findall(r"\d+", version))


def ram_gb(size: str) -> int:
    """The RAM in GB a size slug names (0 if none)."""
    found = re.search(r"(\d+)gb\b", size)
    return int(found.group(1)) if found else 0

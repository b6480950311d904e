"""Configurable misbehaviour, so clients can be tested against a failing server."""

from __future__ import annotations

import random
from typing import Any

import attrs
import httpx


def _fraction(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must be between 0 and 1, not {value}")


@attrs.frozen
class Faults:
    """What share of requests the emulator spoils, and how.

    `error_before`: answered 500 without acting. `error_after`: acted on, then
    answered 500. `throttle`: answered 429 with `retry-after: throttle_retry_after`.
    `drop_after`: acted on, then the connection is dropped mid-response.
    `latency`: seconds added to every request. `seed` makes the choices repeatable.

    The realism profile (`Faults.realistic()`, `dodb emulator --profile realistic`):
    - `read_lag`: for this many seconds after an add, GET and list do not show
      the new user (404), as in terraform-provider-digitalocean issues #360,
      #493 and #1038 ("Root resource was present, but now absent").
    - `get_omits_settings`: GET of one user leaves `settings` out; only the
      add's answer carries them (the provider's comment in
      resource_database_user.go).
    - `blank_mongo_password`: GET on MongoDB clusters answers `password: ""`
      (ditto: "blank when GETing MongoDB clusters post-create").
    - `normalise`: answers use the server's own forms: Kafka's
      `produceconsume` spelled `produce_consume` (the provider normalises it
      back), `pg_allow_replication: false` left out, MongoDB's default
      databases (`admin`) filled in, and a field the spec does not know
      (`kind`) added to each ACL item.
    - `conflicting_changes`: adds and deletes on one cluster that overlap in
      time fail with 422, the failure the provider guards against by making
      them one at a time per cluster (#493).
    """

    error_before: float = attrs.field(default=0.0, validator=_fraction)
    error_after: float = attrs.field(default=0.0, validator=_fraction)
    throttle: float = attrs.field(default=0.0, validator=_fraction)
    drop_after: float = attrs.field(default=0.0, validator=_fraction)
    throttle_retry_after: int = 1
    latency: float = 0.0
    seed: int | None = None
    # How the real API behaves, as the official Terraform provider and its issues record:
    read_lag: float = 0.0
    get_omits_settings: bool = False
    blank_mongo_password: bool = False
    normalise: bool = False
    conflicting_changes: bool = False

    @classmethod
    def realistic(cls, **overrides: Any) -> Faults:
        """Every behaviour of the real API that a strongly consistent server would hide."""
        values: dict[str, Any] = {
            "read_lag": 0.5,
            "get_omits_settings": True,
            "blank_mongo_password": True,
            "normalise": True,
            "conflicting_changes": True,
        }
        values.update(overrides)
        return cls(**values)

    def __attrs_post_init__(self) -> None:
        if self.error_before + self.error_after + self.throttle + self.drop_after > 1.0:
            raise ValueError("the fault rates add up to more than 1")

    @property
    def active(self) -> bool:
        return bool(
            self.error_before
            or self.error_after
            or self.throttle
            or self.drop_after
            or self.latency
        )


class FaultPlan:
    """Draws, per request, which fault (if any) it gets, and counts them."""

    def __init__(self, faults: Faults) -> None:
        self.faults = faults
        self._random = random.Random(faults.seed)  # noqa: S311 - test faults, not security
        self.counts = {"error_before": 0, "error_after": 0, "throttle": 0, "drop_after": 0}

    def draw(self) -> str | None:
        roll = self._random.random()
        for kind in ("throttle", "error_before", "error_after", "drop_after"):
            share: float = getattr(self.faults, kind)
            if roll < share:
                self.counts[kind] += 1
                return kind
            roll -= share
        return None


class ConnectionDropped(httpx.RemoteProtocolError):
    """Raised by the emulator to break a connection after it acted on the request.

    Served over HTTP, the server closes the socket mid-response; in process,
    the httpx client sees this transport error, as it would a real drop.
    """

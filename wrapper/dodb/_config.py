"""Client settings: defaults, and the checks that refuse unsafe ones."""

from __future__ import annotations

import math
import os
from typing import Final

import httpx

from ._errors import ConfigurationError

TOKEN_ENV: Final = "DIGITALOCEAN_TOKEN"  # noqa: S105 - a variable name
DEFAULT_BASE_URL: Final = "https://api.digitalocean.com"
DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=10.0)
"""Per attempt: 10 s to connect, 30 s for each read, write or pool wait. (AsyncClient's
default sender bounds the whole attempt by connect + read, one timer, instead.)"""
DEFAULT_MAX_RETRIES: Final = 2
DEFAULT_DEADLINE: Final = 60.0
"""Per call, all attempts and waits included."""
_LOOPBACK_NAMES: Final = frozenset({"localhost"})


def resolve_token(token: str | None) -> str:
    """The token given, else DIGITALOCEAN_TOKEN; never empty."""
    if token is None:
        token = os.environ.get(TOKEN_ENV)
        if token is None or not token.strip():
            raise ConfigurationError(
                f"no API token: pass token=... or set the {TOKEN_ENV} environment variable"
            )
    if not isinstance(token, str) or not token.strip():
        raise ConfigurationError("token must be a non-empty string")
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in token.strip()):
        raise ConfigurationError("token must not contain spaces or control characters")
    for position, char in enumerate(token.strip()):
        if not char.isascii():
            # An HTTP header carries ASCII only; the message names the place, not the token.
            raise ConfigurationError(
                f"token must be ASCII text: character {position + 1} is U+{ord(char):04X}"
            )
    return token.strip()


def _is_loopback(host: str) -> bool:
    if host.lower() in _LOOPBACK_NAMES:
        return True
    import ipaddress  # only plain-http URLs get here

    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(base_url: str) -> str:
    """`base_url` without a trailing slash; https, or http only to a loopback host."""
    try:
        url = httpx.URL(base_url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise ConfigurationError(f"base_url is not a valid URL: {base_url!r} ({exc})") from None
    if url.scheme not in ("https", "http") or not url.host:
        raise ConfigurationError(f"base_url must be an http(s) URL with a host: {base_url!r}")
    if url.scheme == "http" and not _is_loopback(url.host):
        raise ConfigurationError(
            f"base_url {base_url!r} is plain http: the token would be sent unencrypted. "
            "Use https (plain http is allowed only for localhost, 127.0.0.0/8 and [::1])"
        )
    if url.query or url.fragment:
        raise ConfigurationError(f"base_url must not have a query or fragment: {base_url!r}")
    return str(url).rstrip("/")


def make_timeout(timeout: float | httpx.Timeout | None) -> httpx.Timeout:
    """An httpx.Timeout with every part set: waiting forever is never the default."""
    if isinstance(timeout, httpx.Timeout):
        parts = (timeout.connect, timeout.read, timeout.write, timeout.pool)
        if any(p is None for p in parts):
            raise ConfigurationError("timeout must bound connect, read, write and pool")
        if not all(p is not None and _positive_finite(p) for p in parts):
            raise ConfigurationError(f"timeout parts must be positive, finite seconds: {timeout}")
        return timeout
    if timeout is None or not _positive_finite(timeout):
        raise ConfigurationError(
            f"timeout must be a positive number of seconds or an httpx.Timeout, not {timeout!r}"
        )
    return httpx.Timeout(float(timeout))


def check_max_retries(max_retries: int) -> int:
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
        raise ConfigurationError(f"max_retries must be a whole number >= 0, not {max_retries!r}")
    return max_retries


def _positive_finite(value: object) -> bool:
    return (
        not isinstance(value, bool)
        and isinstance(value, int | float)
        and value > 0
        and math.isfinite(value)
    )


def check_deadline(deadline: float) -> float:
    if not _positive_finite(deadline):
        raise ConfigurationError(f"deadline must be a positive number of seconds, not {deadline!r}")
    return float(deadline)


DEFAULT_MAX_RESPONSE_SIZE: Final = 16 * 2**20
"""Bytes, once decompressed: thousands of users, and far below what a decompression bomb makes."""
DEFAULT_REQUESTS_PER_MINUTE: Final = 250
"""The API's documented burst limit per token; the client paces itself to it."""
READ_LAG: Final = 2.0
"""How long a 404 right after an unsure add is not trusted (the API may not show a new user yet)."""
RATE_LIMIT_PATIENCE: Final = 120.0
"""Per call, the most time spent waiting for the rate limit (outside the deadline)."""


def check_max_response_size(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1024:
        raise ConfigurationError(f"max_response_size must be a whole number >= 1024, not {value!r}")
    return value


def check_requests_per_minute(value: int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigurationError(
            f"requests_per_minute must be a whole number >= 1 or None, not {value!r}"
        )
    return value


class Settings:
    """How a client sends: per-attempt timeout, retries, the per-call deadline, and
    how long to wait out read lag and the rate limit."""

    __slots__ = (
        "deadline",
        "first_timeout",
        "longest_wait",
        "max_retries",
        "rate_limit_patience",
        "read_lag",
        "timeout",
    )

    def __init__(
        self,
        *,
        timeout: httpx.Timeout,
        max_retries: int,
        deadline: float,
        read_lag: float = READ_LAG,
        rate_limit_patience: float = RATE_LIMIT_PATIENCE,
    ) -> None:
        self.timeout = timeout
        self.max_retries = max_retries
        self.deadline = deadline
        self.read_lag = read_lag
        self.rate_limit_patience = rate_limit_patience
        parts = (timeout.connect, timeout.read, timeout.write, timeout.pool)
        self.longest_wait = max(p for p in parts if p is not None)
        """The longest any one timeout of an attempt can be."""
        self.first_timeout = self.attempt_timeout(deadline)
        """A first attempt's timeout, which has the whole deadline before it."""

    def attempt_timeout(self, remaining: float) -> httpx.Timeout:
        """The attempt's timeout, cut down so that no wait passes the deadline."""
        if remaining >= self.longest_wait:
            return self.timeout
        t = self.timeout
        return httpx.Timeout(
            connect=min(t.connect or remaining, remaining),
            read=min(t.read or remaining, remaining),
            write=min(t.write or remaining, remaining),
            pool=min(t.pool or remaining, remaining),
        )

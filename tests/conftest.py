from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
import pytest

pytest_plugins = ["dodb.pytest_plugin"]

_ROOT = Path(__file__).resolve().parent.parent


def stale_files() -> list[str]:
    """Source files whose installed copy differs: the tests would test old code."""
    sys.path.insert(0, str(_ROOT / "scripts"))
    try:
        from stale import stale_files as find
    finally:
        sys.path.pop(0)
    return find()


FROM_SOURCE = os.environ.get("DODB_TESTS_FROM_SOURCE") == "1"
"""Set by scripts/mutation.sh only: the tests import the (mutated) source tree it puts
on PYTHONPATH instead of the installed package, so the staleness check is off."""


def pytest_configure(config: pytest.Config) -> None:
    if FROM_SOURCE:
        return
    stale = stale_files()
    if stale:
        shown = ", ".join(stale[:5]) + (f" and {len(stale) - 5} more" if len(stale) > 5 else "")
        raise pytest.UsageError(
            f"the installed dodb is stale against the source tree ({shown}): "
            "run `bash scripts/setup.sh` (or `bash scripts/test.sh`) to reinstall"
        )


TOKEN = "test-token-0123456789abcdef-not-real"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(autouse=True)
def _no_ambient_token(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see DIGITALOCEAN_TOKEN only when they set it themselves."""
    monkeypatch.delenv("DIGITALOCEAN_TOKEN", raising=False)


Handler = Callable[[httpx.Request], httpx.Response]


class Recorder:
    """An httpx transport that answers from a handler and keeps every request it saw."""

    def __init__(self, handler: Handler) -> None:
        self.requests: list[httpx.Request] = []
        self._handler = handler

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self._handler(request)

    def sync_transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)

    def async_transport(self) -> httpx.MockTransport:
        async def handle(request: httpx.Request) -> httpx.Response:
            await request.aread()
            return self(request)

        return httpx.MockTransport(handle)


def json_response(status: int, body: Any, **headers: str) -> httpx.Response:
    return httpx.Response(
        status,
        content=json.dumps(body).encode(),
        headers={"content-type": "application/json", **headers},
    )


def sync_client(handler: Handler, **options: Any) -> tuple[Any, Recorder]:
    """A dodb.Client whose requests go to `handler`, and the recorder of what it sent."""
    from dodb import Client

    recorder = Recorder(handler)
    http = httpx.Client(transport=recorder.sync_transport())
    options.setdefault("requests_per_minute", None)  # pacing has tests of its own
    return Client(TOKEN, http_client=http, **options), recorder


def async_client(handler: Handler, **options: Any) -> tuple[Any, Recorder]:
    from dodb import AsyncClient

    recorder = Recorder(handler)
    http = httpx.AsyncClient(transport=recorder.async_transport())
    options.setdefault("requests_per_minute", None)
    return AsyncClient(TOKEN, http_client=http, **options), recorder


USER = {"user": {"name": "app-01", "role": "normal", "password": "jge5lfxtzhx42iff"}}


def user_named_by(request: httpx.Request) -> dict[str, Any]:
    """USER, renamed to the user the request is about (its path, or an add's body):
    an answer about another user is refused, as it must be. A list holds USER."""
    segments = request.url.raw_path.split(b"?")[0].split(b"/")
    if segments[-1] == b"users" and request.method == "GET":
        return {"users": [USER["user"]]}
    if segments[-1] == b"users":
        name = json.loads(request.content)["name"]
    else:
        name = unquote((segments[-2] if segments[-1] == b"reset_auth" else segments[-1]).decode())
    return {"user": {**USER["user"], "name": name}}


def pytest_terminal_summary(terminalreporter: Any) -> None:
    from tests.support.figures import FIGURES

    if FIGURES:
        terminalreporter.section("figures measured by the tests")
        for line in FIGURES:
            terminalreporter.write_line(line)


LONGEST_REAL_WAIT = 1.0
"""A client in a test may really sleep for a short backoff, never for a rate-limit wait."""


@pytest.fixture(autouse=True)
def _no_real_rate_limit_waits(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every client a test builds fails the test if it really waits a second or more
    (a 429's retry-after, the pacer): such waits are for a fake clock or sleep. A test
    that sets `client._sleep` itself replaces this guard; the few marked `real_time`
    (the chaos and bulk runs against a served emulator, whose limits keep wall-clock
    time) are exempt, and say why."""
    if request.node.get_closest_marker("real_time") is not None:
        return
    import asyncio
    import time

    from dodb import _async_client, _client

    def guarded(real: Any) -> Any:
        def check(seconds: float) -> None:
            if seconds >= LONGEST_REAL_WAIT:
                pytest.fail(f"a client really waited {seconds} s: give it a fake sleep")

        if asyncio.iscoroutinefunction(real):

            async def wait_async(seconds: float) -> None:
                check(seconds)
                await real(seconds)

            return wait_async

        def wait(seconds: float) -> None:
            check(seconds)
            real(seconds)

        return wait

    for module, real in ((_client, time.sleep), (_async_client, asyncio.sleep)):
        cls = module.Client if module is _client else module.AsyncClient
        original = cls.__init__

        def init(
            self: Any, *args: Any, __original: Any = original, __real: Any = real, **kw: Any
        ) -> None:
            __original(self, *args, **kw)
            if self._sleep is __real:
                self._sleep = guarded(__real)

        monkeypatch.setattr(cls, "__init__", init)

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

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

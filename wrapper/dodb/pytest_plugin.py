"""pytest fixtures backed by the dodb emulator.

Enable with `pytest_plugins = ["dodb.pytest_plugin"]`.

`dodb_emulator` is a fresh emulator per test; `dodb_client` and
`dodb_async_client` are clients wired to it in process (no socket, no token).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from dodb import AsyncClient, Client
    from dodb.emulator import Emulator


@pytest.fixture
def dodb_emulator() -> Iterator[Emulator]:
    from dodb.emulator import Emulator

    with Emulator() as emulator:
        yield emulator


@pytest.fixture
def dodb_client(dodb_emulator: Emulator) -> Iterator[Client]:
    with dodb_emulator.client() as client:
        yield client


@pytest.fixture
async def dodb_async_client(dodb_emulator: Emulator) -> AsyncIterator[AsyncClient]:
    async with dodb_emulator.async_client() as client:
        yield client

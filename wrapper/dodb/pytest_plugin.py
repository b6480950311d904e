"""pytest fixtures backed by the dodb emulator.

Enable with `pytest_plugins = ["dodb.pytest_plugin"]`.

`dodb_emulator` is a fresh emulator per test; `dodb_client` and
`dodb_async_client` are clients wired to it in process (no socket, no token).
`dodb_postgres_client` is a client of `dodb_postgres_emulator`, whose PostgreSQL
clusters are real servers (the `postgres` extra; skipped, saying so, without it):
one emulator for the whole session, since a server takes a second to start, so
its users outlive each test.
Every fixture here is a plain (sync) fixture, so they work the same under
pytest-asyncio (strict or auto mode), anyio's plugin, or none: the async
client needs no event loop to be built, and is closed after the test.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from dodb import AsyncClient, Client
    from dodb.emulator import Emulator


_ONCE_PER_RUN: Any = pytest.Session.__name__.lower()
"""pytest's scope of one fixture value for the whole test run (its `Session`)."""


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
def dodb_async_client(dodb_emulator: Emulator) -> Iterator[AsyncClient]:
    client = dodb_emulator.async_client()
    yield client
    # In process there is no socket to close, only the client's own state; the test's
    # event loop is gone by now, so this runs on a loop of its own.
    asyncio.run(client.close())


@pytest.fixture(scope=_ONCE_PER_RUN)
def dodb_postgres_emulator() -> Iterator[Emulator]:
    try:
        from dodb.emulator import Emulator, PostgresUnavailable
    except ModuleNotFoundError as missing:
        pytest.skip(f"{missing} (the postgres extra: pip install 'dodb[postgres]')")
    try:
        emulator = Emulator(postgres=True)
    except PostgresUnavailable as unavailable:
        pytest.skip(str(unavailable))
    with emulator:
        yield emulator


@pytest.fixture
def dodb_postgres_client(dodb_postgres_emulator: Emulator) -> Iterator[Client]:
    with dodb_postgres_emulator.client() as client:
        yield client

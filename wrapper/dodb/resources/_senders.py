"""How generated calls reach a client: the hooks every bound resource has."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, Protocol, TypeVar

from .. import _calls as calls
from .._calls import Call
from .._provision import Flow

C = TypeVar("C")
T = TypeVar("T")


class Sender(Protocol):
    def _send(self, call: Call[T]) -> T: ...

    def _drive(self, flow: Flow) -> Any: ...


class AsyncSender(Protocol):
    async def _send(self, call: Call[T]) -> T: ...

    async def _drive(self, flow: Flow) -> Any: ...


class Hooks:
    """Sends a generated call's request through the client it is bound to."""

    def __init__(self, client: Sender) -> None:
        self._client = client

    def _official(
        self, name: str, path: tuple[object, ...], body: object, query: Mapping[str, object]
    ) -> Any:
        return self._client._send(calls.official(name, path, body, query))

    def _typed(
        self,
        name: str,
        path: tuple[object, ...],
        fields: Mapping[str, object],
        options: Mapping[str, object],
        query: Mapping[str, object],
    ) -> Any:
        return self._client._send(calls.typed(name, path, fields, options, query))

    def _resource(self, cls: type[C]) -> C:
        bound: Any = bind(_any(cls), Hooks)
        made: C = bound(self._client)
        return made


class AsyncHooks:
    """`Hooks`, awaited."""

    def __init__(self, client: AsyncSender) -> None:
        self._client = client

    async def _official(
        self, name: str, path: tuple[object, ...], body: object, query: Mapping[str, object]
    ) -> Any:
        return await self._client._send(calls.official(name, path, body, query))

    async def _typed(
        self,
        name: str,
        path: tuple[object, ...],
        fields: Mapping[str, object],
        options: Mapping[str, object],
        query: Mapping[str, object],
    ) -> Any:
        return await self._client._send(calls.typed(name, path, fields, options, query))

    def _resource(self, cls: type[C]) -> C:
        bound: Any = bind(_any(cls), AsyncHooks)
        made: C = bound(self._client)
        return made


@cache
def bind(generated: Any, hooks: type) -> type:
    """A class with the generated calls and the hooks that send them (hooks first)."""
    return type(generated.__name__, (hooks, generated), {"__module__": generated.__module__})


def _any(value: object) -> Any:
    return value

"""What a resource needs from its client: a way to send a Call."""

from __future__ import annotations

from typing import Protocol, TypeVar

from .._calls import Call

T = TypeVar("T")


class Sender(Protocol):
    def _send(self, call: Call[T]) -> T: ...


class AsyncSender(Protocol):
    async def _send(self, call: Call[T]) -> T: ...

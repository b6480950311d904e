"""What a resource needs from its client: a way to send a Call, and to carry out a flow."""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from .._calls import Call
from .._errors import DodbError
from .._provision import Flow, Wait

T = TypeVar("T")


class Sender(Protocol):
    def _send(self, call: Call[T]) -> T: ...

    def _sleep(self, seconds: float) -> None: ...


class AsyncSender(Protocol):
    async def _send(self, call: Call[T]) -> T: ...

    async def _sleep(self, seconds: float) -> None: ...


def drive(client: Sender, flow: Flow) -> Any:
    """Carry out a flow's calls (`_provision`) one by one; its return value is the result."""
    try:
        call = next(flow)
        while True:
            if isinstance(call, Wait):
                client._sleep(call.seconds)
                call = flow.send(None)
                continue
            try:
                result = client._send(call)
            except DodbError as exc:
                call = flow.throw(exc)
            else:
                call = flow.send(result)
    except StopIteration as done:
        return done.value


async def drive_async(client: AsyncSender, flow: Flow) -> Any:
    """`drive`, awaiting each call."""
    try:
        call = next(flow)
        while True:
            if isinstance(call, Wait):
                await client._sleep(call.seconds)
                call = flow.send(None)
                continue
            try:
                result = await client._send(call)
            except DodbError as exc:
                call = flow.throw(exc)
            else:
                call = flow.send(result)
    except StopIteration as done:
        return done.value

"""The I/O of a call: one call performed, the driver of `BaseClient._execute`, and
reading an httpx answer through the one body reader.

This is the one place the I/O is written. `dodb/_sync/_io.py` is derived from
it by `scripts/generate.sh` (unasync: `async` and `await` dropped, the async
names replaced by their sync twins); a test keeps the two in step.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import httpx

from .._base import Free, Hold
from .._body import BodyReader, UndecodableBody, content_encoding, held
from .._errors import BodyTooLarge, ClientStateError, DodbError
from .._retry import Done, Outcome, Send, Sleep, succeeded

if TYPE_CHECKING:
    from .._base import AsyncDriven, Steps
    from .._calls import Call


async def perform(client: AsyncDriven, call: Call[Any]) -> Any:
    """One call on its own; its result, or its typed error.

    Its first attempt goes out at once, and a success (most calls) ends the call
    there: no plan is started and no step is yielded. Anything else goes on by the
    call's plan, carried out by `drive`. A call made one at a time per cluster holds
    its lock throughout."""
    lock = None
    if call.exclusive is not None and client._shared.serialize:
        lock = client._lock(call.exclusive)
        await lock.acquire()
    try:
        waited = client._pace()
        if waited > 0:
            await client._sleep(waited)
        send, started = client._first(call)
        outcome: Outcome
        try:  # `attempt`'s, written out: one frame fewer on the path of every call
            outcome = await client._request(send, started + send.budget)
        except Exception as exc:  # what it stands for, or raised again
            outcome = failure(client, send, exc)
        if succeeded(outcome):
            return client._result(call, Done(outcome, 1))
        return await drive(client, client._go_on(call, outcome, started, waited))
    finally:
        if lock is not None:
            lock.release()


async def attempt(client: AsyncDriven, step: Send, ends: float) -> Outcome:
    """One request, held to `ends` (monotonic) and to `max_response_size` by the
    client's `_request`: its response, or its transport error (see `failure`)."""
    try:
        return await client._request(step, ends)
    except Exception as exc:  # what it stands for, or raised again
        return failure(client, step, exc)


def failure(client: AsyncDriven, step: Send, exc: Exception) -> Outcome:
    """The outcome an attempt's exception stands for. A dodb error of the I/O itself
    (an answer past the size limit, a closed client) is raised, as is anything else."""
    if isinstance(exc, TimeoutError):
        # A server that trickles its answer a byte at a time does not stretch it.
        return httpx.ReadTimeout("the call's deadline passed mid-request")
    if isinstance(exc, httpx.TransportError):
        return exc
    if isinstance(exc, httpx.DecodingError | UndecodableBody):
        return httpx.RemoteProtocolError(f"undecodable body: {exc}")
    if isinstance(exc, BodyTooLarge):
        raise client._too_large(step.call) from None
    raise exc


async def drive(client: AsyncDriven, steps: Steps) -> Any:
    """Perform the I/O steps of `client._execute(flow)` (or of one call's); return the result.

    A request (`Send`) is made by `attempt`, held to the time the call has left:
    the client's `_request` bounds it (on the wall clock; or, for dodb's own sync
    transport, every socket operation by it), and the body is read by the one body
    reader. Its response, or its transport error, goes back to the plan. A dodb error
    of the I/O itself (an answer past the size limit, a closed client) is thrown
    back in, so the flow hears of it as of any failed call. Locks taken by `Hold` are
    released by `Free`, or here if the call ends in an error or is cancelled midway."""
    held_locks: list[Any] | None = None
    outcome: Outcome = None
    error: DodbError | None = None
    try:
        while True:
            try:
                step = steps.send(outcome) if error is None else steps.throw(error)
            except StopIteration as done:
                return done.value
            outcome, error = None, None
            if isinstance(step, Send):
                try:
                    outcome = await attempt(client, step, time.monotonic() + step.budget)
                except DodbError as exc:  # the flow hears of it
                    error = exc
            elif isinstance(step, Sleep):
                await client._sleep(step.seconds)
            elif isinstance(step, Hold):
                lock = client._lock(step.key)
                await lock.acquire()
                held_locks = held_locks or []
                held_locks.append(lock)
            elif isinstance(step, Free) and held_locks:
                held_locks.pop().release()
    finally:
        for lock in held_locks or ():
            lock.release()


async def read_httpx(
    http: httpx.AsyncClient, args: dict[str, Any], limit: int, ends: float
) -> httpx.Response:
    """A request through an httpx client, its body read by the one body reader: decoded
    in bounded steps, refused past `limit` bytes, and given up at `ends` (monotonic)."""
    if http.is_closed:
        raise ClientStateError("the client has been closed")
    response = await http.send(http.build_request(**args), stream=True, follow_redirects=False)
    try:
        if held(response, limit) is not None:
            return response
        body = BodyReader(content_encoding(response.headers.raw), limit)
        async for part in response.aiter_raw():
            if time.monotonic() > ends:
                raise httpx.ReadTimeout("the call's deadline passed mid-response")
            body.feed(part)
        response._content = body.finish()
    finally:
        await response.aclose()
    return response

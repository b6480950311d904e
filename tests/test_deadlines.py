"""The one timer behind every async attempt's deadline: who is cancelled, when, and
that nobody else's cancellation is taken for a timeout."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator

import httpx
import pytest

from dodb import ClientStateError
from dodb._aiohttp import AiohttpSender
from dodb._deadlines import Deadlines

TIMEOUT = httpx.Timeout(10.0)


@pytest.fixture
def silent_server() -> Iterator[tuple[str, socket.socket]]:
    """A loopback server that never answers: connections wait in its backlog."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.2)
    yield f"http://127.0.0.1:{server.getsockname()[1]}", server
    server.close()


def test_an_expired_request_is_cancelled_and_the_cancellation_withdrawn() -> None:
    async def go() -> tuple[bool, int, float]:
        deadlines = Deadlines(asyncio.get_running_loop())
        task = asyncio.current_task()
        assert task is not None
        started = time.monotonic()
        watch = deadlines.watch(0.05)
        with pytest.raises(asyncio.CancelledError):
            await asyncio.sleep(5)
        took = time.monotonic() - started
        timed_out = watch.timed_out()
        deadlines.done(watch)
        await asyncio.sleep(0)  # the task goes on as if never cancelled
        return timed_out, task.cancelling(), took

    timed_out, cancelling, took = asyncio.run(go())
    assert timed_out
    assert cancelling == 0
    assert 0.04 < took < 1.0


def test_each_request_ends_at_its_own_deadline_even_one_nearer_than_the_timer() -> None:
    async def go() -> dict[str, float]:
        loop = asyncio.get_running_loop()
        deadlines = Deadlines(loop)
        ended: dict[str, float] = {}
        started = loop.time()

        async def request(name: str, seconds: float) -> None:
            watch = deadlines.watch(seconds)
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                assert watch.timed_out()
                ended[name] = loop.time() - started
            finally:
                deadlines.done(watch)

        slow = asyncio.create_task(request("slow", 1.0))
        await asyncio.sleep(0.02)  # the timer is set for `slow`'s deadline by now
        await asyncio.gather(slow, request("soon", 0.1), request("middle", 0.3))
        return ended

    ended = asyncio.run(go())
    # Each ends at its own deadline, not at the one the timer was first set for.
    assert 0.1 <= ended["soon"] < 0.5
    assert 0.3 <= ended["middle"] < 0.8
    assert 1.0 <= ended["slow"] < 1.8


def test_a_request_done_in_time_is_never_cancelled_and_not_kept() -> None:
    async def go() -> int:
        deadlines = Deadlines(asyncio.get_running_loop())
        watch = deadlines.watch(0.05)
        await asyncio.sleep(0)
        deadlines.done(watch)
        await asyncio.sleep(0.15)  # past the deadline: the timer fires and finds nobody
        assert not watch.expired
        return len(deadlines._watched)

    assert asyncio.run(go()) == 0


def test_a_cancellation_asked_by_someone_else_is_not_a_timeout() -> None:
    async def go() -> bool:
        deadlines = Deadlines(asyncio.get_running_loop())
        outer = asyncio.current_task()
        assert outer is not None
        watch = deadlines.watch(0.05)
        asyncio.get_running_loop().call_at(watch.when, outer.cancel)  # theirs, at the same time
        with pytest.raises(asyncio.CancelledError):
            await asyncio.sleep(5)
        assert watch.expired
        timed_out = watch.timed_out()
        assert watch.timed_out() is timed_out  # asked again: withdrawn once only
        deadlines.done(watch)
        assert outer.cancelling() == 1  # theirs still stands
        outer.uncancel()
        return timed_out

    assert asyncio.run(go()) is False


def test_a_deadline_is_watched_only_inside_a_task() -> None:
    async def go() -> None:
        loop = asyncio.get_running_loop()
        deadlines = Deadlines(loop)
        outside: asyncio.Future[BaseException] = loop.create_future()

        def callback() -> None:  # a loop callback runs in no task
            try:
                deadlines.watch(1.0)
            except ClientStateError as exc:  # a DodbError, and a RuntimeError as before
                outside.set_result(exc)

        loop.call_soon(callback)
        assert "inside an asyncio task" in str(await outside)

    asyncio.run(go())


def test_an_attempt_that_never_got_a_connection_is_a_connect_timeout(
    silent_server: tuple[str, socket.socket],
) -> None:
    """Waiting for the pool's one connection, held by a request with no answer: the
    second request's deadline ends it as a connect timeout, nothing sent (the retry
    plan may send it again without asking whether it was done)."""
    url, server = silent_server

    async def go() -> tuple[BaseException, int]:
        sender = AiohttpSender(max_connections=1)
        holder = asyncio.create_task(sender.request("GET", url + "/a", None, TIMEOUT, 5.0))
        await asyncio.sleep(0.1)
        started = time.monotonic()
        with pytest.raises(httpx.ConnectTimeout) as caught:
            await sender.request("GET", url + "/b", None, TIMEOUT, 0.2)
        took = time.monotonic() - started
        assert 0.15 < took < 1.5
        task = asyncio.current_task()
        assert task is not None
        holder.cancel()
        with pytest.raises(asyncio.CancelledError):
            await holder  # someone else's cancellation goes on as one
        await sender.aclose()
        return caught.value, task.cancelling()

    error, cancelling = asyncio.run(go())
    assert "0.2 s" in str(error)
    assert cancelling == 0
    first, _ = server.accept()
    with first:
        assert first.recv(4096).startswith(b"GET /a ")
    with pytest.raises(TimeoutError):
        server.accept()  # the second request never had a connection


@pytest.mark.slow
def test_an_attempt_with_no_answer_is_a_read_timeout_and_an_outer_timeout_stays_the_callers(
    silent_server: tuple[str, socket.socket],
) -> None:
    url, _ = silent_server

    async def go() -> None:
        sender = AiohttpSender()
        started = time.monotonic()
        with pytest.raises(httpx.ReadTimeout, match=r"0\.3 s"):
            await sender.request("GET", url + "/a", None, TIMEOUT, 0.3)
        assert 0.25 < time.monotonic() - started < 1.5
        # The caller's own, shorter timeout is theirs: a TimeoutError, not dodb's.
        with pytest.raises(TimeoutError) as caught:
            async with asyncio.timeout(0.2):
                await sender.request("GET", url + "/b", None, TIMEOUT, 1.0)
        assert not isinstance(caught.value, httpx.TimeoutException)
        # connect + read bounds an attempt when it is nearer than the deadline.
        started = time.monotonic()
        with pytest.raises(httpx.ReadTimeout):
            await sender.request("GET", url + "/c", None, httpx.Timeout(0.1, connect=0.2), 30.0)
        assert 0.25 < time.monotonic() - started < 1.5
        await sender.aclose()

    asyncio.run(go())

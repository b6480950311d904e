"""What the sync and async clients share: settings, state, and every non-I/O step.

A call's first attempt (`_first`), the rest of it by its retry plan when that
attempt is not a success (`_go_on`), and `_execute`, which carries out a flow
(`ensure`'s, `apply`'s) call by call, yielding only what needs I/O: `Send`,
`Sleep`, and `Hold` / `Free` of a per-cluster lock. The clients' shared I/O
(`_async/_io.py` and its derived sync twin) performs them: `perform` for a call
on its own, `drive` for steps. Everything else, the pacing, the counting,
turning the plan's ending into the caller's result or error, is here, once.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Awaitable, Generator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, Self, TypeAlias, TypeVar

import httpx

from ._body import ACCEPT_ENCODING
from ._config import (
    DEFAULT_MAX_RESPONSE_SIZE,
    Settings,
    check_base_url,
    check_deadline,
    check_max_response_size,
    check_max_retries,
    check_requests_per_minute,
    make_timeout,
    resolve_token,
)
from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    DodbError,
    ResponseTooLargeError,
)
from ._pacing import Pacer
from ._ratelimit import Heard, RateLimit, headers_of
from ._response import APIResponse, Undecodable, decode, parse_success, secret_names, status_error
from ._retry import Done, Failed, Outcome, Pace, Send, Sleep, first_attempt, plan, succeeded
from ._version import __version__

if TYPE_CHECKING:
    from ._calls import Call
    from ._provision import Flow

T = TypeVar("T")
logger = logging.getLogger("dodb")

_KEEP: Any = object()
_CONTENT_JSON = {"Content-Type": "application/json"}


class ClientStats:
    """What a client (and its `with_options` copies) did, for monitoring and tests.

    `requests`: HTTP requests sent, reconciliation lookups included.
    `retries`: requests sent again after a failure.
    `reconciliations`: lookups made after an add whose outcome was unsure.
    `confirmed`: unsure adds that the lookup found complete.
    """

    __slots__ = ("confirmed", "reconciliations", "requests", "retries")

    def __init__(self) -> None:
        self.requests = 0
        self.retries = 0
        self.reconciliations = 0
        self.confirmed = 0

    def __repr__(self) -> str:
        return (
            f"ClientStats(requests={self.requests}, retries={self.retries}, "
            f"reconciliations={self.reconciliations}, confirmed={self.confirmed})"
        )


def _has_credentials(response: httpx.Response) -> bool:
    """Whether an answer carries a credential (a property the spec marks `format: password`)."""
    names = secret_names()

    def found(value: Any) -> bool:
        if isinstance(value, dict):
            return any((k in names and v) or found(v) for k, v in value.items())
        return isinstance(value, list) and any(found(v) for v in value)

    try:
        return found(decode(response))
    except Undecodable:
        return False


class Hold(NamedTuple):
    """Take the lock of `key` (calls the spec makes one at a time per cluster)."""

    key: str


class Free(NamedTuple):
    """Release the lock of `key`, taken by the last `Hold` of it."""

    key: str


Step: TypeAlias = Send | Sleep | Hold | Free
Steps: TypeAlias = Generator[Step, Outcome, Any]


class _Performer(Protocol):
    """What both I/O modules need of a client, besides its I/O."""

    _shared: _Shared

    def _pace(self) -> float: ...

    def _first(self, call: Call[Any]) -> tuple[Send, float]: ...

    def _go_on(self, call: Call[Any], outcome: Outcome, started: float, waited: float) -> Steps: ...

    def _result(self, call: Call[Any], done: Done) -> Any: ...

    def _too_large(self, call: Call[Any]) -> ResponseTooLargeError: ...

    def _lock(self, key: str) -> Any: ...


class Driven(_Performer, Protocol):
    """What the sync I/O (`dodb._sync._io`) needs of a client."""

    def _request(self, step: Send, ends: float) -> httpx.Response: ...

    def _sleep(self, seconds: float) -> None: ...


class AsyncDriven(_Performer, Protocol):
    """What the async I/O (`dodb._async._io`) needs of a client."""

    def _request(self, step: Send, ends: float) -> Awaitable[httpx.Response]: ...

    async def _sleep(self, seconds: float) -> None: ...


class _Shared:
    """State a client shares with its `with_options` copies."""

    def __init__(
        self,
        requests_per_minute: int | None,
        serialize_user_changes: bool,
        max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE,
    ) -> None:
        self.max_response_size = max_response_size
        self.rates = Heard()
        self.stats = ClientStats()
        # The last response per thread (a sync client) or per asyncio task (an async
        # one). Held here, so that it dies with the client (or with its thread or
        # task), never kept by a caller's context: a ContextVar per client kept every
        # client's last response, and the passwords in it, alive for the thread's life.
        self.per_thread = threading.local()
        self.per_task: dict[object, APIResponse[Any] | None] = {}
        self.pacer = None if requests_per_minute is None else Pacer(requests_per_minute)
        self.serialize = serialize_user_changes
        self._locks: dict[Any, Any] = {}
        self._locks_lock = threading.Lock()

    def forget(self, task: object) -> None:
        """Drop a finished task's last response."""
        self.per_task.pop(task, None)

    def lock(self, key: Any, factory: Any) -> Any:
        """The one lock for `key`, made by `factory` on first use."""
        with self._locks_lock:
            found = self._locks.get(key)
            if found is None:
                found = self._locks[key] = factory()
            return found


class _Lazy:
    """A module's attributes, the module imported on first use: `dodb._calls` loads the
    generated layer, which `import dodb` does not. (An import statement in a function
    runs importlib's Python code on every call.)"""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        from importlib import import_module

        value = getattr(import_module(self._name, __package__), attr)
        setattr(self, attr, value)  # found as a plain attribute from now on
        return value


_calls: Any = _Lazy("._calls")


class BaseClient:
    """Settings and every non-I/O step of a call, shared by Client and AsyncClient."""

    def __init__(
        self,
        token: str | None,
        *,
        base_url: str,
        timeout: float | httpx.Timeout,
        max_retries: int,
        deadline: float,
        requests_per_minute: int | None,
        serialize_user_changes: bool,
        shared: _Shared | None,
        max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE,
    ) -> None:
        self._token = resolve_token(token)
        self.base_url = check_base_url(base_url)
        self.settings = Settings(
            timeout=make_timeout(timeout),
            max_retries=check_max_retries(max_retries),
            deadline=check_deadline(deadline),
        )
        self._shared = shared or _Shared(
            check_requests_per_minute(requests_per_minute),
            bool(serialize_user_changes),
            check_max_response_size(max_response_size),
        )
        self._headers = {
            "Authorization": f"Bearer {self._token}",
            "Accept": "application/json",
            "Accept-Encoding": ACCEPT_ENCODING,
            "User-Agent": f"dodb/{__version__}",
        }
        self._json_headers = {**self._headers, "Content-Type": "application/json"}

    def __repr__(self) -> str:
        s = self.settings
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, timeout={s.timeout.read}, "
            f"max_retries={s.max_retries}, deadline={s.deadline:g})"
        )

    @property
    def timeout(self) -> httpx.Timeout:
        return self.settings.timeout

    @property
    def max_retries(self) -> int:
        return self.settings.max_retries

    @property
    def deadline(self) -> float:
        return self.settings.deadline

    @property
    def rate_limit(self) -> RateLimit | None:
        """The rate limit reported by the last response this client received."""
        return self._shared.rates.rate_limit

    @property
    def last_response(self) -> APIResponse[Any] | None:
        """The last call made from this thread: status, headers, parsed body; None if
        that call failed (its error tells what came back) or had no answer to show (a
        delete found already done)."""
        found: APIResponse[Any] | None = getattr(self._shared.per_thread, "last", None)
        return found

    def _record(self, result: APIResponse[Any] | None) -> None:
        """Keep `result` as this thread's last response (an AsyncClient keeps it per task);
        None as a call begins."""
        self._shared.per_thread.last = result

    @property
    def stats(self) -> ClientStats:
        return self._shared.stats

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout = _KEEP,
        max_retries: int = _KEEP,
        deadline: float = _KEEP,
    ) -> Self:
        """A new client with other settings, sharing connections and state: per-call overrides.

        `client.with_options(max_retries=0, deadline=5).databases.users.get(...)`
        """
        s = self.settings
        return self._derive(
            timeout=s.timeout if timeout is _KEEP else timeout,
            max_retries=s.max_retries if max_retries is _KEEP else max_retries,
            deadline=s.deadline if deadline is _KEEP else deadline,
        )

    def _derive(self, *, timeout: float | httpx.Timeout, max_retries: int, deadline: float) -> Self:
        """A client of the same class, built by its constructor, on this one's connections."""
        build: Any = type(self)
        clone: Self = build(
            self._token,
            base_url=self.base_url,
            timeout=timeout,
            max_retries=max_retries,
            deadline=deadline,
            http_client=self._http,
            requests_per_minute=None,  # shared: the pacer and locks travel in _shared
            _shared=self._shared,
        )
        clone._owns_http = False
        clone._sleep = self._sleep
        return clone

    # Hooks for the subclasses -----------------------------------------------

    _owns_http: bool
    _http: Any
    _sleep: Any

    # What generated calls call (dodb_api.types.Sender) ------------------------------
    # `_send` and `_drive` are the subclass's: an AsyncClient's return awaitables, which
    # these hand back for the generated async call to await.

    def _send(self, call: Call[Any]) -> Any:
        raise NotImplementedError

    def _drive(self, flow: Flow) -> Any:
        raise NotImplementedError

    def _official(
        self, name: str, path: tuple[object, ...], body: object, query: Mapping[str, object]
    ) -> Any:
        return self._send(_calls.official(name, path, body, query))

    def _typed(
        self,
        name: str,
        path: tuple[object, ...],
        fields: Mapping[str, object],
        options: Mapping[str, object],
        query: Mapping[str, object],
    ) -> Any:
        return self._send(_calls.typed(name, path, fields, options, query))

    # The one execution path ----------------------------------------------------

    def _execute(self, flow: Flow) -> Steps:
        """Carry out `flow`: its pauses, and each call by its plan; returns its result.

        A call's error is thrown into the flow (which may recover, as `ensure` does
        from a refused add), after its lock is freed."""
        try:
            item = next(flow)
            while True:
                if isinstance(item, Sleep | Hold | Free):  # a flow's pause, or its own lock
                    yield item
                    item = flow.send(None)
                    continue
                key = item.exclusive if self._shared.serialize else None
                if key is not None:
                    yield Hold(key)
                try:
                    result = yield from self._call_steps(item)
                except DodbError as exc:
                    if key is not None:
                        yield Free(key)
                    item = flow.throw(exc)
                    continue
                if key is not None:
                    yield Free(key)
                item = flow.send(result)
        except StopIteration as done:
            return done.value

    def _call_steps(self, call: Call[T]) -> Generator[Step, Outcome, T]:
        """One call within a flow, as steps: paced, its first attempt, and the plan only
        if that attempt is not a success. (A call on its own is `perform`ed, the same way
        without the steps.)"""
        waited = self._pace()
        if waited > 0:
            yield Sleep(waited)
        send, started = self._first(call)
        outcome = yield send
        if succeeded(outcome):
            return self._result(call, Done(outcome, 1))
        return (yield from self._go_on(call, outcome, started, waited))

    def _first(self, call: Call[Any]) -> tuple[Send, float]:
        """The call's first attempt, counted, and when it starts (monotonic): the whole
        deadline is before it."""
        send = first_attempt(call, self.settings)
        self._count(send)
        # The call before is no longer the last: dropped now, while it is fresh in the
        # CPU's caches (dropped at this call's end, it is cold by then when many calls
        # are in flight), and not shown for a call that fails.
        self._record(None)
        return send, time.monotonic()

    def _go_on(
        self, call: Call[T], outcome: Outcome, started: float, waited: float
    ) -> Generator[Step, Outcome, T]:
        """The rest of a call whose first attempt (started at `started`, after waiting
        `waited` seconds for the pacer) was not a success: its plan's steps, paced,
        counted and logged; its result or error."""
        paced = self._shared.pacer is not None
        steps = plan(call, self.settings, paced=paced, sent=(outcome, started), waited=waited)
        last = outcome
        try:
            step = next(steps)
            while True:
                if type(step) is Send:
                    self._count(step)
                    last = yield step
                    step = steps.send(last)
                elif isinstance(step, Pace):
                    paced_for = self._pace()
                    if paced_for > 0:
                        yield Sleep(paced_for)
                    step = steps.send(paced_for)
                elif isinstance(step, Sleep):
                    self._note_wait(call, last, step.seconds)
                    self._throttled(step)
                    yield step
                    step = steps.send(None)
                else:
                    raise TypeError(f"a plan cannot yield {step!r}")
        except StopIteration as done:
            return self._result(call, done.value)
        except Failed as failed:
            error = self._error(call, failed)
            raise error from error.__cause__  # the transport error, if any; never Failed

    def _request_args(self, step: Send) -> dict[str, Any]:
        call = step.call
        return {
            "method": call.method,
            "url": self.base_url + call.path,
            "content": call.content,
            "headers": self._headers if call.content is None else self._json_headers,
            "timeout": step.timeout,
        }

    def _own_request_args(self, step: Send) -> dict[str, Any]:
        """For an httpx client built by dodb, which already holds the headers and timeout."""
        call = step.call
        args: dict[str, Any] = {"method": call.method, "url": self.base_url + call.path}
        if call.content is not None:
            args["content"] = call.content
            args["headers"] = _CONTENT_JSON
        if step.timeout is not self.settings.timeout:
            args["timeout"] = step.timeout
        return args

    # Carrying out the plan's decisions ---------------------------------------

    def _count(self, step: Send) -> None:
        stats = self._shared.stats
        stats.requests += 1
        if step.purpose == "retry":
            stats.retries += 1
        elif step.purpose == "lookup":
            stats.reconciliations += 1

    def _too_large(self, call: Call[Any]) -> ResponseTooLargeError:
        limit = self._shared.max_response_size
        return ResponseTooLargeError(
            f"{call.where} answered with more than {limit} bytes (max_response_size)"
        )

    def _pace(self) -> float:
        """Seconds to wait before the next request, by the client's rate budget."""
        pacer = self._shared.pacer
        return 0.0 if pacer is None else pacer.reserve()

    def _throttled(self, step: Sleep) -> None:
        if step.rate_limited and self._shared.pacer is not None:
            self._shared.pacer.throttled(step.seconds)

    def _note_wait(self, call: Call[Any], outcome: Any, seconds: float) -> None:
        if logger.isEnabledFor(logging.INFO):
            cause = (
                str(outcome.status_code)
                if isinstance(outcome, httpx.Response)
                else type(outcome).__name__
            )
            logger.info("%s: %s, retrying in %.2fs", call.where, cause, seconds)

    def _result(self, call: Call[T], done: Done) -> T:
        """The parsed result of the plan's successful ending, recorded as the last response."""
        response = done.response
        self._shared.rates.heard(headers_of(response))
        if done.gone:
            logger.info("%s: already gone after an unsure attempt", call.where)
            return call.read(None)
        if done.confirmed:
            self._shared.stats.confirmed += 1
            logger.info("%s: confirmed by looking it up", call.where)
            if not _has_credentials(response) and _has_credentials_in_spec(call):
                logger.warning(
                    "%s: the create was done, but the API did not return the password "
                    "on looking it up; resetting it (reset_auth) makes a new one",
                    call.where,
                )
        if logger.isEnabledFor(logging.DEBUG):
            status = response.status_code
            logger.debug("%s -> %d (attempt %d)", call.where, status, done.attempts)
        result = parse_success(call, response, done.attempts)
        self._record(result)
        return result.parsed

    def _error(self, call: Call[Any], failed: Failed) -> APIError:
        """The typed error for the plan's failed ending."""
        outcome, attempts = failed.outcome, failed.attempts
        if isinstance(outcome, httpx.Response):
            self._shared.rates.heard(headers_of(outcome))
            return status_error(call, outcome, attempts)
        if outcome is None:
            deadline = self.settings.deadline
            return APITimeoutError(
                f"{call.where} ran out of its {deadline:g} s deadline", attempts=attempts
            )
        result: APIConnectionError
        if isinstance(outcome, httpx.TimeoutException):
            kind = type(outcome).__name__
            result = APITimeoutError(f"{call.where} timed out ({kind})", attempts=attempts)
        else:
            text = f"{call.where} failed: {type(outcome).__name__}: {outcome}"
            result = APIConnectionError(text, attempts=attempts)
        result.__cause__ = outcome
        return result


def _has_credentials_in_spec(call: Call[Any]) -> bool:
    """Whether the operation's answer, by the spec, carries a credential."""
    from dodb_api.types import SECRET, ModelReader, schema_of

    op = call.op
    if op is None or op.result is None:
        return False
    seen: set[type] = set()

    def walk(model: Any) -> bool:
        if model in seen:
            return False
        seen.add(model)
        for prop in schema_of(model).props:
            reader: Any = prop.reader
            while reader.walk() is not None:  # an array's items
                reader = reader.walk()
            if reader is SECRET:
                return True
            if isinstance(reader, ModelReader) and walk(reader.model):
                return True
        return False

    return walk(op.result)

"""The emulator's HTTP face: a Starlette app with auth, rate limits and faults."""

from __future__ import annotations

import asyncio
import copy
import json
import uuid
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Final

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from dodb_api._facts import MODULES
from dodb_api.models import KafkaAcl, KafkaAclPermission
from dodb_api.types import EnumReader, load_operation, schema_of
from dodb_api.types import Operation as SpecOperation

from .._response import secret_names
from .._spec import credentials_scope, operation_scopes, success_example
from . import (
    _clusters,
    _config,
    _dbs,
    _firewall,
    _kafka,
    _logsinks,
    _migration,
    _opensearch,
    _pools,
    _replicas,
)
from ._faults import ConnectionDropped, FaultPlan, Faults
from ._ratelimit import RateLimiter, Verdict
from ._resource import Whole
from ._state import MONGODB, ApiError, Store

CREDENTIALS_SCOPE: Final = credentials_scope()
_NEEDED: Final = operation_scopes()
"""Each operation's scope, and the one that shows credentials: the spec's `security`."""
ALL_SCOPES: Final = frozenset({CREDENTIALS_SCOPE}.union(*_NEEDED.values()))
_SECRET_FIELDS: Final = secret_names()
"""The properties the spec marks as credentials (`format: password`): a user's
password and key, a cluster connection's password and URI."""

Backend = Callable[..., Any]
"""(store, the path's values in the spec's order, body, **query) -> what the answer's
envelope holds (the operation's `x-dodb-call` returns), or the whole answer if it
declares none or the backend says so (`_resource.Whole`)."""
EXAMPLE_HEADER: Final = "x-dodb-emulator"
"""Set to `example` on an answer made from the spec's example: no backend kept state."""
NOTE_HEADER: Final = "x-dodb-emulator-note"
"""What an answer promises that the emulator does not do (a pool's port is not served)."""


def _json(status: int, body: Any, headers: dict[str, str]) -> Response:
    content = b"" if body is None else json.dumps(body, separators=(",", ":")).encode()
    media = None if body is None else "application/json; charset=utf-8"
    return Response(content, status_code=status, headers=headers, media_type=media)


def _error(status: int, error_id: str, message: str, headers: dict[str, str]) -> Response:
    return _json(status, {"id": error_id, "message": message}, headers)


class _Dropped(Response):
    """Starts the answer, then breaks the connection: the request was acted on."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": self.raw_headers})
        await send({"type": "http.response.body", "body": self.body[:8], "more_body": True})
        raise ConnectionDropped("the emulator dropped the connection after acting on the request")


def _hide_credentials(payload: Any) -> Any:
    if isinstance(payload, dict):
        return {k: _hide_credentials(v) for k, v in payload.items() if k not in _SECRET_FIELDS}
    if isinstance(payload, list):
        return [_hide_credentials(v) for v in payload]
    return payload


def _realistic(
    faults: Faults, payload: Any, *, read: bool, one_user_read: bool, engine: str | None
) -> Any:
    """The answer as the real API shapes it (the realism profile); a copy."""
    users = []
    if isinstance(payload, dict):
        found = payload.get("user")
        users = [found] if isinstance(found, dict) else list(payload.get("users") or [])
    for user in users:
        if one_user_read and faults.get_omits_settings:
            user.pop("settings", None)
        if faults.blank_mongo_password and read and engine == MONGODB and "password" in user:
            user["password"] = ""
        settings = user.get("settings")
        if faults.normalise and isinstance(settings, dict):
            if settings.get("pg_allow_replication") is False:
                del settings["pg_allow_replication"]
            for item in settings.get("acl") or ():
                if item.get("permission") == KafkaAclPermission.PRODUCECONSUME.value:
                    item["permission"] = _PRODUCE_CONSUME
                item["kind"] = _ACL_KIND
            for item in settings.get("opensearch_acl") or ():
                item["kind"] = _ACL_KIND
    return payload


def _other_spelling(model: type[Any], field: str, value: str) -> str:
    """The first other spelling the spec lists (`x-dodb-spellings`) for an enum value."""
    reader = schema_of(model).by_name[field].reader
    assert isinstance(reader, EnumReader)
    return next(s for s, meant in reader.spellings.items() if meant == value)


_PRODUCE_CONSUME: Final = _other_spelling(
    KafkaAcl, "permission", KafkaAclPermission.PRODUCECONSUME.value
)
"""How the API may spell Kafka's produceconsume (the official provider reads it back)."""
_ACL_KIND: Final = "literal"
"""Stands for any field the server adds to an ACL item that the spec does not describe."""
MAX_BODY: Final = 64 * 1024
"""The largest request body the emulator reads; a user's body is a few hundred bytes."""
_CHANGE_TIME: Final = 0.05
"""How long an add or delete keeps its cluster busy (conflicting_changes)."""


class Gate:
    """Everything between the socket and the store: auth, limits, faults, encoding."""

    def __init__(
        self,
        store: Store,
        limiter: RateLimiter,
        faults: FaultPlan,
        tokens: Mapping[str, frozenset[str]] | None,
    ) -> None:
        self.store = store
        self.limiter = limiter
        self.faults = faults
        self.tokens = tokens
        self._busy: set[str] = set()

    def _scopes(self, request: Request) -> tuple[str, frozenset[str]] | None:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            return None
        if self.tokens is None:
            return token, ALL_SCOPES
        scopes = self.tokens.get(token)
        return None if scopes is None else (token, scopes)

    def _run(
        self,
        op: SpecOperation,
        path: tuple[str, ...],
        body: Any,
        query: Mapping[str, str],
    ) -> tuple[int, Any] | ApiError:
        """The operation's answer: from its backend, in the envelope and with the status
        its row declares; or, with no backend yet, the spec's example."""
        backend = BACKENDS.get(op.name)
        if backend is None:
            return op.success, success_example(op.facts.operation_id)
        try:
            # The query parameters the spec declares, by name; others are ignored.
            known = {k: v for k, v in query.items() if k in op.query_params} if query else {}
            payload = backend(self.store, *path, body, **known)
        except ApiError as exc:
            return exc
        if op.result is None:
            return op.success, None
        returns = op.facts.returns
        if returns is None or isinstance(payload, Whole):
            return op.success, payload
        return op.success, {returns: payload}

    async def handle(
        self, request: Request, needed: frozenset[str], path: tuple[str, ...], op: SpecOperation
    ) -> Response:
        plan = self.faults
        if plan.faults.latency:
            await asyncio.sleep(plan.faults.latency)
        headers = {"x-request-id": uuid.uuid4().hex}
        found = self._scopes(request)
        if found is None:
            return _error(401, "unauthorized", "Unable to authenticate you.", headers)
        token, scopes = found
        verdict = self.limiter.check(token)
        headers.update(_limit_headers(verdict))
        if not verdict.allowed:
            if verdict.retry_after is not None:
                headers["retry-after"] = str(verdict.retry_after)
            return _error(429, "too_many_requests", "API Rate limit exceeded.", headers)
        fault = plan.draw() if plan.faults.active else None
        if fault == "throttle":
            headers["retry-after"] = str(plan.faults.throttle_retry_after)
            return _error(429, "too_many_requests", "API Rate limit exceeded.", headers)
        if fault == "error_before":
            return _error(500, "server_error", "Unexpected server-side error", headers)
        if not needed <= scopes:
            missing = ", ".join(sorted(needed - scopes))
            return _error(
                403, "forbidden", f"You are not authorized to do this (needs {missing}).", headers
            )
        body: Any = None
        if request.method in ("POST", "PUT", "PATCH"):
            raw = bytearray()
            async for chunk in request.stream():
                raw.extend(chunk)
                if len(raw) > MAX_BODY:
                    message = f"The request body is larger than {MAX_BODY} bytes."
                    return _error(413, "request_entity_too_large", message, headers)
            try:
                body = json.loads(raw) if raw else {}
            except (ValueError, RecursionError):
                return _error(400, "bad_request", "The request body is not valid JSON.", headers)
        # Parsed only when there is a query (most requests have none).
        query: Mapping[str, str] = request.query_params if request.scope["query_string"] else {}
        cluster_id = path[0] if path else None
        realism = plan.faults
        changes = op.facts.one_at_a_time is not None
        if realism.conflicting_changes and changes and cluster_id is not None:
            if cluster_id in self._busy:
                return _error(
                    422,
                    "unprocessable_entity",
                    "Another change to this cluster's users is in progress; try again.",
                    headers,
                )
            self._busy.add(cluster_id)
            try:
                await asyncio.sleep(_CHANGE_TIME)
                result = self._run(op, path, body, query)
            finally:
                self._busy.discard(cluster_id)
        else:
            result = self._run(op, path, body, query)
        if isinstance(result, ApiError):
            return _error(result.status, result.error_id, result.message, headers)
        status, payload = result
        if realism.normalise or realism.get_omits_settings or realism.blank_mongo_password:
            cluster = self.store.clusters.get(cluster_id or "")
            payload = _realistic(
                realism,
                copy.deepcopy(payload),
                read=op.method == "GET",
                one_user_read=op.method == "GET" and op.facts.subject is not None,
                engine=cluster.spec.engine if cluster else None,
            )
        if CREDENTIALS_SCOPE not in scopes:
            payload = _hide_credentials(payload)
        if fault == "error_after":
            return _error(500, "server_error", "Unexpected server-side error", headers)
        if op.name not in BACKENDS:
            headers[EXAMPLE_HEADER] = "example"
        elif op.name in _pools.ROWS:
            headers[NOTE_HEADER] = _pools.NOT_SERVED
        response = _json(status, payload, headers)
        if fault == "drop_after":
            return _Dropped(response.body, status_code=status, headers=headers)
        return response


def _limit_headers(verdict: Verdict) -> dict[str, str]:
    return {
        "ratelimit-limit": str(verdict.limit),
        "ratelimit-remaining": str(verdict.remaining),
        "ratelimit-reset": str(verdict.reset),
    }


# Backends: (store, path params, body) -> the answer's content ------------------------

_USERS: Final[dict[str, Backend]] = {
    "databases_list_users": lambda store, cluster, body: store.list_users(cluster),
    "databases_add_user": lambda store, cluster, body: store.add_user(cluster, body),
    "databases_get_user": lambda store, cluster, name, body: store.get_user(cluster, name),
    "databases_update_user": lambda s, cluster, name, body: s.update_user(cluster, name, body),
    "databases_delete_user": lambda s, cluster, name, body: s.delete_user(cluster, name),
    "databases_reset_auth": lambda s, cluster, name, body: s.reset_auth(cluster, name, body),
}


def _gather(*groups: Mapping[str, Backend]) -> dict[str, Backend]:
    rows: dict[str, Backend] = {}
    for group in groups:
        twice = rows.keys() & group.keys()
        assert not twice, f"operations with two backends: {sorted(twice)}"
        rows.update(group)
    return rows


BACKENDS: Final[dict[str, Backend]] = _gather(
    _USERS,
    _clusters.ROWS,
    _replicas.ROWS,
    _dbs.ROWS,
    _pools.ROWS,
    _firewall.ROWS,
    _config.ROWS,
    _kafka.ROWS,
    _opensearch.ROWS,
    _logsinks.ROWS,
    _migration.ROWS,
)
"""The operations whose answers the store makes, by the API's rules (`_state.py` for
users, one module per resource group for the rest). Routing, status and envelope
are the spec's; every other operation of the spec answers with its example."""


def _specificity(op: SpecOperation) -> tuple[int, ...]:
    return tuple(int(part.startswith("{")) for part in op.path.split("/"))


def build_app(gate: Gate) -> Starlette:
    def route(op: SpecOperation) -> Route:
        needed = _NEEDED[op.facts.operation_id]

        async def endpoint(request: Request) -> Response:
            values = tuple(request.path_params[name] for name in op.path_params)
            return await gate.handle(request, needed, values, op)

        return Route(op.path, endpoint, methods=[op.method])

    # Every operation of the spec; at each segment, a literal is tried before a template
    # (`.../schema-registry/config` before `.../schema-registry/{subject_name}`).
    ops = sorted((load_operation(name) for name in MODULES), key=_specificity)
    routes = [route(op) for op in ops]

    async def not_found(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 404
        if status == 405:
            return _error(405, "method_not_allowed", "Method not allowed.", {})
        return _error(404, "not_found", "The resource you requested could not be found.", {})

    async def server_error(request: Request, exc: Exception) -> Response:
        # Whatever goes wrong inside, the answer keeps the API's JSON error shape.
        return _error(500, "server_error", "Unexpected server-side error", {})

    handlers: dict[Any, Callable[[Request, Exception], Awaitable[Response]]] = {
        404: not_found,
        405: not_found,
        500: server_error,
        Exception: server_error,
    }
    return Starlette(routes=routes, exception_handlers=handlers)

"""Every documented exchange, replayed from tests/cassettes through every way of calling."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml

import dodb
from dodb import AsyncClient, Client
from dodb._response import masked
from tests.conftest import TOKEN
from tests.support.cassettes import (
    CASSETTES,
    FAKE_PRIVATE_KEY,
    make_vcr,
    scrub_json,
    scrub_request,
    scrub_response,
    secrets_in,
)
from tests.support.make_cassettes import write_all

PEM_KEY = "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----"
CASSETTE_FILES = sorted(CASSETTES.glob("**/*.yaml"))
SPEC_EXAMPLES = [
    masked(example["value"])
    for example in yaml.safe_load(
        (Path(__file__).resolve().parent.parent / "openapi.yaml").read_text()
    )["components"]["examples"].values()
]
"""What a reference-style call may return: a response example of the spec, unchanged
but for its credentials, which cassettes hold scrubbed (checked against the spec, not
against the cassette the call replayed)."""


def exchanges() -> list[tuple[str, int, dict[str, Any]]]:
    found = []
    for path in sorted(CASSETTES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text())
        for index, interaction in enumerate(data["interactions"]):
            found.append((path.name, index, interaction))
    return found


EXCHANGES = exchanges()
IDS = [
    f"{name}:{i}:{x['request']['method']}:{x['response']['status']['code']}"
    for name, i, x in EXCHANGES
]


def parse_request(interaction: dict[str, Any]) -> tuple[str, str, str | None, str, Any]:
    """(method, cluster, username, operation, body) of a recorded request."""
    request = interaction["request"]
    parts = [unquote(p) for p in urlsplit(request["uri"]).path.split("/")]
    # ['', 'v2', 'databases', cluster, 'users', (username, ('reset_auth'))]
    cluster = parts[3]
    username = parts[5] if len(parts) > 5 else None
    method = request["method"]
    body = json.loads(request["body"]) if request["body"] else None
    if len(parts) == 7:
        operation = "reset_auth"
    elif username is None:
        operation = "list_users" if method == "GET" else "add_user"
    else:
        operation = {"GET": "get_user", "PUT": "update_user", "DELETE": "delete_user"}[method]
    return method, cluster, username, operation, body


def raw_args(cluster: str, username: str | None, body: Any) -> dict[str, Any]:
    args: dict[str, Any] = {"database_cluster_uuid": cluster}
    if username is not None:
        args["username"] = username
    if body is not None:
        args["body"] = body
    return args


def typed_call(
    operation: str, cluster: str, username: str | None, body: Any
) -> tuple[str, list[Any], dict[str, Any]]:
    """The typed method, positional and keyword arguments that send this request."""
    body = body or {}
    settings = body.get("settings", {})
    options: dict[str, Any] = {}
    if "mysql_settings" in body:
        options["mysql_auth_plugin"] = body["mysql_settings"]["auth_plugin"]
    if "pg_allow_replication" in settings:
        options["pg_allow_replication"] = settings["pg_allow_replication"]
    if "acl" in settings:
        options["kafka_acls"] = [(a["topic"], a["permission"]) for a in settings["acl"]]
    if "opensearch_acl" in settings:
        options["opensearch_acls"] = [
            (a["index"], a["permission"]) for a in settings["opensearch_acl"]
        ]
    mongo = settings.get("mongo_user_settings", {})
    if "databases" in mongo:
        options["mongo_databases"] = mongo["databases"]
    if "role" in mongo:
        options["mongo_role"] = mongo["role"]
    if "readonly" in body:
        options["readonly"] = body["readonly"]
    method = {
        "list_users": "list",
        "get_user": "get",
        "add_user": "add",
        "update_user": "update",
        "delete_user": "delete",
        "reset_auth": "reset_auth",
    }[operation]
    positional = [cluster, body["name"] if operation == "add_user" else username]
    if operation == "list_users":
        positional = [cluster]
    return method, positional, options


def assert_user_matches(user: dodb.DatabaseUser, expected: dict[str, Any]) -> None:
    """Every documented field of the JSON user arrived in the typed model."""
    assert user.name == expected["name"]
    assert user.role == expected.get("role")
    assert (user.password.reveal() if user.password else None) == expected.get("password")
    assert user.access_cert == expected.get("access_cert")
    assert (user.access_key.reveal() if user.access_key else None) == expected.get("access_key")
    mysql = expected.get("mysql_settings")
    assert (user.mysql_settings.auth_plugin if user.mysql_settings else None) == (
        mysql and mysql["auth_plugin"]
    )
    settings = expected.get("settings")
    if settings is None:
        assert user.settings is None
        return
    assert user.settings is not None
    assert user.settings.pg_allow_replication == settings.get("pg_allow_replication")
    acl = settings.get("acl")
    assert (
        None
        if user.settings.acl is None
        else [{"id": a.id, "topic": a.topic, "permission": a.permission} for a in user.settings.acl]
    ) == acl
    os_acl = settings.get("opensearch_acl")
    assert (
        None
        if user.settings.opensearch_acl is None
        else [{"index": a.index, "permission": a.permission} for a in user.settings.opensearch_acl]
    ) == os_acl
    mongo = settings.get("mongo_user_settings")
    got = user.settings.mongo_user_settings
    assert (
        None if got is None else {"databases": list(got.databases or []), "role": got.role}
    ) == mongo


def check_typed(result: Any, operation: str, expected: Any) -> None:
    if operation == "delete_user":
        assert result is None
    elif operation == "list_users":
        assert len(result) == len(expected["users"])
        for user, want in zip(result, expected["users"], strict=True):
            assert_user_matches(user, want)
    else:
        assert_user_matches(result, expected["user"])


def check_error(error: dodb.APIStatusError, interaction: dict[str, Any]) -> None:
    response = interaction["response"]
    body = json.loads(response["body"]["string"])
    assert error.status_code == response["status"]["code"]
    assert error.error_id == body["id"]
    assert error.message == body["message"]
    assert error.request_id == body.get("request_id", response["headers"]["x-request-id"][0])
    assert error.rate_limit is not None
    assert error.rate_limit.reset_at == int(response["headers"]["rateLimit-reset"][0])
    expected_class = {
        401: dodb.AuthenticationError,
        403: dodb.PermissionDeniedError,
        404: dodb.NotFoundError,
        422: dodb.UnprocessableEntityError,
        429: dodb.RateLimitError,
        500: dodb.InternalServerError,
    }[error.status_code]
    assert type(error) is expected_class
    if isinstance(error, dodb.RateLimitError):
        assert error.retry_after == 30
        assert error.rate_limit.remaining == 0


def expected_success(interaction: dict[str, Any]) -> Any:
    text = interaction["response"]["body"]["string"]
    return json.loads(text) if text else None


@pytest.mark.parametrize(("cassette", "index", "interaction"), EXCHANGES, ids=IDS)
@pytest.mark.parametrize("style", ["reference", "typed"])
def test_sync_replay(cassette: str, index: int, interaction: dict[str, Any], style: str) -> None:
    _, cluster, username, operation, body = parse_request(interaction)
    status = interaction["response"]["status"]["code"]
    with make_vcr().use_cassette(cassette), Client(TOKEN, max_retries=0) as client:
        if style == "reference":
            run = lambda: getattr(client.databases, operation)(**raw_args(cluster, username, body))  # noqa: E731
        else:
            name, args, kwargs = typed_call(operation, cluster, username, body)
            run = lambda: getattr(client.databases.users, name)(*args, **kwargs)  # noqa: E731
        if status >= 400:
            with pytest.raises(dodb.APIStatusError) as info:
                run()
            check_error(info.value, interaction)
            return
        result = run()
    expected = expected_success(interaction)
    if style == "reference":
        assert masked(result) in SPEC_EXAMPLES or (result is None and status == 204)
    else:
        check_typed(result, operation, expected)
    assert client.rate_limit is not None
    assert client.rate_limit.limit == 5000


@pytest.mark.anyio
@pytest.mark.parametrize(("cassette", "index", "interaction"), EXCHANGES, ids=IDS)
@pytest.mark.parametrize("style", ["reference", "typed"])
async def test_async_replay(
    cassette: str, index: int, interaction: dict[str, Any], style: str
) -> None:
    _, cluster, username, operation, body = parse_request(interaction)
    status = interaction["response"]["status"]["code"]
    with make_vcr().use_cassette(cassette):
        async with AsyncClient(TOKEN, max_retries=0) as client:
            if style == "reference":
                call = getattr(client.databases, operation)(**raw_args(cluster, username, body))
            else:
                name, args, kwargs = typed_call(operation, cluster, username, body)
                call = getattr(client.databases.users, name)(*args, **kwargs)
            if status >= 400:
                with pytest.raises(dodb.APIStatusError) as info:
                    await call
                check_error(info.value, interaction)
                return
            result = await call
    expected = expected_success(interaction)
    if style == "reference":
        assert masked(result) in SPEC_EXAMPLES or (result is None and status == 204)
    else:
        check_typed(result, operation, expected)


def test_every_operation_and_status_is_covered() -> None:
    seen = {(parse_request(x)[3], x["response"]["status"]["code"]) for _, _, x in EXCHANGES}
    operations = ["list_users", "add_user", "get_user", "update_user", "delete_user", "reset_auth"]
    success = {
        "list_users": 200,
        "add_user": 201,
        "get_user": 200,
        "update_user": 201,
        "delete_user": 204,
        "reset_auth": 200,
    }
    for op in operations:
        for status in [success[op], 401, 403, 404, 422, 429, 500]:
            assert (op, status) in seen, (op, status)
    add_names = {
        parse_request(x)[4]["name"]
        for _, _, x in EXCHANGES
        if parse_request(x)[3] == "add_user" and x["response"]["status"]["code"] == 201
    }
    assert add_names == {"app-01", "app-02", "app-03", "app-04", "app-05", "app-06"}


def test_replay_cannot_reach_the_network() -> None:
    """Record mode `none`: a request with no recorded exchange fails instead of going out."""
    from vcr.errors import CannotOverwriteExistingCassetteException

    cassette = make_vcr().use_cassette("databases_get_user.yaml")
    client = Client(TOKEN, max_retries=0)
    with cassette, client, pytest.raises(CannotOverwriteExistingCassetteException):
        client.databases.get_user("ab7bb7a", "someone-not-recorded")


def test_cassettes_say_where_they_came_from() -> None:
    for path in CASSETTE_FILES:
        data = yaml.safe_load(path.read_text())
        assert data["metadata"]["origin"], path
        assert len(data["metadata"]["exchanges"]) == len(data["interactions"]), path


def test_committed_cassettes_match_the_spec_examples(tmp_path: Path) -> None:
    for fresh in write_all(tmp_path):
        assert fresh.read_text() == (CASSETTES / fresh.name).read_text(), (
            f"{fresh.name} is stale: run `python -m tests.support.make_cassettes`"
        )


@pytest.mark.parametrize("path", CASSETTE_FILES, ids=[p.name for p in CASSETTE_FILES])
def test_cassette_holds_no_secret(path: Path) -> None:
    assert secrets_in(path.read_text()) == []


def test_secret_check_finds_an_unscrubbed_cassette() -> None:
    dirty = {
        "interactions": [
            {
                "request": {
                    "method": "GET",
                    "uri": "https://api.digitalocean.com/v2/databases/x/users/y",
                    "body": None,
                    "headers": {"Authorization": ["Bearer dop_v1_" + "ab12" * 16]},
                },
                "response": {
                    "status": {"code": 200, "message": "OK"},
                    "headers": {},
                    "body": {
                        "string": json.dumps(
                            {
                                "user": {
                                    "name": "y",
                                    "password": "realpassword1234",
                                    "access_key": PEM_KEY,
                                }
                            }
                        )
                    },
                },
            }
        ],
        "version": 1,
    }
    found = secrets_in(yaml.safe_dump(dirty))
    assert "request Authorization header" in found
    assert "response body password or access_key" in found
    assert "a private key" in found
    assert any(f.startswith("dop_v1_") for f in found)


def test_scrub_filters_are_idempotent() -> None:
    from vcr.request import Request

    user = {
        "user": {
            "name": "a",
            "password": "s3cr3tpassword00",
            "access_key": "-----BEGIN PRIVATE KEY-----\nX\n-----END PRIVATE KEY-----",
        }
    }
    once = scrub_json(user)
    assert once["user"]["password"] != "s3cr3tpassword00"
    assert once["user"]["access_key"] == FAKE_PRIVATE_KEY
    assert scrub_json(once) == once

    request = Request(
        "GET", "https://api.digitalocean.com/v2/x", None, {"Authorization": f"Bearer {TOKEN}"}
    )
    first = scrub_request(request)
    assert first.headers["Authorization"] == "Bearer REDACTED"
    assert scrub_request(first).headers["Authorization"] == "Bearer REDACTED"

    response = {
        "status": {"code": 200, "message": "OK"},
        "headers": {"Set-Cookie": ["session=abc"], "x-request-id": ["r"]},
        "body": {"string": json.dumps(user).encode()},
    }
    scrubbed = scrub_response(response)
    assert "Set-Cookie" not in scrubbed["headers"]
    again = scrub_response(
        json.loads(
            json.dumps({**scrubbed, "body": {"string": scrubbed["body"]["string"].decode()}})
        )
    )
    assert json.loads(again["body"]["string"]) == json.loads(scrubbed["body"]["string"])

"""The emulator's engine rules as a table: every engine option, on every engine, for
add, update and reset_auth, sent raw (past every check of the client), answered as the
API documents it.

The expectations are written out here, from the API reference and not from the
emulator's code: an option belongs to one engine and the others refuse it (422);
no user operation works on Valkey (422); update takes only `settings`, reset_auth only
`mysql_settings` (a body field a request does not take is refused, 422).
"""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

import httpx
import pytest

from dodb.emulator import CLUSTER_IDS, Emulator

ENGINES = ("pg", "mysql", "valkey", "mongodb", "kafka", "opensearch")
OPTIONS: dict[str, tuple[str, dict[str, Any]]] = {
    "mysql_auth_plugin": ("mysql", {"mysql_settings": {"auth_plugin": "mysql_native_password"}}),
    "pg_allow_replication": ("pg", {"settings": {"pg_allow_replication": True}}),
    "kafka_acls": ("kafka", {"settings": {"acl": [{"topic": "t.*", "permission": "consume"}]}}),
    "opensearch_acls": (
        "opensearch",
        {"settings": {"opensearch_acl": [{"index": "i-*", "permission": "read"}]}},
    ),
    "mongo_databases": ("mongodb", {"settings": {"mongo_user_settings": {"databases": ["d"]}}}),
    "mongo_role": ("mongodb", {"settings": {"mongo_user_settings": {"role": "readOnly"}}}),
    "readonly": ("mongodb", {"readonly": True}),
}
"""Each option: the engine that takes it, and the body fields it is sent as."""
TAKES = {
    "add": set(OPTIONS),
    "update": {name for name, (_, body) in OPTIONS.items() if set(body) == {"settings"}},
    "reset_auth": {"mysql_auth_plugin"},
}
"""Which options each request's body has a place for."""
SUCCESS = {"add": 201, "update": 201, "reset_auth": 200}


def expected(call: str, option: str, engine: str) -> int:
    if engine == "valkey" or option not in TAKES[call] or OPTIONS[option][0] != engine:
        return 422
    return SUCCESS[call]


CASES = list(itertools.product(TAKES, OPTIONS, ENGINES))


def _answers() -> dict[tuple[str, str, str], tuple[int, Any]]:
    """Every case, sent to one emulator; update and reset_auth on a user of their own
    (added plain first, with the readOnly role where that matters for MongoDB)."""
    emulator = Emulator()
    got: dict[tuple[str, str, str], tuple[int, Any]] = {}

    async def go() -> None:
        transport = httpx.ASGITransport(app=emulator.app)
        headers = {"authorization": "Bearer rules"}
        async with httpx.AsyncClient(
            transport=transport, base_url="http://e", headers=headers
        ) as http:
            for number, (call, option, engine) in enumerate(CASES):
                cluster = CLUSTER_IDS[engine]
                users = f"/v2/databases/{cluster}/users"
                name = f"u{number}"
                body = OPTIONS[option][1]
                if call == "add":
                    response = await http.post(users, json={"name": name, **body})
                else:
                    plain = {"name": name}
                    if engine == "mongodb":
                        plain["settings"] = {"mongo_user_settings": {"role": "readOnly"}}
                    await http.post(users, json=plain)
                    if call == "update":
                        response = await http.put(f"{users}/{name}", json=body)
                    else:
                        response = await http.post(f"{users}/{name}/reset_auth", json=body)
                got[(call, option, engine)] = (response.status_code, response.json())

    asyncio.run(go())
    return got


@pytest.fixture(scope="module")
def answers() -> dict[tuple[str, str, str], tuple[int, Any]]:
    return _answers()


@pytest.mark.parametrize(("call", "option", "engine"), CASES)
def test_each_option_on_each_engine_is_answered_as_documented(
    answers: dict[tuple[str, str, str], tuple[int, Any]], call: str, option: str, engine: str
) -> None:
    status, body = answers[(call, option, engine)]
    assert status == expected(call, option, engine), body
    if status == 422:
        assert body["id"] == "unprocessable_entity"
        assert body["message"]
    else:
        field, value = next(iter(OPTIONS[option][1].items()))
        if field == "settings":
            assert body["user"]["settings"], body  # what was asked is kept...
            (setting,) = value
            assert setting in body["user"]["settings"]
        elif field == "mysql_settings":
            assert body["user"]["mysql_settings"] == value


def test_the_table_covers_every_option_of_the_client() -> None:
    """The table's options are the client's own (a new option needs a row here)."""
    from dodb._options import accepted_by
    from dodb_api.models import DatabaseUserCreate

    CLIENT_OPTIONS = accepted_by(DatabaseUserCreate)

    assert {o.name for o in CLIENT_OPTIONS} == set(OPTIONS)
    assert len(CASES) == 3 * 7 * 6

"""The official Python client, which no one here wrote, against `dodb emulator`.

pydo checks each answer's status against the one DigitalOcean documents and
decodes the body its own way, so this checks the emulator's wire format (and
so the spec it follows) against a client we did not write. pydo is a test
dependency only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from dodb.emulator import CLUSTER_IDS, Emulator

pydo = pytest.importorskip("pydo")

# pydo refuses to send a token over plain http unless told, per call (azure-core).
PLAIN_HTTP = {"enforce_https": False}

# engine -> (options of an add, settings of an update) as raw bodies, as pydo's users write them
ENGINES: dict[str, tuple[dict[str, Any], dict[str, Any] | None]] = {
    "pg": ({"settings": {"pg_allow_replication": True}}, {"pg_allow_replication": False}),
    "mysql": ({"mysql_settings": {"auth_plugin": "mysql_native_password"}}, None),
    "mongodb": (
        {"settings": {"mongo_user_settings": {"databases": ["orders"], "role": "readOnly"}}},
        {"mongo_user_settings": {"databases": ["orders", "invoices"], "role": "readOnly"}},
    ),
    "kafka": (
        {"settings": {"acl": [{"topic": "events.*", "permission": "produce"}]}},
        {"acl": [{"topic": "billing", "permission": "consume"}]},
    ),
    "opensearch": (
        {"settings": {"opensearch_acl": [{"index": "logs-*", "permission": "read"}]}},
        {"opensearch_acl": [{"index": "logs-*", "permission": "readwrite"}]},
    ),
}


@pytest.fixture(scope="module")
def official() -> Iterator[Any]:
    emulator = Emulator()
    with emulator.running() as url:
        yield pydo.Client("official-token", endpoint=url)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_six_operations_through_the_official_client(official: Any, engine: str) -> None:
    cluster = CLUSTER_IDS[engine]
    options, new_settings = ENGINES[engine]
    db = official.databases

    added = db.add_user(cluster, {"name": "app-01", **options}, **PLAIN_HTTP)["user"]
    assert added["name"] == "app-01"
    assert added["role"] == "normal"
    assert added["password"]
    for key, value in options.items():
        if key == "settings":
            for setting, wanted in value.items():
                got = added["settings"][setting]
                if isinstance(wanted, list):  # ACLs: the server adds ids
                    got = [{k: v for k, v in item.items() if k != "id"} for item in got]
                assert got == wanted
        else:
            assert added[key] == value
    if engine == "kafka":
        assert added["access_cert"].startswith("-----BEGIN CERTIFICATE-----")
        assert "PRIVATE KEY" in added["access_key"]

    got = db.get_user(cluster, "app-01", **PLAIN_HTTP)["user"]
    assert got["password"] == added["password"]

    names = [u["name"] for u in db.list_users(cluster, **PLAIN_HTTP)["users"]]
    assert names == ["doadmin", "app-01"]

    if new_settings is not None:
        updated = db.update_user(cluster, "app-01", {"settings": new_settings}, **PLAIN_HTTP)
        assert set(updated["user"]["settings"]) == set(new_settings)

    reset_body = (
        {"mysql_settings": {"auth_plugin": "caching_sha2_password"}} if engine == "mysql" else {}
    )
    reset = db.reset_auth(cluster, "app-01", reset_body, **PLAIN_HTTP)["user"]
    assert reset["password"] != added["password"]
    if engine == "mysql":
        assert reset["mysql_settings"] == {"auth_plugin": "caching_sha2_password"}

    assert db.delete_user(cluster, "app-01", **PLAIN_HTTP) is None
    # pydo hands back the 404 body rather than raising: the emulator's error shape.
    missing = db.get_user(cluster, "app-01", **PLAIN_HTTP)
    assert missing["id"] == "not_found"
    assert isinstance(missing["message"], str)


def test_the_official_client_reads_the_emulators_error_body(official: Any) -> None:
    from azure.core.exceptions import HttpResponseError

    db = official.databases
    with pytest.raises(HttpResponseError) as info:
        db.add_user(CLUSTER_IDS["pg"], {"name": "x", "readonly": True}, **PLAIN_HTTP)
    assert info.value.status_code == 422
    assert "readonly applies only to mongodb clusters" in str(info.value.message)


def _params(method: Any) -> list[str]:
    """A method's named parameters, as a caller passes them (no self, no **kwargs)."""
    import inspect

    return [
        name
        for name, p in inspect.signature(method).parameters.items()
        if name != "self" and p.kind is not inspect.Parameter.VAR_KEYWORD
    ]


def test_every_operation_has_the_official_clients_name_and_parameters() -> None:
    """Each operation of the spec is a call of both clients, named and shaped as the
    official client names it (its generator: the operationId's group, then the rest in
    snake_case; path parameters by their spec names, `body` for a body)."""
    import pydo.operations

    from dodb import AsyncClient, Client
    from dodb_api._facts import FACTS

    official = pydo.operations.DatabasesOperations
    ours = (Client("t").databases, AsyncClient("t").databases)
    assert FACTS
    for facts in FACTS.values():
        group, _, name = facts.official.partition(".")
        assert group == "databases"
        theirs = getattr(official, name, None)
        assert theirs is not None, f"pydo has no databases.{name}"
        for databases in ours:
            assert _params(getattr(databases, name)) == _params(theirs), name


def test_every_method_of_the_official_clients_databases_group_is_on_both_clients() -> None:
    """Enumerated from pydo itself: each of its `databases` methods, with its parameters,
    is a call of `Client` and of `AsyncClient` (upstream's spellings included)."""
    import inspect

    import pydo.operations

    from dodb import AsyncClient, Client

    official = pydo.operations.DatabasesOperations
    methods = {
        name: member
        for name, member in inspect.getmembers(official, inspect.isfunction)
        if not name.startswith("_")
    }
    assert len(methods) == 71
    assert "list_opeasearch_indexes" in methods
    for databases in (Client("t").databases, AsyncClient("t").databases):
        missing = [name for name in methods if not hasattr(databases, name)]
        assert missing == []
        for name, theirs in methods.items():
            assert _params(getattr(databases, name)) == _params(theirs), name

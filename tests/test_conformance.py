"""Every emulator answer matches openapi.yaml: property-based, and against the cassettes."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import schemathesis
import yaml
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.failures import FailureGroup

from dodb.emulator import CLUSTER_IDS, ClusterSpec, Emulator
from dodb.emulator._transport import SyncASGITransport
from tests.support.cassettes import CASSETTES

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = schemathesis.openapi.from_path(ROOT / "openapi.yaml")
# The spec's own parameter example names a cluster; make it exist so examples reach success paths.
EXAMPLE_CLUSTER = "9cc10173-e9ea-4176-9dbc-a4cee4c4ff30"
EMULATOR = Emulator(
    clusters=[ClusterSpec(EXAMPLE_CLUSTER, "spec-example", "pg")],
    per_minute=1_000_000,
    per_hour=1_000_000,
)
EMULATOR.store.add_user(EXAMPLE_CLUSTER, {"name": "app-01"})
HTTP = httpx.Client(transport=SyncASGITransport(EMULATOR.app))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


@SCHEMA.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_emulator_answers_conform_to_the_spec(case: schemathesis.Case) -> None:
    kwargs = case.as_transport_kwargs(
        base_url="http://localhost", headers={"Authorization": "Bearer conformance"}
    )
    kwargs.pop("cookies", None)  # the spec has no cookies
    if isinstance(kwargs.get("data"), bytes):
        kwargs["content"] = kwargs.pop("data")
    response = HTTP.request(**kwargs)
    case.validate_response(response, checks=CHECKS)


def test_a_nonconforming_answer_is_caught() -> None:
    """The checks above can fail: a user without `name` is refused by them."""
    operation = SCHEMA["/v2/databases/{database_cluster_uuid}/users/{username}"]["GET"]
    case = operation.Case(path_parameters={"database_cluster_uuid": "c", "username": "u"})
    bad = httpx.Response(
        200,
        json={"user": {"role": "normal"}},
        request=httpx.Request("GET", "http://localhost/v2/databases/c/users/u"),
    )
    bad.elapsed = datetime.timedelta(0)
    with pytest.raises(FailureGroup) as info:
        case.validate_response(bad, checks=[response_schema_conformance])
    assert any(
        "'name' is a required property" in str(e) or '"name" is a required property' in str(e)
        for e in info.value.exceptions
    )


def shape(value: Any) -> Any:
    """Keys and value types, recursively; a list's shape is its first item's."""
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return type(value).__name__


def assert_documented_shape_is_met(documented: Any, emulated: Any, where: str) -> None:
    """Every documented field is in the emulator's answer, with the same type."""
    if isinstance(documented, dict):
        assert isinstance(emulated, dict), where
        for key, sub in documented.items():
            assert key in emulated, f"{where}.{key} missing"
            assert_documented_shape_is_met(sub, emulated[key], f"{where}.{key}")
    elif isinstance(documented, list):
        assert isinstance(emulated, list), where
        if documented and emulated:
            assert_documented_shape_is_met(documented[0], emulated[0], f"{where}[0]")
    else:
        assert documented == emulated, where


def engine_for(body: dict[str, Any] | None, path: str) -> str:
    body = body or {}
    settings_ = body.get("settings", {})
    if "mysql_settings" in body:
        return "mysql"
    if "acl" in settings_ or path.endswith("/app-03"):
        return "kafka"
    if "opensearch_acl" in settings_:
        return "opensearch"
    if "mongo_user_settings" in settings_ or "readonly" in body:
        return "mongodb"
    return "pg"


def seed_for(name: str, interaction: dict[str, Any]) -> dict[str, Any]:
    """An add-user body that makes the user the cassette's response documents."""
    text = interaction["response"]["body"]["string"]
    documented = json.loads(text).get("user", {}) if text else {}
    seed: dict[str, Any] = {"name": name}
    if "mysql_settings" in documented:
        seed["mysql_settings"] = documented["mysql_settings"]
    settings_ = documented.get("settings")
    if settings_:
        seed["settings"] = {
            key: [{k: v for k, v in item.items() if k != "id"} for item in value]
            if key == "acl"
            else value
            for key, value in settings_.items()
        }
    return seed


def successful_exchanges() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path in sorted(CASSETTES.glob("*.yaml")):
        for interaction in yaml.safe_load(path.read_text())["interactions"]:
            if interaction["response"]["status"]["code"] < 400:
                found.append((path.stem, interaction))
    return found


@pytest.mark.parametrize(("cassette", "interaction"), successful_exchanges())
def test_cassette_requests_get_the_same_shape_from_the_emulator(
    cassette: str, interaction: dict[str, Any]
) -> None:
    request = interaction["request"]
    body = json.loads(request["body"]) if request["body"] else None
    path = urlsplit(request["uri"]).path
    engine = engine_for(body, path)
    path = path.replace("/ab7bb7a/", f"/{CLUSTER_IDS[engine]}/")
    with Emulator() as emulator:
        client = httpx.Client(
            transport=SyncASGITransport(emulator.app),
            base_url="http://localhost",
            headers={"Authorization": "Bearer t"},
        )
        name = path.split("/")[5] if path.count("/") >= 5 else None
        if name and cassette != "databases_add_user":
            client.post(
                f"/v2/databases/{CLUSTER_IDS[engine]}/users", json=seed_for(name, interaction)
            ).raise_for_status()
        response = client.request(request["method"], path, json=body)
    expected = interaction["response"]
    assert response.status_code == expected["status"]["code"]
    documented = json.loads(expected["body"]["string"]) if expected["body"]["string"] else None
    if documented is None:
        assert response.content == b""
        return
    emulated = response.json()
    if "users" in documented:
        documented = {"users": documented["users"][:1]}
    assert_documented_shape_is_met(shape(documented), shape(emulated), cassette)

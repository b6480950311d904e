"""openapi.yaml is valid, its examples match their schemas, and it lints clean."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi.yaml"
SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text())
OPERATIONS = {
    "databases_list_users": ("get", "/v2/databases/{database_cluster_uuid}/users", "200"),
    "databases_add_user": ("post", "/v2/databases/{database_cluster_uuid}/users", "201"),
    "databases_get_user": ("get", "/v2/databases/{database_cluster_uuid}/users/{username}", "200"),
    "databases_update_user": (
        "put",
        "/v2/databases/{database_cluster_uuid}/users/{username}",
        "201",
    ),
    "databases_delete_user": (
        "delete",
        "/v2/databases/{database_cluster_uuid}/users/{username}",
        "204",
    ),
    "databases_reset_auth": (
        "post",
        "/v2/databases/{database_cluster_uuid}/users/{username}/reset_auth",
        "200",
    ),
}
ERROR_STATUSES = ["401", "404", "422", "429", "500", "default"]


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local `$ref` to the object it names."""
    while "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/"), ref
        target: Any = SPEC
        for part in ref[2:].split("/"):
            target = target[part]
        node = target
    return node


def media_examples() -> Iterator[tuple[str, dict[str, Any], Any]]:
    """Every (where, schema, example value) pair of request and response bodies."""
    for path, item in SPEC["paths"].items():
        for method, op in item.items():
            if method == "parameters":
                continue
            bodies = []
            if "requestBody" in op:
                bodies.append(("request", resolve(op["requestBody"])))
            for status, response in op["responses"].items():
                bodies.append((status, resolve(response)))
            for label, body in bodies:
                for media in body.get("content", {}).values():
                    for name, example in media.get("examples", {}).items():
                        where = f"{method.upper()} {path} {label} {name}"
                        yield where, media["schema"], resolve(example)["value"]


def validator_for(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    registry: Registry[Any] = Registry().with_resource(
        "urn:dodb:openapi", Resource.from_contents(SPEC, default_specification=DRAFT202012)
    )
    wrapped = {"$ref": "urn:dodb:openapi#" + schema["$ref"][1:]} if "$ref" in schema else schema
    return jsonschema.Draft202012Validator(wrapped, registry=registry)


def test_document_is_valid_openapi_3_1() -> None:
    assert SPEC["openapi"].startswith("3.1")
    validate(SPEC)


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_each_operation_has_its_success_and_every_error_response(operation_id: str) -> None:
    method, path, success = OPERATIONS[operation_id]
    op = SPEC["paths"][path][method]
    assert op["operationId"] == operation_id
    assert op["summary"]
    assert op["description"]
    assert op["tags"] == ["Database Users"]
    assert set(op["responses"]) == {success, *ERROR_STATUSES}
    for status in ERROR_STATUSES:
        assert op["responses"][status]["$ref"].startswith("#/components/responses/")
    headers = op["responses"][success]["headers"]
    assert {"ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "x-request-id"} <= set(
        headers
    )


def test_429_documents_retry_after() -> None:
    headers = SPEC["components"]["responses"]["too_many_requests"]["headers"]
    assert headers["retry-after"]["$ref"] == "#/components/headers/retry-after"


def test_create_body_cannot_carry_server_chosen_fields() -> None:
    create = SPEC["components"]["schemas"]["DatabaseUserCreate"]
    assert create["additionalProperties"] is False
    assert not {"role", "password", "access_cert", "access_key"} & set(create["properties"])
    check = validator_for({"$ref": "#/components/schemas/DatabaseUserCreate"})
    assert not check.is_valid({"name": "x", "password": "chosen-by-caller"})
    assert not check.is_valid({"mysql_settings": {"auth_plugin": "mysql_native_password"}})


EXAMPLES = list(media_examples())


def test_every_variant_has_an_example() -> None:
    names = {where.rsplit(" ", 1)[1] for where, _, _ in EXAMPLES}
    expected = {
        "new_user",
        "mysql_auth_plugin",
        "postgres_replication",
        "kafka_acl",
        "opensearch_acl",
        "mongodb_role",
        "mongodb_readonly",
        "unauthorized",
        "not_found",
        "unprocessable_entity",
        "too_many_requests",
        "server_error",
        "unexpected_error",
    }
    assert expected <= names


@pytest.mark.parametrize(("where", "schema", "value"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_example_matches_its_schema(where: str, schema: dict[str, Any], value: Any) -> None:
    errors = sorted(validator_for(schema).iter_errors(value), key=str)
    assert not errors, f"{where}: {errors[0].message}"


def test_a_wrong_example_would_be_caught() -> None:
    """The example check rejects values that break the schema, so it can fail."""
    envelope = validator_for({"$ref": "#/components/schemas/DatabaseUserEnvelope"})
    assert not envelope.is_valid({"user": {"role": "normal"}})  # no name
    assert not envelope.is_valid({"user": {"name": "a", "settings": {"acl": [{"topic": "t"}]}}})


def test_reference_page_examples_are_carried_verbatim() -> None:
    examples = SPEC["components"]["examples"]
    assert examples["add_user_request"]["value"] == {"name": "app-01"}
    assert examples["user_normal"]["value"] == {
        "user": {"name": "app-01", "role": "normal", "password": "jge5lfxtzhx42iff"}
    }
    kafka = examples["user_kafka"]["value"]["user"]
    assert [acl["id"] for acl in kafka["settings"]["acl"]] == [
        "acl128aaaa99239",
        "acl293098flskdf",
        "acl128ajei20123",
    ]
    assert kafka["access_cert"].startswith("-----BEGIN CERTIFICATE-----\nMIIFFjCCA/6g")


def redocly() -> Path | None:
    binary = ROOT / "node_modules" / ".bin" / "redocly"
    return binary if binary.exists() else None


def test_redocly_lint_reports_nothing() -> None:
    binary = redocly()
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("Redocly CLI is not installed: scripts/setup.sh runs `npm ci`")
        pytest.skip("Redocly CLI not installed (needs npm); run scripts/setup.sh")
    env = {**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}
    result = subprocess.run(
        [str(binary), "lint", "--format=json", str(SPEC_PATH)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(result.stdout[result.stdout.index("{") :])
    problems = [
        f"{p['severity']} {p['ruleId']}: {p['message']}" for p in report.get("problems", [])
    ]
    assert problems == []
    assert result.returncode == 0, result.stderr


def test_redocly_config_lets_no_warning_through() -> None:
    """Every rule, less the three that would change the API's own paths and error type."""
    config = yaml.safe_load((ROOT / "redocly.yaml").read_text())
    assert config["extends"] == ["all"]
    assert config["rules"] == {
        "operation-4xx-problem-details-rfc7807": "off",
        "path-segment-plural": "off",
        "paths-kebab-case": "off",
    }


@pytest.mark.slow
def test_spectral_reports_nothing() -> None:
    """Spectral's `spectral:oas` rules, with one rule that misreads OpenAPI 3.1 replaced
    by what still holds of it (see .spectral.yaml)."""
    binary = ROOT / "node_modules" / ".bin" / "spectral"
    if not binary.exists():
        if os.environ.get("CI"):
            pytest.fail("Spectral is not installed: scripts/setup.sh runs `npm ci`")
        pytest.skip("Spectral not installed (needs npm); run scripts/setup.sh")
    result = subprocess.run(
        [
            str(binary),
            "lint",
            str(SPEC_PATH),
            "--ruleset",
            ".spectral.yaml",
            "--format",
            "json",
            "--fail-severity",
            "hint",
            "--quiet",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert json.loads(result.stdout) == [], result.stdout
    assert result.returncode == 0, result.stderr

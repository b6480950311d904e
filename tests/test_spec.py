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


def operations() -> Iterator[tuple[str, str, dict[str, Any], list[dict[str, Any]]]]:
    """Every (method, path, operation, its resolved parameters)."""
    for path, item in SPEC["paths"].items():
        shared = [resolve(p) for p in item.get("parameters", [])]
        for method, op in item.items():
            if method != "parameters":
                yield method, path, op, shared + [resolve(p) for p in op.get("parameters", [])]


def test_the_operations_are_the_official_clients_databases_group() -> None:
    """Each operationId names a method of pydo's `databases` group, and all 71 are here."""
    pydo_operations = pytest.importorskip("pydo.operations")
    import inspect
    import re

    methods = {
        name
        for name, _ in inspect.getmembers(pydo_operations.DatabasesOperations, inspect.isfunction)
        if not name.startswith("_")
    }
    ours = set()
    for _, _, op, _ in operations():
        group, rest = op["operationId"].split("_", 1)
        assert group == "databases"
        ours.add(re.sub(r"(?<!^)(?=[A-Z])", "_", rest).lower())
    assert len(methods) == 71
    assert ours == methods


def test_every_success_answer_with_a_body_has_an_example() -> None:
    """The emulator answers operations it does not implement from these examples."""
    for method, path, op, _ in operations():
        for status, response in op["responses"].items():
            body = resolve(response).get("content", {}).get("application/json")
            if status.startswith("2") and body is not None:
                assert body.get("examples"), f"{method} {path} {status} has no example"
        request = op.get("requestBody", {}).get("content", {}).get("application/json")
        if request is not None:
            assert request.get("examples"), f"{method} {path} request has no example"


def _body_properties(
    schema: dict[str, Any], seen: tuple[str, ...] = ()
) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(path, property, the schema holding it) for every property reachable from a body."""
    ref = schema.get("$ref", "")
    if ref in seen:
        return
    resolved = resolve(schema)
    for name, prop in resolved.get("properties", {}).items():
        yield name, prop, resolved
        target = resolve(prop)
        if "properties" in target:
            for inner, inner_prop, holder in _body_properties(prop, (*seen, ref)):
                yield f"{name}.{inner}", inner_prop, holder


def test_the_x_dodb_declarations_name_what_exists() -> None:
    """Typed calls are unique; every path parameter has a positional name; confirm-by,
    subject, answer-names, returns and one-at-a-time point at real things; each POST
    and PATCH says what to do when unsure; options are unique within a body."""
    ids = {op["operationId"]: (op, params) for _, _, op, params in operations()}
    calls = set()
    for method, path, op, params in operations():
        where = f"{method.upper()} {path}"
        call = op["x-dodb-call"]
        assert (call["resource"], call["name"]) not in calls, where
        calls.add((call["resource"], call["name"]))
        path_params = [p["name"] for p in params if p["in"] == "path"]
        assert all(p.get("x-dodb-arg") for p in params if p["in"] == "path"), where
        success = next(r for s, r in op["responses"].items() if s.startswith("2"))
        answer = resolve(success).get("content", {}).get("application/json", {}).get("schema")
        if "returns" in call:
            assert call["returns"] in resolve(answer)["properties"], where
        body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
        found = list(_body_properties(body["schema"])) if body else []
        options = [p["x-dodb-option"]["name"] for _, p, _ in found if "x-dodb-option" in p]
        assert len(options) == len(set(options)), where
        for name, prop, holder in found:
            if "x-dodb-arg" in prop:
                assert "." not in name, where
                assert name in holder.get("required", []), where
        if call.get("needs-option"):
            assert options, where
        if method in ("post", "patch"):
            assert op.get("x-dodb-unsure") in ("resend", "confirm", "raise"), where
        subject = op.get("x-dodb-subject")
        if subject is not None:
            if subject.startswith("body."):
                assert subject[5:] in {name for name, _, _ in found}, where
            else:
                assert subject in path_params, where
        if op.get("x-dodb-unsure") == "confirm":
            lookup, lookup_params = ids[op["x-dodb-confirm-by"]]
            extra = {p["name"] for p in lookup_params} - set(path_params)
            assert len(extra) == 1, where
            assert lookup["x-dodb-call"]["name"] == "get", where
            assert lookup["x-dodb-call"]["resource"] == call["resource"], where
        if "x-dodb-answer-names" in op:
            node = answer
            for part in op["x-dodb-answer-names"].split("."):
                node = resolve(node)["properties"][part]
        if "x-dodb-one-at-a-time" in op:
            assert op["x-dodb-one-at-a-time"] in path_params, where


def test_credentials_are_marked_as_passwords() -> None:
    """A property whose name says it is a credential is `format: password` (masked)."""
    credential = ("password", "api_key", "access_key")
    for schema_name, schema in SPEC["components"]["schemas"].items():
        for name, prop in schema.get("properties", {}).items():
            if any(word in name for word in credential):
                assert prop.get("format") == "password", f"{schema_name}.{name}"
    connection_uris = [
        schema["properties"]["uri"]
        for name, schema in SPEC["components"]["schemas"].items()
        if name.endswith("Connection") and "uri" in schema.get("properties", {})
    ]
    assert len(connection_uris) == 3
    assert all(uri["format"] == "password" for uri in connection_uris)

"""openapi.yaml is the one place the API's vocabulary lives; wrapper/ derives it."""

from __future__ import annotations

import ast
import types
import typing
from pathlib import Path
from typing import Any

import yaml

import dodb
from dodb._options import accepted_by, choices, reader_at
from dodb_api._facts import FACTS
from dodb_api.calls import users as typed_users
from dodb_api.models import DatabaseUserCreate, KafkaAclPermission, MongoRole
from dodb_api.types import load_operation

OPTIONS = accepted_by(DatabaseUserCreate)
NAMES = {facts.operation_id: name for name, facts in FACTS.items()}

ROOT = Path(__file__).resolve().parent.parent
SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text())
SCHEMAS = SPEC["components"]["schemas"]
WRAPPER = sorted((ROOT / "wrapper" / "dodb").rglob("*.py"))

ALLOWED_LITERALS: dict[tuple[str, str], str] = {
    # A word that is also an enum value somewhere in the spec, used here for something else.
    ("cli/_provision.py", "all"): "`--prune all`, the command line's word for every kind",
}
# The options table's paths into the request body: its one declaration of each option.
OPTION_PATHS = {o.path for o in OPTIONS}


def _enum_values() -> set[str]:
    return {v for s in SCHEMAS.values() for v in s.get("enum", []) if isinstance(v, str)}


def _string_constants(
    path: Path, root: Path = ROOT / "wrapper" / "dodb"
) -> list[tuple[str, ast.Constant]]:
    tree = ast.parse(path.read_text())
    rel = str(path.relative_to(root))
    return [
        (rel, node)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def test_no_enum_value_of_the_spec_is_written_out_in_the_wrapper() -> None:
    values = _enum_values()
    assert {
        "readOnly",
        "produceconsume",
        "caching_sha2_password",
    } <= values  # the scan sees the spec
    found = [
        f"{rel}:{node.lineno}: {node.value!r}"
        for path in WRAPPER
        for rel, node in _string_constants(path)
        if node.value in values and (rel, node.value) not in ALLOWED_LITERALS
    ]
    assert found == []


def test_no_enum_value_of_the_spec_is_quoted_anywhere_in_the_wrapper_text() -> None:
    """Docstrings and comments included: an example written out goes stale too."""
    values = _enum_values()
    found = [
        f"{path.relative_to(ROOT)}: {quoted}"
        for path in WRAPPER
        for value in sorted(values)
        for quoted in (f"'{value}'", f'"{value}"')
        if quoted in path.read_text()
        and (str(path.relative_to(ROOT / "wrapper" / "dodb")), value) not in ALLOWED_LITERALS
    ]
    assert found == []


def _field_lists(path: Path) -> list[str]:
    """Tuple, list or set literals that name two properties of one schema."""
    fields = [set(s.get("properties", {})) for s in SCHEMAS.values()]
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            values = tuple(e.value for e in node.elts if isinstance(e, ast.Constant))
            if values in OPTION_PATHS:
                continue
            names = {
                e.value
                for e in node.elts
                if isinstance(e, ast.Constant) and isinstance(e.value, str)
            }
            if any(len(names & props) >= 2 for props in fields):
                found.append(f"{path.name}:{node.lineno}: {sorted(names)}")
    return found


def test_no_field_list_of_a_schema_is_written_out_in_the_wrapper() -> None:
    assert [hit for path in WRAPPER for hit in _field_lists(path)] == []


def test_the_scans_catch_what_they_look_for(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text('ROLES = ("readOnly", "readWrite")\nFIELDS = ["name", "settings"]\n')
    values = _enum_values()
    hits = [n.value for _, n in _string_constants(bad, tmp_path) if n.value in values]
    assert hits == ["readOnly", "readWrite"]
    assert _field_lists(bad) == ["bad.py:2: ['name', 'settings']"]


def test_every_option_has_a_place_in_the_add_body_and_the_typed_keywords_agree() -> None:
    for option in OPTIONS:
        assert reader_at(DatabaseUserCreate, option.path) is not None, option
    add = set(typing.get_type_hints(typed_users.UsersAddOptions))
    update = set(typing.get_type_hints(typed_users.UsersUpdateOptions))
    assert {o.name for o in accepted_by(load_operation("databases_add_user").body)} == add
    assert {o.name for o in accepted_by(load_operation("databases_update_user").body)} == update
    assert {o.name for o in accepted_by(load_operation("databases_reset_auth").body)} == {
        "mysql_auth_plugin"
    }


def test_option_choices_are_the_generated_enums() -> None:
    body = DatabaseUserCreate
    by_name = {o.name: o for o in OPTIONS}
    assert choices(body, by_name["mongo_role"]) == tuple(m.value for m in MongoRole)
    assert choices(body, by_name["kafka_acls"]) == tuple(m.value for m in KafkaAclPermission)
    assert choices(body, by_name["pg_allow_replication"]) is None


def test_operations_come_from_the_spec() -> None:
    for path, item in SPEC["paths"].items():
        for method, operation in item.items():
            if method == "parameters":
                continue
            row = load_operation(NAMES[operation["operationId"]])
            assert (row.method, row.path) == (method.upper(), path)
            ok = min(int(code) for code in operation["responses"] if code.startswith("2"))
            assert row.success == ok


def test_with_options_builds_a_new_client_that_holds_nothing_of_the_original() -> None:
    client = dodb.Client("t")
    copy = client.with_options(max_retries=0)
    assert type(copy) is dodb.Client
    assert copy.max_retries == 0
    assert client.max_retries == dodb.DEFAULT_MAX_RETRIES
    for value in vars(copy).values():
        assert not (isinstance(value, types.MethodType) and value.__self__ is client)
    assert copy.stats is client.stats  # state is shared on purpose


def test_nothing_unused_ships() -> None:
    import dodb_api

    package = Path(dodb_api.__file__).parent
    assert not (package / "client.py").exists()
    assert not (package / "errors.py").exists()
    used: Any = {
        "api",
        "calls",
        "models",
        "types.py",
        "_facts.py",
        "__init__.py",
        "py.typed",
        "__pycache__",
    }
    assert {p.name for p in package.iterdir()} <= used

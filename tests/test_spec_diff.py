"""scripts/spec_diff.py on two small specs: a multi-file "upstream" and a one-file "ours".

The fixtures (tests/fixtures/spec_diff/) differ on purpose: upstream has an operation,
a query parameter, a status code, a scope, a property and an enum value more, and a
property of another type; ours has an operation more; descriptions differ everywhere;
upstream also has an operation of another tag, and two declared differences.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "spec_diff"
UPSTREAM = FIXTURES / "upstream"
OURS = FIXTURES / "ours.yaml"
USERS = "/v2/databases/{database_cluster_uuid}/users"
USER = USERS + "/{username}"

EXPECTED = {
    f"DELETE {USER} operation: only here (databases_delete_user)",
    "GET /v2/databases/{database_cluster_uuid}/pools operation: "
    "only upstream (databases_list_connectionPools)",
    f"GET {USERS} parameter query per_page: only upstream (minimum 1, type integer)",
    f"GET {USERS} response 200 users[].created_at: only upstream (format date-time, type string)",
    f"GET {USERS} response 200 users[].max_connections: type string -> integer",
    f"GET {USERS} response 200 users[].role: enum values only upstream: admin",
    f"GET {USER} scopes: ['database:read'] -> ['database:read', 'database:view_credentials']",
    f"GET {USER} response 200 user.created_at: only upstream (format date-time, type string)",
    f"GET {USER} response 200 user.max_connections: type string -> integer",
    f"GET {USER} response 200 user.role: enum values only upstream: admin",
    f"POST {USERS} request max_connections: type string -> integer",
    f"POST {USERS} response 201 user.created_at: only upstream (format date-time, type string)",
    f"POST {USERS} response 201 user.max_connections: type string -> integer",
    f"POST {USERS} response 201 user.role: enum values only upstream: admin",
    f"POST {USERS} response 429: only upstream",
}


@pytest.fixture(scope="module")
def spec_diff() -> ModuleType:
    spec = importlib.util.spec_from_file_location("spec_diff", ROOT / "scripts" / "spec_diff.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["spec_diff"] = module
    spec.loader.exec_module(module)
    return module


def test_report_lists_what_upstream_adds_removes_and_changes(spec_diff: ModuleType) -> None:
    report = spec_diff.diff(UPSTREAM, OURS)
    assert {d.line() for d in report.differences} == EXPECTED


def test_read_only_fields_wording_and_other_tags_are_not_compared(spec_diff: ModuleType) -> None:
    """Upstream's add-user body is its user model with read-only fields; the descriptions
    differ; the droplets operation has another tag. None of it is reported."""
    lines = [d.line() for d in spec_diff.diff(UPSTREAM, OURS).differences]
    assert not [line for line in lines if line.startswith(f"POST {USERS} request role")]
    assert not [line for line in lines if "created_at" in line and " request " in line]
    assert not [line for line in lines if "droplets" in line or "description" in line]


def test_declared_differences_are_left_out_counted_and_unseen_ones_named(
    spec_diff: ModuleType,
) -> None:
    report = spec_diff.diff(UPSTREAM, OURS)
    assert report.ignored == {
        "* parameter path database_cluster_uuid: format (none) -> uuid": 3,
        "*: nullable (none) -> True": 3,
    }
    assert report.unseen == ["* response 422: only here"]
    text = report.render()
    assert "Declared differences no longer seen" in text
    assert "format (none) -> uuid" not in "".join(d.line() for d in report.differences)


def test_changes_are_grouped_by_the_upstream_schema_file(spec_diff: ModuleType) -> None:
    text = spec_diff.diff(UPSTREAM, OURS).render()
    schemas = text.split("\nSchemas\n", 1)[1].split("\nDeclared", 1)[0].splitlines()
    assert schemas == [
        "  specification/resources/databases/models/database_user.yml",
        "    created_at: only upstream (format date-time, type string)",
        "    max_connections: type string -> integer",
        "    role: enum values only upstream: admin",
    ]


def test_a_change_in_a_nested_file_is_found(spec_diff: ModuleType, tmp_path: Path) -> None:
    """user_settings.yml is reached through two relative $refs; a new enum value there shows."""
    checkout = tmp_path / "upstream"
    shutil.copytree(UPSTREAM, checkout)
    settings = checkout / "specification/resources/databases/models/user_settings.yml"
    settings.write_text(
        settings.read_text().replace("- produce\n", "- produce\n            - admin\n")
    )
    lines = {d.line() for d in spec_diff.diff(checkout, OURS).differences}
    new = f"POST {USERS} request settings.acl[].permission: enum values only upstream: admin"
    assert lines - EXPECTED >= {new}
    assert f"GET {USER} response 200 user.settings.acl[].permission" in "\n".join(lines)


def test_exit_status_says_whether_anything_is_left(
    spec_diff: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert spec_diff.main([str(UPSTREAM), "--ours", str(OURS)]) == 1
    assert "Operations" in capsys.readouterr().out
    # The document compared with itself, laid out as a checkout: nothing is left.
    same = tmp_path / "same" / "specification"
    same.mkdir(parents=True)
    shutil.copy(OURS, same / "root.yaml")
    code = spec_diff.main([str(same.parent), "--ours", str(OURS), "--tag", "Database Users"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("No differences beyond the declared ones.")


def test_a_folder_that_is_no_checkout_is_refused(spec_diff: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="has no specification/ folder"):
        spec_diff.diff(tmp_path, OURS)
    (tmp_path / "specification").mkdir()
    with pytest.raises(SystemExit, match="no root document"):
        spec_diff.diff(tmp_path, OURS)

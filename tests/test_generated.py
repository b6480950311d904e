"""generated/ is exactly what the pinned generator makes from openapi.yaml."""

from __future__ import annotations

import filecmp
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dodb_api.models import DatabaseUser, DatabaseUserEnvelope, MysqlAuthPlugin, UserRole

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "generated" / "dodb_api"


def regenerate(out: Path, spec: Path = ROOT / "openapi.yaml") -> Path:
    sync = out.parent / "_sync"
    subprocess.run(
        [
            *(sys.executable, str(ROOT / "scripts/generate.py"), "--out", str(out)),
            *("--spec", str(spec), "--sync-out", str(sync)),
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return out


def differences(left: Path, right: Path) -> list[str]:
    """Files that are missing on one side or differ, as paths relative to the roots."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        ignored = {"__pycache__"}
        found.extend(prefix + n for n in cmp.left_only + cmp.right_only if n not in ignored)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(prefix + n for n in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            if name not in ignored:
                walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return sorted(found)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return regenerate(tmp_path_factory.mktemp("gen") / "dodb_api")


def test_committed_tree_matches_a_fresh_generation(fresh: Path) -> None:
    assert differences(COMMITTED, fresh) == [], (
        "generated/ differs from openapi.yaml: run `bash scripts/generate.sh` and commit"
    )


def test_the_committed_sync_io_is_derived_from_the_async_one(fresh: Path) -> None:
    """dodb/_sync/ is what unasync makes of dodb/_async/ (the clients' I/O and the
    resources' flows): written once, derived once, no async name left in it."""
    committed = ROOT / "wrapper" / "dodb" / "_sync"
    assert differences(committed, fresh.parent / "_sync") == [], (
        "wrapper/dodb/_sync differs from wrapper/dodb/_async: run `bash scripts/generate.sh`"
    )
    for module in committed.glob("_*.py"):  # the I/O and the resources
        code = module.read_text().split('"""', 2)[2]  # after the module's docstring
        assert "async " not in code, module.name
        assert "await " not in code, module.name
        assert "Async" not in code, f"{module.name}: an async name left, not replaced"
        assert not re.search(r"\bSync[A-Z]", code), f"{module.name}: unasync's own Sync name"


def test_a_spec_change_without_regeneration_is_caught(tmp_path: Path, fresh: Path) -> None:
    spec = (ROOT / "openapi.yaml").read_text()
    changed = spec.replace(
        "          examples: [acl128aaaa99239]",
        "          examples: [acl128aaaa99239]\n        created_at:\n          type: string",
        1,
    )
    assert changed != spec
    modified = tmp_path / "openapi.yaml"
    modified.write_text(changed)
    drifted = regenerate(tmp_path / "out" / "dodb_api", modified)
    assert "models/kafka_acl.py" in differences(fresh, drifted)


def test_generation_is_deterministic(tmp_path: Path, fresh: Path) -> None:
    again = regenerate(tmp_path / "dodb_api")
    assert differences(fresh, again) == []


def test_one_class_per_named_schema_with_the_spec_fields_and_values() -> None:
    """Read from openapi.yaml here: every schema is a generated class, an enum with
    exactly the spec's values, an object with exactly the spec's properties."""
    from enum import StrEnum

    import yaml

    import dodb_api.models as models
    from dodb_api.types import schema_of

    schemas = yaml.safe_load((ROOT / "openapi.yaml").read_text())["components"]["schemas"]
    assert len(schemas) >= 20
    for name, schema in schemas.items():
        cls = getattr(models, name)
        if "enum" in schema:
            assert issubclass(cls, StrEnum), name
            assert [m.value for m in cls] == sorted(schema["enum"]), name
        else:
            described = {prop.name for prop in schema_of(cls).props}
            assert described == set(schema["properties"]), name


def test_create_model_has_no_read_only_fields() -> None:
    import attrs

    from dodb_api.models import DatabaseUserCreate

    names = {f.name for f in attrs.fields(DatabaseUserCreate)}
    assert names == {"name", "mysql_settings", "settings", "readonly"}


def test_unknown_enum_value_is_kept_not_raised() -> None:
    """The custom str_enum template closes the generator's ValueError on new values."""
    plugin = MysqlAuthPlugin("sha256_password")
    assert plugin.value == "sha256_password"
    assert str(plugin) == "sha256_password"
    assert isinstance(plugin, MysqlAuthPlugin)
    assert MysqlAuthPlugin("mysql_native_password") is MysqlAuthPlugin.MYSQL_NATIVE_PASSWORD
    with pytest.raises(ValueError, match="is not a valid"):
        MysqlAuthPlugin(7)


def test_new_server_values_and_fields_survive_a_round_trip() -> None:
    raw = {
        "user": {
            "name": "app-09",
            "role": "superuser",
            "mysql_settings": {"auth_plugin": "sha256_password"},
            "created_at": "2026-11-28T00:00:00Z",
        }
    }
    parsed = DatabaseUserEnvelope.from_dict(raw)
    assert isinstance(parsed.user, DatabaseUser)
    assert parsed.user.role == "superuser"
    assert parsed.user.role not in (UserRole.PRIMARY, UserRole.NORMAL)
    assert parsed.user.extra == {"created_at": "2026-11-28T00:00:00Z"}
    assert parsed.to_dict() == raw


def test_a_declaration_naming_what_the_operation_lacks_fails_the_generation(
    tmp_path: Path,
) -> None:
    """`x-dodb-*` facts are checked when the code is generated, not when a call needs
    them (an unsure create is the first to read its lookup)."""
    spec = (ROOT / "openapi.yaml").read_text()
    broken = spec.replace(
        "      x-dodb-one-at-a-time: database_cluster_uuid\n",
        "      x-dodb-one-at-a-time: cluster_id\n",
        1,
    )
    assert broken != spec
    (tmp_path / "openapi.yaml").write_text(broken)
    with pytest.raises(subprocess.CalledProcessError) as failed:
        regenerate(tmp_path / "out" / "dodb_api", tmp_path / "openapi.yaml")
    assert "x-dodb-one-at-a-time 'cluster_id' is no path parameter" in failed.value.stderr

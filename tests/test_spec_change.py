"""A spec change reaches every layer with no edit outside openapi.yaml.

In a temporary copy of the project, the spec gains a read-only response
property (`DatabaseUser.created_at`), a credential (`DatabaseUser.api_key`,
marked `format: password`), an enum value (Mongo role `dbOwner`) and an
optional request setting (`settings.pg_bypass_rls`). The copy is
regenerated with the project's own command and installed into a folder of
its own; a script then uses that install: typed models, the typed call, the
reference-page call, the CLI and the emulator.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from tests.support.project_copy import ROOT, copy_project, digests, regenerate_and_install

CHECK = textwrap.dedent(
    """
    import contextlib, io, json, sys
    import dodb, dodb_api
    from dodb.cli import main
    from dodb.emulator import CLUSTER_IDS, Emulator

    assert dodb_api.__file__.startswith(sys.argv[1]), dodb_api.__file__  # the copy's install

    emulator = Emulator()
    client = emulator.client()
    pg, mongo = CLUSTER_IDS["pg"], CLUSTER_IDS["mongodb"]

    # The new enum value: the typed call, the emulator and the CLI's choices accept it.
    user = client.databases.users.add(mongo, "owner", mongo_role="dbOwner")
    assert user.settings.mongo_user_settings.role == "dbOwner", user
    assert user.settings.mongo_user_settings.role in set(dodb.MongoRole)  # a declared member

    # The new request setting: the reference-page call passes it, the emulator keeps it,
    # and the typed model reads it back as an attribute.
    body = {"name": "rls", "settings": {"pg_bypass_rls": True}}
    answer = client.databases.add_user(database_cluster_uuid=pg, body=body)
    assert answer["user"]["settings"]["pg_bypass_rls"] is True, answer
    typed = client.databases.users.get(pg, "rls")
    assert typed.settings.pg_bypass_rls is True and typed.settings.extra == {}, typed

    # The new read-only property: a typed attribute, no longer an unknown extra.
    # The new credential: a Secret, masked in reprs and in the CLI.
    stored = emulator.store.clusters[pg].users["rls"]
    stored["created_at"] = "2026-11-29T00:00:00Z"
    stored["api_key"] = "sk-live-0123456789abcdef"
    typed = client.databases.users.get(pg, "rls")
    assert typed.created_at == "2026-11-29T00:00:00Z" and typed.extra == {}, typed
    assert isinstance(typed.api_key, dodb.Secret) and "sk-live" not in repr(typed)
    assert typed.api_key.reveal() == "sk-live-0123456789abcdef"

    with emulator.running() as url:
        base = ["users", "--token", "t", "--api-url", url, "--output", "json"]
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main([*base, "get", pg, "rls"])
        assert code == 0
        shown = json.loads(out.getvalue())
        assert shown["created_at"] == "2026-11-29T00:00:00Z"
        assert shown["api_key"] == "**********", shown
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main([*base, "add", mongo, "owner2", "--mongo-role", "dbOwner"])
        assert code == 0, code
        assert json.loads(out.getvalue())["settings"]["mongo_user_settings"]["role"] == "dbOwner"
    print("spec change reached every layer")
    """
)


def _change_spec(path: Path) -> None:
    spec = yaml.safe_load(path.read_text())
    schemas = spec["components"]["schemas"]
    schemas["DatabaseUser"]["properties"]["created_at"] = {
        "type": "string",
        "readOnly": True,
        "description": "When the user was made.",
    }
    schemas["DatabaseUser"]["properties"]["api_key"] = {
        "type": "string",
        "format": "password",
        "readOnly": True,
        "description": "A credential the API might add one day.",
    }
    schemas["MongoRole"]["enum"].append("dbOwner")
    schemas["UserSettings"]["properties"]["pg_bypass_rls"] = {
        "type": "boolean",
        "description": "PostgreSQL only. Whether row-level security is bypassed.",
    }
    path.write_text(yaml.safe_dump(spec, sort_keys=False))


@pytest.mark.slow
def test_a_spec_change_reaches_models_calls_cli_and_emulator(tmp_path: Path) -> None:
    if not (ROOT / ".venv" / "bin" / "python").exists():
        pytest.skip("needs the project's .venv (bash scripts/setup.sh)")
    copy = tmp_path / "project"
    files = copy_project(copy)
    before = digests(copy, files)

    _change_spec(copy / "openapi.yaml")
    site = tmp_path / "site"
    regenerate_and_install(copy, site)
    assert digests(copy, files) == before  # zero edits outside openapi.yaml and generated/
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", CHECK, str(site)], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "spec change reached every layer" in result.stdout

    # The same script fails on the installed package, which has not seen the change.
    unchanged = subprocess.run([sys.executable, "-c", CHECK, "/"], capture_output=True, text=True)
    assert unchanged.returncode != 0

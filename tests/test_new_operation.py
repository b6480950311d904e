"""A new operation group costs no hand-written client code: only the spec changes.

In a temporary copy of the project, openapi.yaml gains a collection under a
cluster (list, create, get, delete notes, with request and response schemas
and examples), and the copy is regenerated with the project's own command and
installed into a folder of its own. Without any `x-dodb-*` declaration, the
official-name calls exist on both clients and the emulator answers them from
the spec's examples; once `x-dodb-call` and `x-dodb-option` are declared, the
typed calls exist and return models. Nothing outside openapi.yaml and
generated/ changes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.project_copy import ROOT, copy_project, digests, regenerate_and_install

NOTE = {"name": "backups", "text": "nightly at 02:00", "created_at": "2026-11-30T10:00:00Z"}

OFFICIAL = textwrap.dedent(
    """
    import asyncio, inspect, json, sys
    import dodb, dodb_api
    from dodb.emulator import CLUSTER_IDS, Emulator

    assert dodb_api.__file__.startswith(sys.argv[1]), dodb_api.__file__  # the copy's install
    note = json.loads(sys.argv[2])
    emulator = Emulator()
    client = emulator.client()
    pg = CLUSTER_IDS["pg"]
    calls = client.databases
    for name, params in {
        "list_notes": ["database_cluster_uuid"],
        "add_note": ["database_cluster_uuid", "body"],
        "get_note": ["database_cluster_uuid", "note_name"],
        "delete_note": ["database_cluster_uuid", "note_name"],
    }.items():
        for where in (calls, emulator.async_client().databases):
            method = getattr(where, name)
            assert list(inspect.signature(method).parameters) == params, (name, params)
    assert calls.list_notes(database_cluster_uuid=pg) == {"notes": [note]}
    assert calls.add_note(database_cluster_uuid=pg, body={"name": "backups"}) == {"note": note}
    assert calls.get_note(pg, "backups") == {"note": note}
    assert calls.delete_note(pg, "backups") is None
    assert client.last_response.headers["x-dodb-emulator"] == "example"
    assert client.last_response.status_code == 204

    async def main():
        async with emulator.async_client() as aclient:
            assert await aclient.databases.get_note(pg, "backups") == {"note": note}
    asyncio.run(main())

    # The body is checked against the spec's new schema before anything is sent.
    try:
        calls.add_note(pg, {"name": 42})
    except dodb.InvalidInputError as exc:
        assert "body.name must be a string" in str(exc), exc
    else:
        raise AssertionError("a bad body was sent")
    print("typed:", hasattr(calls, "notes"))
    """
)

TYPED = textwrap.dedent(
    """
    import asyncio, sys
    import dodb, dodb_api
    from dodb.emulator import CLUSTER_IDS, Emulator
    from dodb_api.models import Note

    emulator = Emulator()
    client = emulator.client()
    pg = CLUSTER_IDS["pg"]
    notes = client.databases.notes.list(pg)
    assert isinstance(notes, list) and isinstance(notes[0], Note), notes
    made = client.databases.notes.add(pg, "backups", text="nightly at 02:00")
    assert isinstance(made, Note) and made.name == "backups", made
    assert client.databases.notes.get(pg, "backups").text == "nightly at 02:00"
    assert client.databases.notes.delete(pg, "backups") is None
    try:
        client.databases.notes.add(pg, "backups", colour="red")
    except TypeError as exc:
        assert "unexpected keyword argument 'colour'" in str(exc), exc
    else:
        raise AssertionError("an unknown option was sent")

    async def main():
        async with emulator.async_client() as aclient:
            got = await aclient.databases.notes.get(pg, "backups")
            assert isinstance(got, Note), got
    asyncio.run(main())
    print("typed calls work")
    """
)


def _add_notes(path: Path, *, typed: bool) -> None:
    spec = yaml.safe_load(path.read_text())
    ok = {"401": {"$ref": "#/components/responses/unauthorized"}}
    one = {
        "application/json": {
            "schema": {"$ref": "#/components/schemas/NoteEnvelope"},
            "example": {"note": NOTE},
        }
    }
    spec["tags"].append({"name": "Database Notes", "description": "Notes kept on a cluster."})
    cluster = {"$ref": "#/components/parameters/database_cluster_uuid"}
    note_name: dict[str, Any] = {
        "name": "note_name",
        "in": "path",
        "required": True,
        "schema": {"type": "string"},
        "description": "The note's name.",
    }
    if typed:
        note_name["x-dodb-arg"] = "name"

    def op(op_id: str, scope: str, responses: dict[str, Any], **more: Any) -> dict[str, Any]:
        found = {
            "operationId": op_id,
            "tags": ["Database Notes"],
            "summary": op_id,
            "security": [{"bearer_auth": [scope]}],
            "responses": {**responses, **ok},
            **more,
        }
        return found

    listing = {
        "200": {
            "description": "The notes.",
            "content": {
                "application/json": {
                    "schema": {"$ref": "#/components/schemas/NoteList"},
                    "example": {"notes": [NOTE]},
                }
            },
        }
    }
    create = {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/NoteCreate"}}
            },
        }
    }
    paths = spec["paths"]
    paths["/v2/databases/{database_cluster_uuid}/notes"] = {
        "parameters": [cluster],
        "get": op("databases_list_notes", "database:read", listing),
        "post": op(
            "databases_add_note",
            "database:create",
            {"201": {"description": "The new note.", "content": one}},
            **create,
        ),
    }
    paths["/v2/databases/{database_cluster_uuid}/notes/{note_name}"] = {
        "parameters": [cluster, note_name],
        "get": op(
            "databases_get_note",
            "database:read",
            {"200": {"description": "The note.", "content": one}},
        ),
        "delete": op(
            "databases_delete_note", "database:delete", {"204": {"description": "Deleted."}}
        ),
    }
    if typed:
        for method, (verb, returns) in {
            ("get", 0): ("list", "notes"),
            ("post", 0): ("add", "note"),
            ("get", 1): ("get", "note"),
            ("delete", 1): ("delete", None),
        }.items():
            where = list(paths)[-2 + method[1]]
            declared: dict[str, Any] = {"resource": "notes", "name": verb}
            if returns:
                declared["returns"] = returns
            paths[where][method[0]]["x-dodb-call"] = declared
    schemas = spec["components"]["schemas"]
    schemas["Note"] = {
        "type": "object",
        "required": ["name"],
        "description": "A note.",
        "properties": {
            "name": {"type": "string"},
            "text": {"type": "string"},
            "created_at": {"type": "string", "readOnly": True},
        },
    }
    schemas["NoteEnvelope"] = {
        "type": "object",
        "required": ["note"],
        "description": "One note.",
        "properties": {"note": {"$ref": "#/components/schemas/Note"}},
    }
    schemas["NoteList"] = {
        "type": "object",
        "description": "The notes.",
        "properties": {"notes": {"type": "array", "items": {"$ref": "#/components/schemas/Note"}}},
    }
    create_schema: dict[str, Any] = {
        "type": "object",
        "required": ["name"],
        "additionalProperties": False,
        "description": "A new note.",
        "properties": {"name": {"type": "string", "minLength": 1}, "text": {"type": "string"}},
    }
    if typed:
        create_schema["properties"]["name"]["x-dodb-arg"] = "name"
        create_schema["properties"]["text"]["x-dodb-option"] = {
            "name": "text",
            "flag": "--text",
            "help": "what the note says",
        }
    schemas["NoteCreate"] = create_schema
    path.write_text(yaml.safe_dump(spec, sort_keys=False))


def _run(script: str, site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run(
        [sys.executable, "-c", script, str(site), *args], env=env, capture_output=True, text=True
    )


@pytest.mark.slow
def test_a_new_operation_group_needs_only_the_spec(tmp_path: Path) -> None:
    if not (ROOT / ".venv" / "bin" / "python").exists():
        pytest.skip("needs the project's .venv (bash scripts/setup.sh)")
    import json

    copy = tmp_path / "project"
    files = copy_project(copy)
    before = digests(copy, files)
    site = tmp_path / "site"

    _add_notes(copy / "openapi.yaml", typed=False)
    regenerate_and_install(copy, site)
    result = _run(OFFICIAL, site, json.dumps(NOTE))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "typed: False" in result.stdout  # no typed calls before they are declared

    (copy / "openapi.yaml").write_text((ROOT / "openapi.yaml").read_text())
    _add_notes(copy / "openapi.yaml", typed=True)
    regenerate_and_install(copy, site)
    result = _run(TYPED, site)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "typed calls work" in result.stdout

    assert digests(copy, files) == before  # zero edits outside openapi.yaml and generated/
    # The installed package, which has not seen the change, has none of these calls.
    unchanged = subprocess.run([sys.executable, "-c", TYPED, "/"], capture_output=True, text=True)
    assert unchanged.returncode != 0

"""`dodb <resource> <call>`: commands built from the spec's typed calls."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from dodb.cli import main
from dodb.emulator import CLUSTER_IDS, Emulator

PG = CLUSTER_IDS["pg"]


@pytest.fixture
def url() -> str:
    emulator = Emulator()
    with emulator.running() as served:
        yield served


def run(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str, str]:
    code = main(list(words))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_typed_list_prints_a_table_of_plain_fields(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "clusters", "list", "--token", "t", "--api-url", url)
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split()[:3] == ["ID", "NAME", "ENGINE"]
    assert any(row.split()[0] == PG for row in rows)


def test_json_output_masks_credentials_unless_asked(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["clusters", "get", PG, "--token", "t", "--api-url", url, "--output", "json"]
    code, out, _ = run(capsys, *base)
    shown = json.loads(out)
    assert code == 0
    assert shown["id"] == PG
    assert shown["connection"]["password"] == "**********"
    assert shown["connection"]["uri"] == "**********"
    code, out, _ = run(capsys, *base, "--show-secrets")
    revealed = json.loads(out)["connection"]
    assert revealed["password"] != "**********"
    assert revealed["password"] in revealed["uri"]


def test_query_parameters_are_flags(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "clusters", "list", "--tag-name", "nothing-has-it", "--token", "t", "--api-url", url
    )
    assert code == 0
    assert out.strip() == "(none)"


def test_an_api_error_is_one_line_and_exit_1(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "clusters", "get", "no-such", "--token", "t", "--api-url", url)
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert "404" in err


def test_help_lists_every_resource_without_loading_models() -> None:
    script = (
        "import sys, contextlib, io\n"
        "from dodb.cli import build_parser\n"
        "from dodb_api._facts import FACTS\n"
        "parser = build_parser(['--help'])\n"
        "text = parser.format_help()\n"
        "resources = {f.typed.split('.')[0] for f in FACTS.values() if f.typed}\n"
        "missing = [r for r in resources if r.replace('_', '-') not in text]\n"
        "assert not missing, missing\n"
        "loaded = [m for m in sys.modules if m.startswith('dodb_api.models.')]\n"
        "assert not loaded, loaded[:5]\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_an_object_argument_is_given_as_json_and_a_body_is_not_echoed(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = {
        "host": "src.example.invalid",
        "port": 5432,
        "dbname": "app",
        "username": "u",
        "password": "p@ss:/%#?+w0rd",
    }
    code, out, err = run(
        capsys,
        "online-migration",
        "start",
        PG,
        json.dumps(source),
        "--token",
        "t",
        "--api-url",
        url,
        "--output",
        "json",
    )
    assert code == 0, err
    assert json.loads(out)["status"]
    assert "p@ss" not in out
    code, out, err = run(
        capsys,
        "online-migration",
        "stop",
        PG,
        json.loads(out)["id"],
        "--token",
        "t",
        "--api-url",
        url,
        "--output",
        "json",
    )
    assert code == 0, err
    assert json.loads(out)["path"]["database_cluster_uuid"] == PG


def test_a_field_newer_than_the_spec_that_looks_like_a_credential_is_masked() -> None:
    from dodb.cli._resources import render
    from dodb_api.models import LogicalDatabase

    newer = LogicalDatabase.from_dict({"name": "orders", "owner_token": "TOPSECRET"})
    for output in ("json", "table"):
        assert "TOPSECRET" not in render(newer, output=output, show_secrets=False)
    assert "TOPSECRET" in render(newer, output="json", show_secrets=True)

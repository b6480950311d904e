"""openapi.yaml as other languages use it: generated, built and run against `dodb emulator`.

TypeScript: types from openapi-typescript and a client from @hey-api/openapi-ts, both
under `tsc --strict`, and a program running the six operations with the client (Node's
own fetch). Go: a client from oapi-codegen and one from openapi-generator, each with
default options, built; a program running the six operations with the first; and
godo, DigitalOcean's own Go client, managing users with its own types. Generated code
is made here, in a temporary folder, never committed. On a machine without Node, Go
or Java these tests skip saying so; under CI=true they fail instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from dodb.emulator import CLUSTER_IDS
from tests.support.served import emulator_process

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"
NODE_BIN = ROOT / "node_modules" / ".bin"
OPENAPI_GENERATOR = ROOT / ".tools" / "openapi-generator-cli-7.25.0.jar"
STEPS = {
    "add": 201,
    "add-kafka": 201,
    "get": 200,
    "list": 200,
    "update": 201,
    "reset_auth": 200,
    "delete": 204,
}
"""The six operations (add twice: PostgreSQL and Kafka) and their documented statuses."""


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing: scripts/setup.sh installs it")
    pytest.skip(f"{what} is missing (run scripts/setup.sh)")


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _steps(output: str) -> dict[str, int]:
    return {line["step"]: line["status"] for line in map(json.loads, output.splitlines())}


@pytest.fixture(scope="module")
def emulator_env() -> Iterator[dict[str, str]]:
    """`dodb emulator` in its own process, and the environment the programs read."""
    with emulator_process() as url:
        yield {
            **os.environ,
            "DODB_API_URL": url,
            "DIGITALOCEAN_TOKEN": "interop-token",
            "PG_CLUSTER": CLUSTER_IDS["pg"],
            "MYSQL_CLUSTER": CLUSTER_IDS["mysql"],
            "KAFKA_CLUSTER": CLUSTER_IDS["kafka"],
        }


# TypeScript ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def typescript(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """interop/typescript with the generated client and types, compiled by tsc --strict."""
    if shutil.which("node") is None or not (NODE_BIN / "tsc").exists():
        _missing("Node and the pinned TypeScript tools")
    work = tmp_path_factory.mktemp("ts") / "typescript"
    shutil.copytree(ROOT / "interop" / "typescript", work)
    (work / "node_modules").symlink_to(ROOT / "node_modules")
    _run([str(NODE_BIN / "openapi-ts"), "-i", str(SPEC), "-o", "client"], work)
    _run([str(NODE_BIN / "openapi-typescript"), str(SPEC), "-o", "schema.d.ts"], work)
    _run([str(NODE_BIN / "tsc"), "-p", "tsconfig.json"], work)
    return work


def test_typescript_client_runs_the_six_operations(
    typescript: Path, emulator_env: dict[str, str]
) -> None:
    output = _run(["node", "build/program.js"], typescript, emulator_env)
    assert _steps(output) == STEPS


def test_typescript_types_refuse_what_the_spec_forbids(typescript: Path) -> None:
    """types-check.ts marks two values with @ts-expect-error; were either accepted,
    tsc would fail ("unused directive"). Proved here by removing one mark."""
    check = typescript / "types-check.ts"
    text = check.read_text()
    marked = '// @ts-expect-error: Kafka has no "write" permission\n'
    assert marked in text
    broken = typescript.parent / "broken"
    shutil.copytree(typescript, broken, symlinks=True)
    (broken / "types-check.ts").write_text(text.replace(marked, ""))
    result = subprocess.run(
        [str(NODE_BIN / "tsc"), "-p", "tsconfig.json"],
        cwd=broken,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode != 0
    assert result.stdout.startswith("types-check.ts(")
    assert """Type '"write"' is not assignable""" in result.stdout


# Go ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def go_module(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """interop/go with oapi-codegen's client generated in, built and vetted."""
    if shutil.which("go") is None:
        _missing("Go")
    work = tmp_path_factory.mktemp("go") / "go"
    shutil.copytree(ROOT / "interop" / "go", work, ignore=shutil.ignore_patterns("client"))
    (work / "client").mkdir()
    _run(["go", "tool", "oapi-codegen", "-config", "oapi-codegen.yaml", str(SPEC)], work)
    _run(["go", "build", "./..."], work)
    _run(["go", "vet", "./..."], work)
    return work


def test_go_client_runs_the_six_operations(go_module: Path, emulator_env: dict[str, str]) -> None:
    output = _run(["go", "run", "./program"], go_module, emulator_env)
    assert _steps(output) == STEPS


def test_godo_manages_users_on_the_emulator(go_module: Path, emulator_env: dict[str, str]) -> None:
    output = _run(
        ["go", "test", "-count=1", "-v", "-run", "TestGodo", "."], go_module, emulator_env
    )
    assert "--- PASS: TestGodoManagesUsersOnTheEmulator" in output
    assert "SKIP" not in output


def test_openapi_generator_go_client_builds_with_default_options(tmp_path: Path) -> None:
    """Two enums share the value `admin`; with the spec's x-enum-varnames their Go
    constants differ (KafkaAdmin, OpenSearchAdmin) instead of both being ADMIN."""
    if shutil.which("go") is None or shutil.which("java") is None:
        _missing("Go and Java")
    if not OPENAPI_GENERATOR.exists():
        _missing(f"openapi-generator ({OPENAPI_GENERATOR.name})")
    out = tmp_path / "client"
    generate = ["java", "-jar", str(OPENAPI_GENERATOR), "generate", "-g", "go", "-i", str(SPEC)]
    _run([*generate, "-o", str(out), "--global-property=apiTests=false,modelTests=false"], tmp_path)
    _run(["go", "build", "./..."], out)
    constants = (out / "model_kafka_acl_permission.go").read_text()
    assert 'KafkaAdmin KafkaAclPermission = "admin"' in constants


def test_the_documented_generation_commands_work(tmp_path: Path) -> None:
    """The docs' block for other languages (docs/guides/other-languages.md), run as
    written in an empty folder."""
    import re
    import sys

    if shutil.which("npx") is None or shutil.which("go") is None:
        _missing("Node (npx) and Go")
    page = (ROOT / "docs" / "guides" / "other-languages.md").read_text()
    (block,) = [
        b for b in re.findall(r"```bash\n(.*?)```", page, re.S) if b.startswith("dodb spec")
    ]
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    _run(["bash", "-euo", "pipefail", "-c", block], tmp_path, env)
    assert (tmp_path / "openapi.yaml").read_bytes() == SPEC.read_bytes()
    assert "export const databasesAddUser" in (tmp_path / "dodb-client" / "sdk.gen.ts").read_text()
    assert "DatabaseUserCreate" in (tmp_path / "dodb-schema.d.ts").read_text()
    go = (tmp_path / "dodbclient.gen.go").read_text()
    assert go.startswith("// Package dodbclient") or "package dodbclient" in go
    assert 'KafkaAdmin          KafkaAclPermission = "admin"' in go


@pytest.fixture(scope="module")
def godo_module(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """interop/go's godo tests alone (no generated client: they use godo's own types)."""
    if shutil.which("go") is None:
        _missing("Go")
    work = tmp_path_factory.mktemp("godo") / "go"
    shutil.copytree(
        ROOT / "interop" / "go", work, ignore=shutil.ignore_patterns("client", "program")
    )
    return work


def test_godo_runs_every_databases_call_on_the_emulator(godo_module: Path) -> None:
    """Each method of godo's DatabasesService (interop/go/godo_databases_test.go), on an
    emulator of its own: a cluster made, changed and destroyed, every engine's settings."""
    with emulator_process("--per-minute", "100000", "--per-hour", "1000000") as url:
        env = {
            **os.environ,
            "DODB_API_URL": url,
            "DIGITALOCEAN_TOKEN": "interop-token",
            **{f"{engine.upper()}_CLUSTER": cluster for engine, cluster in CLUSTER_IDS.items()},
        }
        output = _run(
            ["go", "test", "-count=1", "-v", "-run", "TestEveryGodoDatabasesCall", "."],
            godo_module,
            env,
        )
    assert "--- PASS: TestEveryGodoDatabasesCall" in output
    assert "SKIP" not in output

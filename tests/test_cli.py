"""The `dodb` command: users subcommands, exit codes, masking, the emulator and the demo."""

from __future__ import annotations

import json
import re
import socket
from collections.abc import Iterator

import httpx
import pytest

from dodb.cli import main
from dodb.emulator import CLUSTER_IDS, Emulator
from tests.support.served import emulator_process

PASSWORD = re.compile(r"\b[a-z0-9]{16}\b")


@pytest.fixture
def served() -> Iterator[tuple[Emulator, str]]:
    emulator = Emulator()
    with emulator.running() as url:
        yield emulator, url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_get_update_reset_delete(
    served: tuple[Emulator, str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    emulator, url = served
    monkeypatch.setenv("DIGITALOCEAN_TOKEN", "cli-token")
    kafka = CLUSTER_IDS["kafka"]
    base = ["users", "--api-url", url]
    code, out, err = run(
        capsys,
        *base,
        "add",
        kafka,
        "app-03",
        "--kafka-acl",
        "customer-events.*:produce",
        "--kafka-acl",
        "billing:consume",
    )
    assert (code, err) == (0, "")
    assert "app-03" in out
    assert "acl:customer-events.*=produce acl:billing=consume" in out
    password = emulator.store.clusters[kafka].users["app-03"]["password"]
    assert password not in out
    assert "**********" in out

    code, out, _ = run(capsys, *base, "--output", "json", "--show-secrets", "get", kafka, "app-03")
    assert code == 0
    shown = json.loads(out)
    assert shown["password"] == password
    assert shown["access_key"].startswith("-----BEGIN PRIVATE KEY-----")
    assert [a["topic"] for a in shown["settings"]["acl"]] == ["customer-events.*", "billing"]

    code, out, _ = run(
        capsys, *base, "--output", "json", "update", kafka, "app-03", "--kafka-acl", "audit:admin"
    )
    assert code == 0
    assert [a["topic"] for a in json.loads(out)["settings"]["acl"]] == ["audit"]
    assert json.loads(out)["password"] == "**********"

    code, out, _ = run(capsys, *base, "reset-auth", kafka, "app-03")
    assert code == 0
    assert emulator.store.clusters[kafka].users["app-03"]["password"] != password

    code, out, _ = run(capsys, *base, "--output", "json", "list", kafka)
    assert [u["name"] for u in json.loads(out)] == ["doadmin", "app-03"]
    assert PASSWORD.search(out) is None

    code, out, _ = run(capsys, *base, "delete", kafka, "app-03")
    assert (code, out.strip()) == (0, "deleted app-03")
    assert "app-03" not in emulator.store.clusters[kafka].users


def test_every_engine_option_has_a_flag(
    served: tuple[Emulator, str], capsys: pytest.CaptureFixture[str]
) -> None:
    emulator, url = served
    base = ["users", "--token", "t", "--api-url", url, "--output", "json"]
    assert (
        run(
            capsys,
            *base,
            "add",
            CLUSTER_IDS["mysql"],
            "m",
            "--mysql-auth-plugin",
            "mysql_native_password",
        )[0]
        == 0
    )
    assert run(capsys, *base, "add", CLUSTER_IDS["pg"], "p", "--pg-allow-replication")[0] == 0
    assert run(capsys, *base, "update", CLUSTER_IDS["pg"], "p", "--no-pg-allow-replication")[0] == 0
    assert (
        run(
            capsys, *base, "add", CLUSTER_IDS["opensearch"], "o", "--opensearch-acl", "logs-*:read"
        )[0]
        == 0
    )
    assert (
        run(
            capsys,
            *base,
            "add",
            CLUSTER_IDS["mongodb"],
            "g",
            "--mongo-database",
            "orders",
            "--mongo-role",
            "readWrite",
        )[0]
        == 0
    )
    assert run(capsys, *base, "add", CLUSTER_IDS["mongodb"], "r", "--readonly")[0] == 0
    assert (
        run(
            capsys,
            *base,
            "reset-auth",
            CLUSTER_IDS["mysql"],
            "m",
            "--mysql-auth-plugin",
            "caching_sha2_password",
        )[0]
        == 0
    )
    users = {c: emulator.store.clusters[CLUSTER_IDS[c]].users for c in CLUSTER_IDS}
    assert users["mysql"]["m"]["mysql_settings"] == {"auth_plugin": "caching_sha2_password"}
    assert users["pg"]["p"]["settings"] == {"pg_allow_replication": False}
    assert users["opensearch"]["o"]["settings"] == {
        "opensearch_acl": [{"index": "logs-*", "permission": "read"}]
    }
    assert users["mongodb"]["g"]["settings"] == {
        "mongo_user_settings": {"databases": ["orders"], "role": "readWrite"}
    }
    assert users["mongodb"]["r"]["settings"]["mongo_user_settings"]["role"] == "readOnly"


def test_api_errors_exit_1_with_one_line(
    served: tuple[Emulator, str], capsys: pytest.CaptureFixture[str]
) -> None:
    _, url = served
    code, out, err = run(
        capsys, "users", "--token", "t", "--api-url", url, "get", "ab7bb7a", "nobody"
    )
    assert code == 1
    assert out == ""
    assert err.startswith(
        "dodb: error: 404 not_found: The resource you requested could not be found."
    )
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["get", "ab7bb7a", "../admin"], "username must not contain a path separator"),
        (
            ["add", "ab7bb7a", "x", "--mongo-role", "readOnly", "--pg-allow-replication"],
            "different engines",
        ),
    ],
)
def test_bad_input_exits_2_before_sending(
    served: tuple[Emulator, str], capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    emulator, url = served
    code, _, err = run(capsys, "users", "--token", "t", "--api-url", url, *args)
    assert code == 2
    assert message in err
    assert err.count("\n") == 1
    assert emulator.limiter.check("t").remaining == 4999  # nothing reached the server


def test_enum_flags_take_their_choices_from_the_generated_enums(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from dodb_api.models import MysqlAuthPlugin

    with pytest.raises(SystemExit) as info:
        main(["users", "--token", "t", "add", "c", "x", "--mysql-auth-plugin", "nope"])
    assert info.value.code == 2
    allowed = ", ".join(repr(m.value) for m in MysqlAuthPlugin)
    assert f"invalid choice: 'nope' (choose from {allowed})" in capsys.readouterr().err


def test_bad_acl_flag_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["users", "--token", "t", "add", "c", "x", "--kafka-acl", "no-permission"])
    assert info.value.code == 2
    assert "expected TOPIC:PERMISSION, got 'no-permission'" in capsys.readouterr().err


def test_missing_token_names_the_variable(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "users", "list", "ab7bb7a")
    assert code == 2
    assert "DIGITALOCEAN_TOKEN" in err


@pytest.mark.slow
def test_unreachable_api_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code, _, err = run(
        capsys, "users", "--token", "t", "--api-url", f"http://127.0.0.1:{port}", "list", "ab7bb7a"
    )
    assert code == 3
    assert "dodb: error:" in err


def test_emulator_command_serves_on_the_given_port() -> None:
    with emulator_process("--cluster", "extra-1:extra:pg", "--per-minute", "1000") as url:
        response = httpx.get(
            f"{url}/v2/databases", headers={"authorization": "Bearer t"}, timeout=5
        )
    ids = {d["id"] for d in response.json()["databases"]}
    assert "extra-1" in ids
    assert set(CLUSTER_IDS.values()) <= ids
    assert response.headers["ratelimit-limit"] == "5000"


def test_demo_runs_the_reference_call_and_masks_secrets(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo")
    assert code == 0
    assert (
        ">>> client.databases.add_user(database_cluster_uuid='ab7bb7a', body={'name': 'app-01'})"
        in out
    )
    for engine in ("mysql", "pg", "kafka", "opensearch", "mongodb"):
        assert CLUSTER_IDS[engine] in out
    assert '"auth_plugin": "mysql_native_password"' in out
    assert '"pg_allow_replication": true' in out
    assert "UnprocessableEntityError" in out
    assert PASSWORD.search(out) is None
    assert "BEGIN PRIVATE KEY" not in out


def test_demo_can_show_secrets(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo", "--show-secrets")
    assert code == 0
    assert re.search(r'"password": "[a-z0-9]{16}"', out)
    assert "BEGIN PRIVATE KEY" in out

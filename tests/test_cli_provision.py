"""`dodb users apply | credentials | rotate` against the emulator."""

from __future__ import annotations

import json
import os
import stat
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from dodb.cli import main
from dodb.cli._provision import EXIT_CHANGED, write_secret_file
from dodb.emulator import CLUSTER_IDS, Emulator, Faults

PG, MYSQL, KAFKA = CLUSTER_IDS["pg"], CLUSTER_IDS["mysql"], CLUSTER_IDS["kafka"]

FILE = textwrap.dedent(
    f"""\
    # what the app needs
    [clusters.{PG}.users.app-01]
    pg_allow_replication = true

    [clusters.{KAFKA}.users.events]
    kafka_acls = [{{topic = "events.*", permission = "produce"}}]

    [clusters."{MYSQL}".users.legacy]
    mysql_auth_plugin = "mysql_native_password"
    """
)


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> Iterator[Emulator]:
    emulator = Emulator()
    with emulator.running() as url:
        monkeypatch.setenv("DIGITALOCEAN_TOKEN", "cli-token")
        monkeypatch.setenv("DODB_API_URL", url)
        yield emulator


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["users", *args])
    out, err = capsys.readouterr()
    return code, out, err


def users_of(emulator: Emulator, cluster: str) -> dict[str, dict[str, object]]:
    return emulator.store.clusters[cluster].users


# apply -----------------------------------------------------------------------------------


def test_apply_plans_then_makes_the_users_and_a_second_apply_changes_nothing(
    served: Emulator, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    file = tmp_path / "users.toml"
    file.write_text(FILE)
    code, out, err = run(capsys, "apply", str(file), "--dry-run")
    assert (code, err) == (EXIT_CHANGED, "")
    assert out.splitlines()[:3] == [
        f"+ create    {PG}/app-01",
        f"+ create    {KAFKA}/events",
        f"+ create    {MYSQL}/legacy",
    ]
    assert "app-01" not in users_of(served, PG)  # a dry run sends no change

    code, out, _ = run(capsys, "apply", str(file))
    assert code == EXIT_CHANGED
    assert f"created {KAFKA}/events" in out.splitlines()
    assert users_of(served, PG)["app-01"]["settings"] == {"pg_allow_replication": True}
    assert users_of(served, MYSQL)["legacy"]["mysql_settings"] == {
        "auth_plugin": "mysql_native_password"
    }

    code, out, _ = run(capsys, "apply", str(file))
    assert code == 0
    assert out.splitlines()[-1] == "plan: 0 to change, 3 unchanged"


def test_apply_changes_what_differs_and_prune_spares_the_primary_user(
    served: Emulator, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    file = tmp_path / "users.toml"
    file.write_text(FILE)
    run(capsys, "apply", str(file))
    main(["users", "add", PG, "stray"])
    file.write_text(FILE.replace("pg_allow_replication = true", "pg_allow_replication = false"))
    code, out, _ = run(capsys, "apply", str(file), "--prune")
    assert code == EXIT_CHANGED
    lines = out.splitlines()
    assert f"~ change    {PG}/app-01 (pg_allow_replication)" in lines
    assert f"- delete    {PG}/stray" in lines
    assert not any("doadmin" in line for line in lines)
    assert set(users_of(served, PG)) == {"doadmin", "app-01"}
    assert set(users_of(served, KAFKA)) == {"doadmin", "events"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[clusters.c.users.app]\npg_allow_replication = true\nkafka_acl = []\n",
            "users.toml:3: clusters.c.users.app.kafka_acl: unknown option",
        ),
        (
            '[clusters.c.users.app]\n\nkafka_acls = [{topic = "t", permission = "write"}]\n',
            "users.toml:3: clusters.c.users.app.kafka_acls: kafka_acls[0].permission must be "
            "one of admin, consume, produce, produceconsume; got 'write'",
        ),
        (
            "[clusters.c.users.app]\npg_allow_replication = 1\n",
            "users.toml:2: clusters.c.users.app.pg_allow_replication",
        ),
        (
            "[clusters.c.users.app]\npg_allow_replication = true\nmongo_role = 'readOnly'\n",
            "users.toml:1: clusters.c.users.app: options for different engines cannot be combined",
        ),
        ("[clusters.c.users.app\n", "users.toml: not valid TOML"),
        ("[clusters.c.users.app]\nx = 1\n[other]\n", "unknown top-level key"),
        ("[clusters.c]\nusers = 3\n", "users.toml:1: clusters.c: users must be a table"),
    ],
)
def test_bad_files_are_named_with_line_and_key_before_anything_is_sent(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DIGITALOCEAN_TOKEN", raising=False)  # not needed to find a bad file
    Path("users.toml").write_text(text)
    code, out, err = run(capsys, "apply", "users.toml")
    assert (code, out) == (2, "")
    assert err.startswith("dodb: error: ")
    assert message in err, err


def test_apply_of_fifty_users_under_faults_ends_exactly_as_wanted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """50 users over three clusters, with 500s before and after acting, dropped
    connections after acting and 429s: the plan is carried out whole, every step is
    reported, and a second apply finds nothing to do."""
    wanted: dict[str, dict[str, str]] = {PG: {}, KAFKA: {}, MYSQL: {}}
    lines = []
    for i in range(50):
        cluster = (PG, KAFKA, MYSQL)[i % 3]
        name = f"user-{i:02d}"
        option = {
            PG: f"pg_allow_replication = {'true' if i % 2 else 'false'}",
            KAFKA: f'kafka_acls = [{{topic = "t{i}.*", permission = "consume"}}]',
            MYSQL: 'mysql_auth_plugin = "mysql_native_password"',
        }[cluster]
        wanted[cluster][name] = option
        lines.append(f'[clusters."{cluster}".users.{name}]\n{option}\n')
    file = tmp_path / "users.toml"
    file.write_text("\n".join(lines))
    faults = Faults(error_before=0.1, error_after=0.1, drop_after=0.05, throttle=0.05, seed=7)
    emulator = Emulator(faults=faults)
    with emulator.running() as url:
        monkeypatch.setenv("DIGITALOCEAN_TOKEN", "cli-token")
        monkeypatch.setenv("DODB_API_URL", url)
        monkeypatch.setattr("time.sleep", lambda seconds: None)  # waits cost no time here
        code, out, err = run(capsys, "apply", str(file), "--max-retries", "8")
        assert (code, err) == (EXIT_CHANGED, ""), out + err
        assert out.count("\ncreated ") + out.startswith("created ") == 50
        assert sum(emulator.fault_counts.values()) > 10  # the faults really happened
        for cluster, names in wanted.items():
            users = users_of(emulator, cluster)
            assert set(users) == {"doadmin", *names}  # nothing lost, nothing doubled
        for i in range(3, 50, 6):  # the odd PostgreSQL users have replication
            assert users_of(emulator, PG)[f"user-{i:02d}"]["settings"] == {
                "pg_allow_replication": True
            }
        code, out, _ = run(capsys, "apply", str(file), "--max-retries", "8")
        assert code == 0
        assert out.splitlines()[-1] == "plan: 0 to change, 50 unchanged"


# credentials and rotate --------------------------------------------------------------------


def test_credentials_are_masked_unless_asked(
    served: Emulator, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["users", "add", PG, "app"])
    capsys.readouterr()
    password = str(users_of(served, PG)["app"]["password"])
    for fmt in ("uri", "env", "json"):
        code, out, _ = run(capsys, "credentials", PG, "app", "--format", fmt)
        assert code == 0
        assert password not in out
        assert "**********" in out
    code, out, _ = run(capsys, "credentials", PG, "app", "--show-secrets")
    parts = urlsplit(out.strip())
    assert (parts.scheme, parts.username, parts.password) == ("postgresql", "app", password)
    code, out, _ = run(capsys, "credentials", PG, "app", "--format", "env", "--show-secrets")
    env = dict(line.split("=", 1) for line in out.splitlines())
    assert env["DATABASE_PASSWORD"] == password
    assert urlsplit(env["DATABASE_URL"].strip("'")).hostname == env["DATABASE_HOST"]


def test_rotate_writes_a_0600_file_replaced_atomically(
    served: Emulator, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    main(["users", "add", MYSQL, "app"])
    old = str(users_of(served, MYSQL)["app"]["password"])
    target = tmp_path / "app.json"
    target.write_text("old contents")
    target.chmod(0o644)
    code, out, _ = run(capsys, "rotate", MYSQL, "app", "--format", "json", "--write", str(target))
    assert code == 0
    new = str(users_of(served, MYSQL)["app"]["password"])
    assert new != old
    assert new not in out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    written = json.loads(target.read_text())
    assert written["password"] == new
    assert urlsplit(written["uri"]).password == new
    assert [p.name for p in tmp_path.iterdir()] == ["app.json"]  # no temporary left


def test_rotate_without_a_place_for_the_password_sends_nothing(
    served: Emulator, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["users", "add", PG, "app"])
    capsys.readouterr()
    before = users_of(served, PG)["app"]["password"]
    code, out, err = run(capsys, "rotate", PG, "app")
    assert (code, out) == (2, "")
    assert "rotate needs --write PATH or --show-secrets" in err
    assert users_of(served, PG)["app"]["password"] == before


def test_kafka_credentials_have_no_uri_but_env_and_json(
    served: Emulator, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["users", "add", KAFKA, "stream"])
    code, _, err = run(capsys, "credentials", KAFKA, "stream")
    assert code == 2
    assert "no connection URI" in err
    code, out, _ = run(capsys, "credentials", KAFKA, "stream", "--format", "json")
    shown = json.loads(out)
    assert shown["bootstrap"].endswith(":25073")
    assert shown["access_key"] == "**********"
    assert shown["access_cert"].startswith("-----BEGIN CERTIFICATE-----")


def test_a_reader_never_sees_half_a_file(tmp_path: Path) -> None:
    """Rewritten 200 times while another thread reads it: each read is one whole version."""
    target = tmp_path / "creds.env"
    versions = [f"DATABASE_PASSWORD={i:04d}{'x' * 5000}\n" for i in range(200)]
    write_secret_file(target, versions[0])
    seen: set[str] = set()
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            seen.add(target.read_text())

    reader = threading.Thread(target=read)
    reader.start()
    for text in versions[1:]:
        write_secret_file(target, text)
    stop.set()
    reader.join()
    assert seen <= set(versions)
    assert os.stat(target).st_mode & 0o077 == 0

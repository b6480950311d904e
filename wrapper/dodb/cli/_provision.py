"""`dodb users apply | credentials | rotate`: desired users from a file, and their secrets.

Secrets reach stdout only with --show-secrets; --write puts them in a file made
with mode 0600 and replaced atomically, so a reader never sees half of one.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
import tempfile
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from .._errors import DodbError
from ._render import printable

if TYPE_CHECKING:
    from dodb_api.calls.users import UsersAddOptions as AddOptions

    from .._provision import Credentials

EXIT_NO_CHANGES = 0
EXIT_CHANGED = 4
"""`apply`: changes were made (or, with --dry-run, would be)."""


class FileError(DodbError):
    """A desired-users file that cannot be applied: names the file, line and key."""


def add_parsers(actions: Any, flags: argparse.ArgumentParser) -> None:
    apply = actions.add_parser(
        "apply",
        help="make the users of a TOML file exist, as written there",
        parents=[flags],
        description="Reads [clusters.CLUSTER.users.NAME] tables whose keys are the typed "
        "call's options (pg_allow_replication = true, kafka_acls = [{topic = ..., "
        "permission = ...}], ...). Prints the plan, then carries it out. Exit 0: "
        f"nothing to change; {EXIT_CHANGED}: changes made (or planned, with --dry-run); "
        "1, 2, 3: an API error, a bad file, no connection.",
    )
    apply.add_argument("file", type=Path, help="the TOML file of desired users")
    apply.add_argument("--dry-run", action="store_true", help="print the plan and stop")
    apply.add_argument(
        "--prune",
        action="store_true",
        help="also delete the users of the file's clusters that it does not name "
        "(never a cluster's primary user)",
    )
    for name, helptext in (
        ("credentials", "print or write what an app needs to connect as a user"),
        ("rotate", "give a user a new password, then print or write its credentials"),
    ):
        action = actions.add_parser(name, help=helptext, parents=[flags])
        action.add_argument("cluster", help="database cluster id")
        action.add_argument("name", help="user name")
        action.add_argument(
            "--format",
            choices=["uri", "env", "json"],
            default="uri",
            help="a connection URI (the default), KEY=value lines, or JSON",
        )
        action.add_argument(
            "--write",
            type=Path,
            metavar="PATH",
            help="write the credentials, secrets included, to PATH (mode 0600, replaced "
            "atomically) instead of printing them",
        )
        if name == "credentials":
            action.add_argument(
                "--private", action="store_true", help="the address inside the cluster's VPC"
            )


# The desired-users file -------------------------------------------------------------------


class Desired(NamedTuple):
    """One user as the file wants it."""

    cluster: str
    name: str
    options: AddOptions


def _header_path(line: str) -> tuple[str, ...] | None:
    """The keys of a `[table]` header line, read by TOML itself (quoted keys and all)."""
    text = line.strip()
    if not text.startswith("[") or text.startswith("[["):
        return None
    tree: Any = None
    for attempt in (text, text.split("#", 1)[0]):  # as is, then without a trailing comment
        try:
            tree = tomllib.loads(attempt)
            break
        except tomllib.TOMLDecodeError:
            continue
    if tree is None:
        return None
    keys: list[str] = []
    while isinstance(tree, dict) and len(tree) == 1:
        key, tree = next(iter(tree.items()))
        keys.append(key)
    return tuple(keys)


def _line_of(text: str, table: tuple[str, ...], key: str | None = None) -> int | None:
    """The line of a table's header, or of a key inside it (1-based)."""
    inside = False
    for number, line in enumerate(text.splitlines(), 1):
        header = _header_path(line)
        if header is not None:
            inside = header == table
            if inside and key is None:
                return number
            continue
        if inside and key is not None:
            name = line.split("=", 1)[0].strip().strip('"')
            if "=" in line and name == key:
                return number
    return None


def load_desired(path: Path) -> list[Desired]:
    """The users the file wants, each checked against the options (nothing is sent)."""
    from .. import _calls as calls

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise FileError(f"{path}: cannot read it ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise FileError(f"{path}: not UTF-8 text") from None
    try:
        tree = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FileError(f"{path}: not valid TOML: {exc}") from None

    def fail(message: str, table: tuple[str, ...], key: str | None = None) -> FileError:
        line = _line_of(text, table, key) or _line_of(text, table) or 1
        where = ".".join(table) + (f".{key}" if key else "")
        return FileError(f"{path}:{line}: {where}: {message}")

    unknown = sorted(set(tree) - {"clusters"})
    if unknown:
        raise fail(f"unknown top-level key (only [clusters...] tables): {unknown[0]}", ())
    clusters = tree.get("clusters")
    if not isinstance(clusters, Mapping) or not clusters:
        raise FileError(f"{path}:1: no [clusters.CLUSTER.users.NAME] tables")
    desired: list[Desired] = []
    for cluster, body in clusters.items():
        table = ("clusters", cluster)
        if not isinstance(body, Mapping) or set(body) - {"users"}:
            extra = sorted(set(body) - {"users"}) if isinstance(body, Mapping) else []
            raise fail(
                f"a cluster holds only a users table{f', not {extra[0]}' if extra else ''}", table
            )
        users = body.get("users")
        if not isinstance(users, Mapping):
            raise fail("users must be a table of [clusters.CLUSTER.users.NAME] tables", table)
        for name, options in users.items():
            where = (*table, "users", name)
            if not isinstance(options, Mapping):
                raise fail("a user must be a table of options", where)
            chosen = cast("AddOptions", dict(options))
            try:
                calls.typed("databases_add_user", (cluster,), {"name": name}, chosen)
            except TypeError:
                from dodb_api.models import DatabaseUserCreate

                from .._options import by_name

                known = by_name(DatabaseUserCreate)
                key = next((k for k in options if k not in known), None)
                hint = "see `dodb users add --help` for the options, in snake_case"
                raise fail(f"unknown option ({hint})", where, key) from None
            except DodbError as exc:
                key = next((k for k in options if str(exc).startswith(k)), None)
                raise fail(str(exc), where, key) from None
            desired.append(Desired(cluster, name, chosen))
    return desired


# Output and files -----------------------------------------------------------------------


def render(creds: Credentials, fmt: str, *, reveal: bool) -> str:
    """Credentials as a URI, KEY=value lines or JSON; secrets masked unless `reveal`."""
    if fmt == "json":
        return json.dumps(creds.to_dict(reveal=reveal), indent=2) + "\n"
    if fmt == "env":
        env = creds.to_env(reveal=reveal)
        return "".join(f"{key}={shlex.quote(value)}\n" for key, value in env.items())
    if creds.uri is not None:
        return (creds.uri.reveal() if reveal else _masked_uri(creds)) + "\n"
    if creds.url is not None:
        return creds.url + "\n"
    raise DodbError(
        f"a {creds.engine.value} user has no connection URI (it connects with a client "
        "certificate): use --format env or json"
    )


def _masked_uri(creds: Credentials) -> str:
    assert creds.uri is not None
    assert creds.password is not None
    return creds.uri.reveal().replace(_quoted(creds.password.reveal()), str(creds.password), 1)


def _quoted(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")


def write_secret_file(path: Path, content: str) -> None:
    """Write `content` to `path` with mode 0600, replacing any old file atomically."""
    directory = path.parent if str(path.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def deliver(creds: Credentials, args: argparse.Namespace) -> None:
    """Write the credentials to --write's file, or print them (masked unless asked)."""
    if args.write is not None:
        write_secret_file(args.write, render(creds, args.format, reveal=True))
        print(f"wrote {printable(args.name, 100)}'s credentials to {args.write} (mode 0600)")
    else:
        sys.stdout.write(render(creds, args.format, reveal=args.show_secrets))


# apply ---------------------------------------------------------------------------------


class _Change(NamedTuple):
    sign: str
    cluster: str
    name: str
    found: Any = None
    options: Any = None
    changed: tuple[str, ...] = ()


_WORDS = {"+": "create", "~": "change", "=": "unchanged", "-": "delete"}
_SIGNS = {"created": "+", "changed": "~", "unchanged": "="}


def run_apply(client: Any, args: argparse.Namespace, desired: list[Desired]) -> int:
    """Plan every cluster from one list of its users, print the plan, then carry it out."""
    from dodb_api.models import UserRole

    from .._provision import apply_user_flow, plan_user

    users = client.databases.users
    by_cluster: dict[str, list[Desired]] = {}
    for want in desired:
        by_cluster.setdefault(want.cluster, []).append(want)
    plan: list[_Change] = []
    for cluster, wants in by_cluster.items():
        found = {u.name: u for u in users.list(cluster)}
        for want in wants:
            user = found.get(want.name)
            action, _, changed = plan_user(cluster, want.name, user, want.options)
            plan.append(_Change(_SIGNS[action], cluster, want.name, user, want.options, changed))
        if args.prune:
            named = {w.name for w in wants}
            for user in found.values():
                if user.name not in named and user.role is not UserRole.PRIMARY:
                    plan.append(_Change("-", cluster, user.name))
    for change in plan:
        detail = f" ({', '.join(change.changed)})" if change.changed else ""
        shown = f"{change.cluster}/{printable(change.name, 100)}"
        print(f"{change.sign} {_WORDS[change.sign]:<9} {shown}{detail}")
    to_do = [c for c in plan if c.sign != "="]
    print(f"plan: {len(to_do)} to change, {len(plan) - len(to_do)} unchanged")
    if args.dry_run or not to_do:
        return EXIT_CHANGED if to_do else EXIT_NO_CHANGES
    for done, change in enumerate(to_do):
        shown = f"{change.cluster}/{printable(change.name, 100)}"
        try:
            if change.sign == "-":
                users.delete(change.cluster, change.name)
                result = "deleted"
            else:
                flow = apply_user_flow(change.cluster, change.name, change.found, change.options)
                result = client._drive(flow).action
        except DodbError:
            print(f"stopped after {done} of {len(to_do)} changes; not done: {shown}")
            raise
        print(f"{result} {shown}")
    return EXIT_CHANGED

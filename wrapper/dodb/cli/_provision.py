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
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._errors import DodbError
from ._render import printable

if TYPE_CHECKING:
    from .._apply import Change, ClusterAccess, Kind
    from .._provision import Credentials

EXIT_NO_CHANGES = 0
EXIT_CHANGED = 4
"""`apply`: changes were made (or, with --dry-run, would be)."""


class FileError(DodbError):
    """A desired-users file that cannot be applied: names the file, line and key."""


def add_apply(actions: Any, flags: argparse.ArgumentParser, *, prune: str) -> None:
    """`dodb apply FILE` (every kind), and `dodb users apply FILE` (where --prune means users)."""
    apply = actions.add_parser(
        "apply",
        help="give clusters the users, databases, pools and trusted sources of a TOML file",
        parents=[flags],
        description="Reads [clusters.CLUSTER] tables: dbs = [names], trusted_sources = "
        '[{type = "ip_addr", value = "..."}], [clusters.CLUSTER.users.NAME] tables whose '
        "keys are the typed call's options (pg_allow_replication = true, ...) and "
        "[clusters.CLUSTER.pools.NAME] tables (mode, size, db, user). Prints the plan, then "
        "carries it out in dependency order. Exit 0: nothing to change; "
        f"{EXIT_CHANGED}: changes made (or planned, with --dry-run); 1, 2, 3: an API error, "
        "a bad file, no connection.",
    )
    apply.add_argument("file", type=Path, help="the TOML file of what the clusters should hold")
    apply.add_argument("--dry-run", action="store_true", help="print the plan and stop")
    apply.add_argument(
        "--prune",
        nargs="?",
        const=prune,
        default=None,
        metavar="KINDS",
        help="also delete, on the file's clusters, what it does not name: all, or some of "
        f"users,dbs,pools,trusted_sources (alone: {prune}); never a primary user or defaultdb",
    )


def add_parsers(actions: Any, flags: argparse.ArgumentParser) -> None:
    add_apply(actions, flags, prune="users")
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
        action.add_argument(
            "--pool", metavar="NAME", help="connect through this connection pool (PostgreSQL)"
        )
        action.add_argument(
            "--ca-file",
            type=Path,
            metavar="PATH",
            help="write the cluster's CA certificate here; the URI's clients verify the "
            "server against it (sslmode=verify-full on PostgreSQL)",
        )


# The desired-users file -------------------------------------------------------------------


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


def load_desired(path: Path) -> dict[str, ClusterAccess]:
    """What the file wants of each cluster, every name and option checked (nothing is sent)."""
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
        raise FileError(f"{path}:1: no [clusters.CLUSTER] tables")
    desired: dict[str, ClusterAccess] = {}
    for cluster, body in clusters.items():
        table = ("clusters", cluster)
        if not isinstance(body, Mapping):
            raise fail("a cluster must be a table", table)
        extra = sorted(set(body) - set(_CLUSTER_KEYS))
        if extra:
            raise fail(f"unknown key (a cluster holds {', '.join(_CLUSTER_KEYS)})", table, extra[0])
        from .._apply import ClusterAccess

        desired[cluster] = ClusterAccess(
            users=_tables(body, "users", table, fail, _check_user, cluster),
            dbs=_names(body, table, fail, cluster),
            pools=_tables(body, "pools", table, fail, _check_pool, cluster),
            trusted_sources=_sources(body, table, fail),
        )
    return desired


_CLUSTER_KEYS = ("users", "dbs", "pools", "trusted_sources")

Fail = Callable[..., FileError]


def _tables(
    body: Mapping[str, Any],
    key: str,
    table: tuple[str, ...],
    fail: Fail,
    check: Callable[[str, str, Mapping[str, Any]], None],
    cluster: str,
) -> dict[str, Mapping[str, Any]]:
    """`[clusters.CLUSTER.KEY.NAME]` tables, each checked as its call will send it."""
    found = body.get(key, {})
    if not isinstance(found, Mapping):
        raise fail(f"{key} must be a table of [clusters.CLUSTER.{key}.NAME] tables", table)
    out: dict[str, Mapping[str, Any]] = {}
    for name, options in found.items():
        where = (*table, key, name)
        if not isinstance(options, Mapping):
            raise fail("must be a table of options", where)
        try:
            check(cluster, name, options)
        except TypeError:
            hint = f"see `dodb {key} add --help` for the options, in snake_case"
            known = _known_options(key)
            bad = next((k for k in options if k not in known), None)
            raise fail(f"unknown option ({hint})", where, bad) from None
        except DodbError as exc:
            bad = next((k for k in options if str(exc).startswith(k)), None)
            raise fail(str(exc), where, bad) from None
        out[name] = dict(options)
    return out


def _check_user(cluster: str, name: str, options: Mapping[str, Any]) -> None:
    from .. import _calls as calls

    calls.typed("databases_add_user", (cluster,), {"name": name}, options)


def _check_pool(cluster: str, name: str, options: Mapping[str, Any]) -> None:
    from .. import _calls as calls

    calls.typed("databases_add_connection_pool", (cluster,), {"name": name}, options)


def _known_options(key: str) -> set[str]:
    from dodb_api.types import load_operation

    from .._options import by_name

    operation = {"users": "databases_add_user", "pools": "databases_add_connection_pool"}[key]
    body = load_operation(operation).body
    assert body is not None
    return set(by_name(body))


def _names(
    body: Mapping[str, Any], table: tuple[str, ...], fail: Fail, cluster: str
) -> tuple[str, ...]:
    from .. import _calls as calls

    names = body.get("dbs", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise fail("dbs must be a list of database names", table, "dbs")
    for name in names:
        try:
            calls.typed("databases_add", (cluster,), {"name": name}, {})
        except DodbError as exc:
            raise fail(f"{name!r}: {exc}", table, "dbs") from None
    return tuple(names)


def _sources(
    body: Mapping[str, Any], table: tuple[str, ...], fail: Fail
) -> tuple[tuple[str, str], ...]:
    from .._access import rule

    items = body.get("trusted_sources", [])
    shape = 'trusted_sources must be a list of {type = "...", value = "..."} tables'
    if not isinstance(items, list):
        raise fail(shape, table, "trusted_sources")
    found = []
    for item in items:
        if not isinstance(item, Mapping) or set(item) != {"type", "value"}:
            raise fail(shape, table, "trusted_sources")
        try:
            found.append(rule(item["type"], str(item["value"])))
        except DodbError as exc:
            raise fail(str(exc), table, "trusted_sources") from None
    return tuple(found)


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


_WORDS = {"+": "create", "~": "change", "=": "unchanged", "-": "delete"}


def _shown(change: Change) -> str:
    kind = "" if change.kind == "user" else f"{change.kind.replace('_', ' ')} "
    return f"{kind}{change.cluster}/{printable(change.name, 100)}"


def run_apply(client: Any, args: argparse.Namespace, desired: dict[str, ClusterAccess]) -> int:
    """Print the plan (read once), then have the client carry that plan out."""
    from .._apply import ApplyError

    prune = _prune_kinds(args.prune)
    plan = client.plan(desired, prune=prune)
    for change in plan.changes:
        detail = f" ({', '.join(change.changed)})" if change.changed else ""
        print(f"{change.sign} {_WORDS[change.sign]:<9} {_shown(change)}{detail}")
    to_do = plan.to_do
    print(f"plan: {len(to_do)} to change, {len(plan.changes) - len(to_do)} unchanged")
    if args.dry_run or not to_do:
        return EXIT_CHANGED if to_do else EXIT_NO_CHANGES

    def report(change: Change, result: str) -> None:
        print(f"{result} {_shown(change)}")

    try:
        client.apply(desired, prune=prune, plan=plan, report=report)
    except ApplyError as exc:
        print(str(exc).split("; not done", 1)[0])
        raise
    return EXIT_CHANGED


def _prune_kinds(value: str | None) -> tuple[Kind, ...]:
    from .._apply import KINDS

    if value is None:
        return ()
    if value == "all":
        return KINDS
    chosen = tuple(v.strip().replace("-", "_").rstrip("s") for v in value.split(","))
    kinds = {k.rstrip("s"): k for k in KINDS}
    bad = [c for c in chosen if c not in kinds]
    if bad:
        raise DodbError(
            f"--prune takes all or a list of {', '.join(k + 's' for k in KINDS)}; not {bad[0]}"
        )
    return tuple(kinds[c] for c in chosen)

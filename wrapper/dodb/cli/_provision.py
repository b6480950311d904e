"""`dodb users apply | credentials | rotate`: desired users from a file, and their secrets.

Secrets reach stdout only with --show-secrets; --write puts them in a file made
with mode 0600 and replaced atomically, so a reader never sees half of one.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._errors import DodbError
from .._files import replace_file
from ._render import printable
from ._resources import call_name

if TYPE_CHECKING:
    from .._access_file import Kind
    from .._apply import Change, ClusterAccess
    from .._provision import Credentials

EXIT_NO_CHANGES = 0
EXIT_CHANGED = 4
"""`apply`: changes were made (or, with --dry-run, would be)."""


def add_apply(actions: Any, flags: argparse.ArgumentParser, *, prune: str) -> None:
    """`dodb apply FILE` (every kind), and `dodb users apply FILE` (where --prune means users)."""
    apply = actions.add_parser(
        "apply",
        help="give clusters the users, databases, pools and trusted sources of a TOML file",
        parents=[flags],
        description="Reads [clusters.CLUSTER] tables: dbs = [names], trusted_sources = "
        "[{type = TYPE, value = VALUE}], [clusters.CLUSTER.users.NAME] tables whose "
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


"""The CLI's name for reading the file: the library's own `dodb.load_access`."""


def add_parsers(actions: Any, flags: argparse.ArgumentParser) -> None:
    add_apply(actions, flags, prune="users")  # `dodb users apply --prune`: the users
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
    replace_file(path, content, 0o600)


def deliver(creds: Credentials, args: argparse.Namespace) -> None:
    """Write the credentials to --write's file, or print them (masked unless asked)."""
    if args.write is not None:
        write_secret_file(args.write, render(creds, args.format, reveal=True))
        print(f"wrote {printable(args.name, 100)}'s credentials to {args.write} (mode 0600)")
    else:
        sys.stdout.write(render(creds, args.format, reveal=args.show_secrets))


# apply ---------------------------------------------------------------------------------


_WORDS = {"+": "create", "~": "change", "=": "unchanged", "-": call_name("databases_delete_user")}


_ALL = "all"
"""`--prune all`: every kind."""
_NOUNS = {"dbs": "db", "pools": "pool", "trusted_sources": "trusted source"}
"""How a change of each kind is named in the plan (a user by its name alone)."""


def _shown(change: Change) -> str:
    noun = _NOUNS.get(change.kind)
    kind = f"{noun} " if noun else ""
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
    from .._access_file import KINDS

    if value is None:
        return ()
    if value == _ALL:
        return KINDS
    chosen = [v.strip().replace("-", "_") for v in value.split(",")]
    bad = [c for c in chosen if c not in KINDS]
    if bad:
        raise DodbError(f"--prune takes all or a list of {', '.join(KINDS)}; not {bad[0]!r}")
    return tuple(k for k in KINDS if k in chosen)

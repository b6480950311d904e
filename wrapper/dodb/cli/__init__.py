"""The `dodb` command: manage database users, run the emulator, run the demo."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import Any

from .._config import DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, TOKEN_ENV
from .._errors import (
    APIConnectionError,
    APIError,
    ConfigurationError,
    DodbError,
    NoPasswordError,
)
from .._version import __version__
from ._render import printable, user_to_json, users_output
from ._resources import call_name

API_URL_ENV = "DODB_API_URL"
EXIT_API_ERROR = 1
EXIT_BAD_INPUT = 2
EXIT_CONNECTION = 3


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, got {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 0 to 65535, not {port}")
    return port


def _global_flags(*, defaults: bool) -> argparse.ArgumentParser:
    """The flags of `dodb users`, for before and after the action.

    After the action they default to SUPPRESS, so that leaving them out there
    keeps what was given before it."""

    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    flags = argparse.ArgumentParser(add_help=False)
    flags.add_argument("--token", default=default(None), help=f"API token (default: ${TOKEN_ENV})")
    flags.add_argument(
        "--api-url",
        default=default(os.environ.get(API_URL_ENV) or DEFAULT_BASE_URL),
        help=f"API base URL (default: ${API_URL_ENV}, else {DEFAULT_BASE_URL})",
    )
    flags.add_argument("--output", choices=["table", "json"], default=default("table"))
    flags.add_argument(
        "--max-retries",
        type=int,
        default=default(DEFAULT_MAX_RETRIES),
        metavar="N",
        help=f"retries of a failed attempt (default {DEFAULT_MAX_RETRIES})",
    )
    flags.add_argument(
        "--show-secrets",
        action="store_true",
        default=default(False),
        help="print passwords and keys instead of masking them",
    )
    return flags


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dodb",
        description="Manage DigitalOcean managed databases: their users, and every call the "
        "API's spec declares as a command.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    wanted = next((word for word in argv if not word.startswith("-")), None)

    users = commands.add_parser(
        "users",
        help="list, get, add, update, delete or reset database users",
        parents=[_global_flags(defaults=True)],
    )
    actions = users.add_subparsers(dest="action", required=True)
    for name, needs_user, helptext in [
        ("list", False, "list the users of a cluster"),
        ("get", True, "show one user"),
        ("add", True, "add a user"),
        ("update", True, "replace a user's settings"),
        (_DELETE, True, "delete a user"),
        ("reset-auth", True, "give a user a new password"),
    ]:
        # The global flags are accepted after the action too (`dodb users get C N --output json`).
        action = actions.add_parser(name, help=helptext, parents=[_global_flags(defaults=False)])
        action.add_argument("cluster", help="database cluster id")
        if needs_user:
            action.add_argument("name", help="user name")
        if name in _OPERATION_OF_ACTION and wanted == "users":  # --help alone loads no model
            from dodb_api.types import load_operation

            from ._resources import option_flags

            body = load_operation(_OPERATION_OF_ACTION[name]).body
            assert body is not None
            option_flags(action, body, "engine options")
    from ._provision import add_parsers

    add_parsers(actions, _global_flags(defaults=False))
    from .._access_file import KINDS
    from ._provision import add_apply
    from ._resources import add_commands

    add_apply(commands, _global_flags(defaults=True), prune=",".join(KINDS))

    add_commands(commands, lambda defaults: _global_flags(defaults=defaults), argv)

    emulator = commands.add_parser("emulator", help="serve the local API emulator")
    emulator.add_argument("--host", default="127.0.0.1")
    emulator.add_argument("--port", type=_port, default=8080, help="0 to 65535 (0: any free one)")
    emulator.add_argument(
        "--cluster",
        action="append",
        default=[],
        metavar="ID:NAME:ENGINE",
        help="declare another cluster (repeatable)",
    )
    emulator.add_argument(
        "--no-seed", action="store_true", help="start without the seeded clusters"
    )
    emulator.add_argument(
        "--token",
        action="append",
        default=[],
        metavar="TOKEN=SCOPE,SCOPE",
        help="accept only these tokens, with these scopes (repeatable)",
    )
    emulator.add_argument("--per-hour", type=int, default=5000)
    emulator.add_argument("--per-minute", type=int, default=250)
    emulator.add_argument(
        "--error-before",
        type=float,
        default=0.0,
        help="share of requests answered 500 without acting",
    )
    emulator.add_argument(
        "--error-after", type=float, default=0.0, help="share acted on, then answered 500"
    )
    emulator.add_argument(
        "--throttle", type=float, default=0.0, help="share answered 429 with retry-after"
    )
    emulator.add_argument(
        "--drop-after", type=float, default=0.0, help="share acted on, then the connection dropped"
    )
    emulator.add_argument(
        "--latency", type=float, default=0.0, help="seconds added to every request"
    )
    emulator.add_argument("--seed", type=int, default=None, help="make injected faults repeatable")
    emulator.add_argument(
        "--profile",
        choices=["consistent", "realistic"],
        default="consistent",
        help="realistic: behave as the real API does (read lag, GET without settings, "
        "blank MongoDB passwords on GET, the server's own spellings, conflicting changes "
        "on one cluster); see Faults in the README",
    )
    emulator.add_argument(
        "--read-lag",
        type=float,
        default=None,
        help="seconds a new user stays invisible to reads (realistic default: 0.5)",
    )
    emulator.add_argument("--postgres", action="store_true", help=_POSTGRES_HELP)

    commands.add_parser(
        "spec",
        help="print the OpenAPI document this dodb was built from (to generate other languages)",
    )

    demo = commands.add_parser(
        "demo", help="start the emulator and run the reference page's call and one call per engine"
    )
    demo.add_argument("--show-secrets", action="store_true")
    demo.add_argument("--postgres", action="store_true", help=_POSTGRES_HELP)
    return parser


_POSTGRES_HELP = (
    "back the PostgreSQL clusters with real servers on loopback (TLS, the emulator's CA): "
    "the credentials connect; needs pip install 'dodb[postgres]'"
)


_DELETE = call_name("databases_delete_user")
"""`dodb users delete`: the spec's name of the typed call."""

_OPERATION_OF_ACTION = {
    "add": "databases_add_user",
    "update": "databases_update_user",
    "reset-auth": "databases_reset_auth",
}
"""The actions whose flags come from an operation's request body."""


def _client_for(args: argparse.Namespace) -> Any:
    """The client, with problems of the token or URL told in the command's own words."""
    from .._client import Client

    token = args.token if args.token is not None else os.environ.get(TOKEN_ENV)
    if token is None or not token.strip():
        raise _Usage(f"no API token: pass --token or set the {TOKEN_ENV} environment variable")
    try:
        return Client(token, base_url=args.api_url, max_retries=args.max_retries)
    except ConfigurationError as exc:
        words = str(exc).replace("base_url", "--api-url").replace("token must", "--token must")
        words = words.replace("max_retries", "--max-retries")
        raise _Usage(words) from None


class _Usage(Exception):
    """A problem with the command line itself: exit 2 with one line."""


def _run_users(args: argparse.Namespace) -> int:
    if args.action == "rotate" and args.write is None and not args.show_secrets:
        raise _Usage(
            "rotate needs --write PATH or --show-secrets: otherwise the new password, "
            "the only one that works afterwards, would be shown to no one"
        )
    desired = None
    if args.action == "apply":
        from .._access_file import load_access

        desired = load_access(args.file)  # a bad file is told before a token is needed
    with _client_for(args) as client:
        users = client.databases.users
        result: Any
        if args.action in ("apply", "credentials", "rotate"):
            from . import _provision

            if desired is not None:
                return _provision.run_apply(client, args, desired)
            if args.action == "credentials":
                creds = users.credentials(
                    args.cluster,
                    args.name,
                    private=args.private,
                    pool=args.pool,
                    ca_file=args.ca_file,
                )
            else:
                creds = users.rotate(args.cluster, args.name, pool=args.pool, ca_file=args.ca_file)
            _provision.deliver(creds, args)
            return 0
        if args.action == "list":
            result = users.list(args.cluster)
        elif args.action == "get":
            result = users.get(args.cluster, args.name)
        elif args.action in _OPERATION_OF_ACTION:
            from dodb_api.types import load_operation

            from .._options import accepted_by

            body = load_operation(_OPERATION_OF_ACTION[args.action]).body
            # Flags left out are None, which the client reads as "not asked for".
            options: dict[str, Any] = {
                o.name: getattr(args, o.name)
                for o in accepted_by(body)
                if getattr(args, o.name, None) is not None
            }
            send: dict[str, Callable[..., Any]] = {
                "add": users.add,
                "update": users.update,
                "reset-auth": users.reset_auth,
            }
            result = send[args.action](args.cluster, args.name, **options)
        elif args.action == _DELETE:
            users.delete(args.cluster, args.name)
            print(
                json.dumps({"deleted": args.name})
                if args.output == "json"
                else f"deleted {args.name}"
            )
            return 0
        else:  # pragma: no cover - argparse allows only the actions above
            raise AssertionError(args.action)
    many = result if isinstance(result, list) else [result]
    if args.output == "json" and not isinstance(result, list):
        print(json.dumps(user_to_json(result, show_secrets=args.show_secrets), indent=2))
    else:
        print(users_output(many, output=args.output, show_secrets=args.show_secrets))
    return 0


def _run_emulator(args: argparse.Namespace) -> int:
    from ..emulator import ClusterSpec, Emulator, Faults

    clusters = []
    for text in args.cluster:
        parts = text.split(":")
        if len(parts) != 3:
            raise _Usage(f"--cluster expects ID:NAME:ENGINE, got {text!r}")
        try:
            clusters.append(ClusterSpec(*parts))
        except ValueError as exc:
            raise _Usage(f"--cluster {text!r}: {exc}") from None
    tokens = None
    if args.token:
        tokens = {}
        for text in args.token:
            token, _, scopes = text.partition("=")
            tokens[token] = [s for s in scopes.split(",") if s]
    injected = {
        "error_before": args.error_before,
        "error_after": args.error_after,
        "throttle": args.throttle,
        "drop_after": args.drop_after,
        "latency": args.latency,
        "seed": args.seed,
    }
    if args.read_lag is not None:
        injected["read_lag"] = args.read_lag
    faults = Faults.realistic(**injected) if args.profile == "realistic" else Faults(**injected)
    try:
        emulator = Emulator(
            clusters=clusters,
            seed=not args.no_seed,
            tokens=tokens,
            per_hour=args.per_hour,
            per_minute=args.per_minute,
            faults=faults,
            postgres=args.postgres,
        )
    except ValueError as exc:
        raise _Usage(str(exc).replace("per_", "--per-")) from None
    if args.postgres:
        # SIGTERM ends it as Ctrl-C does: the servers stop and their data is removed.
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    with emulator:
        say = sys.stderr.write
        say(f"dodb emulator on http://{args.host}:{args.port} (Ctrl-C to stop)\n")
        backend = emulator.postgres
        for cluster in emulator.store.list_clusters():
            real = ""
            if backend is not None and backend.backs(cluster["id"]):
                host, port = backend.endpoint(cluster["id"])
                real = f"  real PostgreSQL on {host}:{port}"
            say(f"  {cluster['engine']:<10} {cluster['id']}  {cluster['name']}{real}\n")
        if backend is not None:
            say(f"  CA of the servers' certificates: {backend.ca_file}\n")
        emulator.serve(host=args.host, port=args.port)
    return 0


def _run(args: argparse.Namespace) -> int:
    if args.command == "users":
        return _run_users(args)
    if args.command == "apply":
        from .._access_file import load_access
        from ._provision import run_apply

        desired = load_access(args.file)  # a bad file is told before a token is needed
        with _client_for(args) as client:
            return run_apply(client, args, desired)
    if getattr(args, "resource", None) is not None:
        from ._resources import run

        with _client_for(args) as client:
            return run(client, args)
    if args.command == "emulator":
        return _run_emulator(args)
    if args.command == "spec":
        from .._spec import spec_text

        sys.stdout.write(spec_text())
        return 0
    from ._demo import run_demo

    return run_demo(show_secrets=args.show_secrets, postgres=args.postgres)


def _exit_code(error: Exception) -> int:
    """The exit code of a failed command; a plan stopped midway takes its cause's."""
    if isinstance(error, DodbError) and isinstance(error.__cause__, DodbError):
        from .._apply import ApplyError  # loaded already if this is one

        if isinstance(error, ApplyError):
            error = error.__cause__
    if isinstance(error, APIConnectionError):
        return EXIT_CONNECTION
    if isinstance(error, APIError | NoPasswordError):  # APIError: status errors, bad bodies
        return EXIT_API_ERROR
    return EXIT_BAD_INPUT  # other DodbErrors, usage errors, bad values


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(words).parse_args(words)
    try:
        return _run(args)
    except (_Usage, DodbError, ValueError) as exc:
        print(f"dodb: error: {printable(str(exc), 500)}", file=sys.stderr)
        return _exit_code(exc)
    except ModuleNotFoundError as exc:
        if args.command == "users":
            raise
        print(
            f"dodb: error: {args.command} needs the emulator extra ({exc.name} is missing): "
            "pip install 'dodb[emulator]'",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`dodb ... | head`): stop quietly.
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - stays open until exit
        return 141

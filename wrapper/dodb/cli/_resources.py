"""`dodb <resource> <call> ...`: a command for every typed call the spec declares.

The commands are built from the generated calls, not written per operation:
each resource of `x-dodb-call` is a command, each of its calls an action; the
call's positional arguments are the action's, its query parameters are
`--flags`, and its keyword options (`x-dodb-option`) are flags with the
spec's names, help lines, choices and types. Only the invoked resource's
actions are built, so `dodb --help` loads no model. `dodb users` keeps its own
command (tables of users, credentials, rotate, apply), which builds on these.
"""

from __future__ import annotations

import argparse
import inspect
import json
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any

from dodb_api.types import (
    INTEGER,
    NUMBER,
    ArrayReader,
    EnumReader,
    Model,
    ModelReader,
    Secret,
    load_operation,
    schema_of,
)

from .._options import accepted_by, choices, is_flag, is_list, reader_at
from ._render import MASK, printable, shown_json

OWN_COMMANDS = frozenset({"users"})
"""Resources with a hand-made command of their own."""


def resources() -> dict[str, dict[str, str]]:
    """Each typed resource of the spec and its calls: {resource: {call: operation}}."""
    from dodb_api._facts import FACTS

    found: dict[str, dict[str, str]] = {}
    for name, facts in FACTS.items():
        if facts.typed is not None:
            resource, _, call = facts.typed.partition(".")
            found.setdefault(resource, {})[call] = name
    return found


def dashed(name: str) -> str:
    return name.replace("_", "-")


def call_name(operation: str) -> str:
    """The name of `operation`'s typed call, as the spec declares it (`x-dodb-call`), dashed."""
    from dodb_api._facts import FACTS

    typed = FACTS[operation].typed
    assert typed is not None, operation
    return dashed(typed.rpartition(".")[2])


def _pairs(body: type[Model], option: Any) -> tuple[str, Callable[[str], tuple[str, str]]]:
    """The metavar and parser of a list option given as pairs: the item's first two
    properties, split at the colon that leaves the enum-valued side whole."""
    reader = reader_at(body, option.path)
    item = reader.item if isinstance(reader, ArrayReader) else None
    props = schema_of(item.model).props[:2] if isinstance(item, ModelReader) else ()
    names = [p.name for p in props] or ["pattern", "permission"]
    enum_first = bool(props) and isinstance(props[0].reader, EnumReader)
    metavar = f"{names[0].upper()}:{names[1].upper()}"

    def parse(text: str) -> tuple[str, str]:
        first, sep, second = text.partition(":") if enum_first else text.rpartition(":")
        if not sep or not first or not second:
            raise argparse.ArgumentTypeError(f"expected {metavar}, got {text!r}")
        return first, second

    return metavar, parse


def option_flags(parser: argparse.ArgumentParser, body: type[Model], title: str) -> None:
    """One flag per option of a request body (its `x-dodb-option` declaration)."""
    group = parser.add_argument_group(title)
    for option in accepted_by(body):
        allowed = choices(body, option)
        text = f"{option.engine}: {option.help}" if option.engine else option.help
        reader = reader_at(body, option.path)
        if is_flag(body, option):
            group.add_argument(
                option.flag,
                dest=option.name,
                action=argparse.BooleanOptionalAction,
                default=None,
                help=text,
            )
        elif is_list(body, option) and allowed is not None:
            metavar, parse = _pairs(body, option)
            group.add_argument(
                option.flag,
                dest=option.name,
                type=parse,
                action="append",
                metavar=metavar,
                help=f"{text}; one of {', '.join(allowed)}",
            )
        elif is_list(body, option):
            group.add_argument(
                option.flag, dest=option.name, action="append", metavar="NAME", help=text
            )
        elif reader is INTEGER or reader is NUMBER:
            kind = int if reader is INTEGER else float
            group.add_argument(option.flag, dest=option.name, type=kind, help=text)
        elif isinstance(reader, ModelReader):
            group.add_argument(
                option.flag,
                dest=option.name,
                type=json.loads,
                metavar=option.name.upper(),
                help=f"{text} (as JSON)",
            )
        else:
            group.add_argument(option.flag, dest=option.name, choices=allowed, help=text)


def add_commands(
    commands: Any, flags: Callable[[bool], argparse.ArgumentParser], argv: Sequence[str]
) -> None:
    """A command per typed resource; the actions of the one named in `argv` only."""
    wanted = next((a for a in argv if not a.startswith("-")), None)
    for resource, calls in sorted(resources().items()):
        if resource in OWN_COMMANDS:
            continue
        command = commands.add_parser(
            dashed(resource),
            help=f"{', '.join(map(dashed, sorted(calls)))} ({resource})",
            parents=[flags(True)],
        )
        actions = command.add_subparsers(dest="action", required=True, metavar="CALL")
        if wanted != dashed(resource):
            continue
        for call, operation in sorted(calls.items()):
            _add_action(actions, resource, call, operation, flags(False))


def _method(resource: str, call: str) -> Any:
    from importlib import import_module

    module = import_module(f"dodb_api.calls.{resource}")
    cls = getattr(module, "".join(p.capitalize() for p in resource.split("_")) + "Calls")
    return getattr(cls, call)


def _add_action(
    actions: Any, resource: str, call: str, operation: str, flags: argparse.ArgumentParser
) -> None:
    op = load_operation(operation)
    method = _method(resource, call)
    summary = (inspect.getdoc(method) or call).splitlines()[0]
    action = actions.add_parser(dashed(call), help=summary, description=summary, parents=[flags])
    action.set_defaults(operation=operation, call=call, resource=resource)
    for name, param in inspect.signature(method).parameters.items():
        if name == "self" or param.kind is inspect.Parameter.VAR_KEYWORD:
            continue
        if param.kind is inspect.Parameter.KEYWORD_ONLY:
            action.add_argument(f"--{dashed(name)}", dest=f"query_{name}", help=f"{name}")
        elif param.annotation in ("str", str):
            action.add_argument(name, help=name.replace("_", " "))
        else:  # an object, a list, a number: given as JSON
            action.add_argument(name, type=json.loads, metavar=f"{name.upper()}_JSON", help=name)
    if op.body is not None and accepted_by(op.body):
        option_flags(action, op.body, "options")


def run(client: Any, args: argparse.Namespace) -> int:
    """Make the call the command line names; print its result."""
    method = getattr(getattr(client.databases, args.resource), args.call)
    positional, keywords = [], {}
    for name, param in inspect.signature(method).parameters.items():
        if param.kind is inspect.Parameter.KEYWORD_ONLY:
            value = getattr(args, f"query_{name}", None)
            if value is not None:
                keywords[name] = value
        elif param.kind is inspect.Parameter.VAR_KEYWORD:
            op = load_operation(args.operation)
            for option in accepted_by(op.body):
                value = getattr(args, option.name, None)
                if value is not None:  # a flag left out is not asked for
                    keywords[option.name] = value
        else:
            positional.append(getattr(args, name))
    result = method(*positional, **keywords)
    if result is None:
        # Only the path's values are echoed: a body may hold credentials.
        op = load_operation(args.operation)
        where = dict(zip(op.path_params, positional, strict=False))
        called = {"called": f"{args.resource}.{args.call}", "path": where}
        print(json.dumps(called) if args.output == "json" else f"called {args.call}")
        return 0
    print(render(result, output=args.output, show_secrets=args.show_secrets))
    return 0


def _plain(value: Any, *, show_secrets: bool) -> Any:
    """JSON with credentials masked: the spec's (`Secret`), and any other field whose
    name looks like one (a field newer than this spec may be a credential)."""
    if isinstance(value, Secret):
        return value.reveal() if show_secrets else MASK
    data = value.to_dict() if hasattr(value, "to_dict") else value
    return shown_json(data, show_secrets=show_secrets, known=False)


def render(result: Any, *, output: str, show_secrets: bool) -> str:
    """A model or a list of them, as JSON or a table of their plain fields."""
    many = result if isinstance(result, list) else [result]
    data = [_plain(item, show_secrets=show_secrets) for item in many]
    if output == "json":
        return json.dumps(data if isinstance(result, list) else data[0], indent=2)
    rows = [d if isinstance(d, dict) else {"value": d} for d in data]
    if not rows:
        return "(none)"
    columns: list[str] = []
    for row in rows:
        for key, value in row.items():
            if key not in columns and not isinstance(value, dict | list):
                columns.append(key)
    if not columns:
        return json.dumps(data, indent=2)
    table = [[c.upper() for c in columns]]
    for row in rows:
        table.append([printable(_cell(row.get(c))) for c in columns])
    widths = [max(len(line[i]) for line in table) for i in range(len(columns))]
    return "\n".join(
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip() for line in table
    )


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)

"""MkDocs hook: the parts of the site that are derived, never written by hand.

- The API reference: one page per public module of `dodb`, found by reading the
  source (griffe, no import), each object named by its public path (`dodb.Client`,
  not the private module that defines it). The package root's names come from
  its `__all__`, grouped by what they are.
- The migration table: every operation of `openapi.yaml`, the official client's
  method for it, and dodb's calls for it.
- The performance figures: `docs/performance-figures.md` when the benchmark has
  written it, else the last recorded run in `bench/results/`.
- Files from outside `docs/` that pages link to: the spec, the benchmark's chart,
  and Mermaid's script when `scripts/docs.sh` has fetched it (no CDN is needed).
"""

from __future__ import annotations

import builtins
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import griffe
import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.dodb_docs")

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi.yaml"
SOURCE_PATHS = [ROOT / "wrapper", ROOT / "generated"]
REFERENCE_NAV_MARKER = "reference/"
MERMAID_JS = ROOT / ".tools" / "mermaid" / "mermaid.min.js"
BENCH = ROOT / "bench" / "results"
CHART = BENCH / "async-throughput.png"
CHART_PATH = "assets/bench/async-throughput.png"
PERFORMANCE_FIGURES = ROOT / "docs" / "performance-figures.md"

# Public modules left out of the API reference, each with its reason.
NOT_IN_REFERENCE = {
    "dodb.cli": "its public surface is the `dodb` command, documented in guides/command-line.md",
}

# The package root's groups, in page order: (heading, what the group holds).
ROOT_GROUPS = [
    ("Clients", "The two clients, same surface, blocking and awaited."),
    ("Results and state", "What calls and flows return, and what a client keeps."),
    ("Errors", "Everything dodb raises derives from `DodbError`."),
    ("Models", "Generated from `openapi.yaml`: immutable, typed, unknown fields kept."),
    ("Constants", "Defaults and names the clients use."),
]


@dataclass
class _State:
    modules: list[str] = field(default_factory=list)
    pages: dict[str, str] = field(default_factory=dict)  # site path -> markdown
    loader: griffe.GriffeLoader | None = None


_state = _State()


def _load() -> griffe.GriffeLoader:
    loader = griffe.GriffeLoader(search_paths=[str(p) for p in SOURCE_PATHS])
    loader.load("dodb")
    loader.load("dodb_api")
    loader.resolve_aliases(external=False, implicit=False)
    return loader


def _public_modules(module: griffe.Module) -> list[str]:
    """`module` and every public module below it, depth first, sorted."""
    found = [module.path]
    for name in sorted(module.modules):
        child = module.modules[name]
        if name.startswith("_") or child.path in NOT_IN_REFERENCE:
            continue
        found.extend(_public_modules(child))
    return found


def _is_exception(cls: griffe.Class, loader: griffe.GriffeLoader) -> bool:
    """Whether the class derives from a built-in exception, following its bases."""
    for base in cls.bases:
        path = getattr(base, "canonical_path", str(base))
        builtin = getattr(builtins, path.removeprefix("builtins."), None)
        if isinstance(builtin, type) and issubclass(builtin, BaseException):
            return True
        try:
            parent = loader.modules_collection.get_member(path)
        except (KeyError, ValueError):
            continue
        parent = parent.final_target if parent.is_alias else parent
        if parent.is_class and _is_exception(parent, loader):
            return True
    return False


def _group_of(obj: griffe.Object | griffe.Alias, loader: griffe.GriffeLoader) -> str:
    target = obj.final_target if obj.is_alias else obj
    if target.is_attribute:
        return "Constants"
    if target.path.startswith("dodb_api."):
        return "Models"
    if isinstance(target, griffe.Class) and _is_exception(target, loader):
        return "Errors"
    if target.name.endswith("Client"):
        return "Clients"
    return "Results and state"


def _directive(path: str, level: int) -> str:
    return f"::: {path}\n    options:\n      heading_level: {level}\n"


def _root_page(module: griffe.Module, loader: griffe.GriffeLoader) -> str:
    groups: dict[str, list[str]] = {heading: [] for heading, _ in ROOT_GROUPS}
    for name in (str(n) for n in module.exports or []):
        if name.startswith("__"):
            continue
        groups[_group_of(module[name], loader)].append(name)
    lines = [
        f"# `{module.path}`\n",
        "The package root: every name a user imports, from its `__all__`. Generated from the",
        "docstrings and type hints of the source at build time.\n",
    ]
    for heading, about in ROOT_GROUPS:
        names = groups[heading]
        if not names:
            continue
        lines.append(f"## {heading}\n\n{about}\n")
        lines.extend(_directive(f"{module.path}.{name}", 3) for name in names)
    return "\n".join(lines)


def _module_page(module: griffe.Module) -> str:
    """A public module's page: its docstring, then its names (its `__all__` if it has one)."""
    options = ["show_root_heading: false", "show_submodules: false", "heading_level: 2"]
    if module.exports is not None:
        names = sorted(str(name) for name in module.exports)
        options.append("members: [" + ", ".join(names) + "]")
    indented = "".join(f"      {option}\n" for option in options)
    return f"# `{module.path}`\n\n::: {module.path}\n    options:\n{indented}"


def _reference_path(module: str) -> str:
    return f"reference/{module}.md"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Find the public modules and put their pages in the nav, where it says `reference/`."""
    _state.loader = _load()
    dodb = _state.loader.modules_collection["dodb"]
    _state.modules = _public_modules(dodb)
    _state.pages = {
        _reference_path(path): (
            _root_page(dodb, _state.loader)
            if path == "dodb"
            else _module_page(_state.loader.modules_collection[path])
        )
        for path in _state.modules
    }
    pages = [{f"{path}": _reference_path(path)} for path in _state.modules]
    replaced = False
    for item in config.nav or []:
        if isinstance(item, dict):
            for title, value in item.items():
                if value == REFERENCE_NAV_MARKER:
                    item[title] = pages
                    replaced = True
    if not replaced:
        log.warning("mkdocs.yml's nav has no entry `reference/` for the API reference")
    if MERMAID_JS.is_file():
        config.extra_javascript.insert(0, "assets/javascripts/mermaid.min.js")
    else:
        log.info("no %s: Mermaid diagrams render only where its CDN is reachable", MERMAID_JS)
    return config


def _generated(config: MkDocsConfig, path: str, **source: Any) -> File:
    return File.generated(config, path, **source)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path, markdown in _state.pages.items():
        files.append(_generated(config, path, content=markdown))
    files.append(_generated(config, "openapi.yaml", abs_src_path=str(SPEC)))
    if CHART.is_file():
        files.append(_generated(config, CHART_PATH, abs_src_path=str(CHART)))
    if MERMAID_JS.is_file():
        files.append(
            _generated(config, "assets/javascripts/mermaid.min.js", abs_src_path=str(MERMAID_JS))
        )
    return files


# --- the migration table -------------------------------------------------------------

_HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def _snake(name: str) -> str:
    """`list_connectionPools` -> `list_connection_pools`."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def official_method(operation_id: str) -> str:
    """The official client's call for an operation: the first word of the operationId
    is the group, the rest the method in snake_case."""
    group, _, rest = operation_id.partition("_")
    if not rest:
        raise ValueError(f"operationId {operation_id!r} has no group prefix")
    return f"client.{group}.{_snake(rest)}"


def typed_call(operation_id: str, declared: Any) -> str | None:
    """dodb's typed call as the spec declares it (`x-dodb-call`), or None."""
    if declared is None:
        return None
    if not isinstance(declared, dict) or not declared.get("name"):
        raise ValueError(f"{operation_id}: x-dodb-call needs a `name`, got {declared!r}")
    group = operation_id.partition("_")[0]
    parts = [group, declared.get("resource"), declared["name"]]
    return "client." + ".".join(str(p) for p in parts if p) + "(...)"


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every operation of the spec, in the order of its paths."""
    found = []
    for path, item in (spec.get("paths") or {}).items():
        for method in _HTTP_METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            found.append(
                {
                    "id": operation["operationId"],
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "typed": typed_call(operation["operationId"], operation.get("x-dodb-call")),
                }
            )
    return found


def _class_of(loader: griffe.GriffeLoader, path: str) -> griffe.Class | None:
    try:
        found = loader.modules_collection.get_member(path)
    except (KeyError, ValueError):
        return None
    found = found.final_target if found.is_alias else found
    return found if isinstance(found, griffe.Class) else None


def has_call(dotted: str) -> bool:
    """Whether `client.a.b.c` exists on a `dodb.Client` (built offline: no call is made)."""
    import dodb

    found: object = dodb.Client(token="docs-build")  # noqa: S106 - never sent anywhere
    for name in dotted.removeprefix("client.").split("."):
        if not hasattr(found, name):
            return False
        found = getattr(found, name)
    return True


def migration_table() -> str:
    spec = yaml.safe_load(SPEC.read_text())
    ops = operations(spec)
    rows = [
        "| operation | request | official client | dodb, same call | dodb, typed call |",
        "|---|---|---|---|---|",
    ]
    for op in ops:
        official = official_method(op["id"])
        in_dodb = f"`{official}(...)`" if has_call(official) else "not yet"
        typed = f"`{op['typed']}`" if op["typed"] else "—"
        request = f"`{op['method']} {op['path']}`"
        rows.append(f"| `{op['id']}` | {request} | `{official}(...)` | {in_dodb} | {typed} |")
    total = len(ops)
    declared = sum(1 for op in ops if op["typed"])
    summary = (
        f"*Derived from `openapi.yaml` when this site was built: {total} operations, "
        f"{declared} with a typed call declared (`x-dodb-call`).*"
    )
    return summary + "\n\n" + "\n".join(rows) + "\n"


# --- the performance figures ---------------------------------------------------------


def _demote(markdown: str, levels: int) -> str:
    """Headings pushed down `levels` levels (outside code fences), to sit under a page's own."""
    out, fenced = [], False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"#{1,6} ", line):
            line = "#" * levels + line
        out.append(line)
    return "\n".join(out) + "\n"


def performance_figures() -> str:
    """The benchmark's figures, under the performance page's "Figures" heading (h2).

    `docs/performance-figures.md` when the benchmark wrote it (its links are read from
    `docs/guides/`, like the page's own), else the last run recorded in bench/results/."""
    if PERFORMANCE_FIGURES.is_file():
        return _demote(PERFORMANCE_FIGURES.read_text(), 2)
    recorded = BENCH / "results.md"
    if recorded.is_file():
        return (
            "*The last recorded run (`bench/results/results.md`); `bash scripts/bench.sh` "
            "writes a new one.*\n\n" + _demote(recorded.read_text(), 2)
        )
    return "*No figures recorded yet: `bash scripts/bench.sh` measures them.*\n"


def profile() -> str:
    """Where a call's time goes (`bash scripts/bench.sh profile`), under the page's heading."""
    recorded = BENCH / "profile.md"
    if not recorded.is_file():
        return "*No profile recorded yet: `bash scripts/bench.sh profile` writes one.*\n"
    return _demote(recorded.read_text(), 2)


def chart() -> str:
    """The benchmark's chart, for a page in guides/."""
    if not CHART.is_file():
        return ""
    return f"![add_user calls per second against concurrency](../{CHART_PATH})\n"


MARKERS = {
    "<!-- dodb:chart -->": chart,
    "<!-- dodb:migration-table -->": migration_table,
    "<!-- dodb:performance-figures -->": performance_figures,
    "<!-- dodb:profile -->": profile,
}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    for marker, make in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, make())
    return markdown

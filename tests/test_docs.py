"""The documentation site: its code runs, its derived parts follow the spec and the code,
and its strict build fails on what it should.

The pages' Python blocks run in order, one namespace per page, against a served
emulator; shell blocks that start `dodb emulator` run in bash. Every other block
says why it does not run. The strict build is run on a copy of the docs with a
planted fault, next to a clean copy that builds.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
import yaml

import dodb
import dodb.emulator as dodb_emulator
from tests.support.docblocks import (
    ROOT,
    Block,
    blocks,
    clients_to_emulator,
    run_python,
    run_shell,
    unaccounted,
)

DOCS = ROOT / "docs"
# docs/performance-figures.md, if present, is written by the benchmark (derived, not prose).
GENERATED = {DOCS / "performance-figures.md"}
PAGES = sorted(p for p in DOCS.rglob("*.md") if "_hooks" not in p.parts and p not in GENERATED)
PROSE = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "CHANGELOG.md", *PAGES]
SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text())


def _hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "dodb_docs_hook", DOCS / "_hooks" / "dodb_docs.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    return module


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


# --- every block runs or says why not --------------------------------------------------


@pytest.mark.parametrize("path", [ROOT / "CONTRIBUTING.md", *PAGES], ids=_rel)
def test_every_block_is_run_or_named(path: Path) -> None:
    assert unaccounted(blocks(path)) == []


def test_a_block_without_a_reason_is_caught(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "<!-- not run: a tree, not code -->\n```text\nA\n```\n\n"
        "```text\nB\n```\n\n<!-- not run: -->\n```bash\nmake\n```\n"
        "```python\nx = 1\n```\n"
    )
    found = blocks(page)
    assert [b.lang for b in found] == ["text", "text", "bash", "python"]
    problems = unaccounted(found)
    assert len(problems) == 2
    assert "page.md:6: a text block neither run nor named" in problems[0]
    assert "page.md:11: `not run` without a reason" in problems[1]


PYTHON_PAGES = [p for p in PAGES if any(b.lang == "python" and not b.not_run for b in blocks(p))]


@pytest.mark.slow
@pytest.mark.parametrize("path", PYTHON_PAGES, ids=_rel)
def test_the_python_blocks_of_a_page_run_in_order(
    path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # a block may write a file (a CA, say): never into the checkout
    with clients_to_emulator(monkeypatch):
        run_python(blocks(path))


def _provisioning(out: str, cwd: Path) -> None:
    lines = out.splitlines()
    assert "+ create    ab7bb7a/app-01" in lines
    assert "created e85d5820-3635-5ff4-ad44-4575c7436896/events" in lines
    assert "plan: 0 to change, 2 unchanged" in lines
    assert any(line.startswith("postgresql://app-01:**********@") for line in lines)
    written = cwd / "app-01.env"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    env = dict(line.split("=", 1) for line in written.read_text().splitlines())
    assert len(env["DATABASE_PASSWORD"]) == 16
    assert env["DATABASE_PASSWORD"] not in out  # secrets went to the file only
    assert f":{env['DATABASE_PASSWORD']}@" in env["DATABASE_URL"]  # the rotated one, in the URI


def _command_line(out: str, cwd: Path) -> None:
    assert "doadmin" in out
    assert '"pg_allow_replication": true' in out
    assert f"dodb {dodb.__version__}" in out


def _emulator(out: str, cwd: Path) -> None:
    assert '"doadmin"' in out


SHELL_CHECKS: dict[str, Callable[[str, Path], None]] = {
    "docs/guides/provisioning.md": _provisioning,
    "docs/guides/command-line.md": _command_line,
    "docs/guides/emulator.md": _emulator,
}
SHELL_BLOCKS = [b for p in PAGES for b in blocks(p) if b.starts_emulator]


def test_every_shell_block_that_runs_has_its_checks() -> None:
    assert sorted({_rel(b.path) for b in SHELL_BLOCKS}) == sorted(SHELL_CHECKS)


@pytest.mark.slow
@pytest.mark.parametrize("block", SHELL_BLOCKS, ids=lambda b: b.where)
def test_a_shell_block_runs_against_the_emulator(block: Block, tmp_path: Path) -> None:
    out = run_shell(block, tmp_path)
    SHELL_CHECKS[_rel(block.path)](out, tmp_path)


# --- no counting by hand, no stale statements --------------------------------------------

_NUMBER = (
    r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"dozens?|hundreds?|several"
)
_COUNTED = re.compile(
    rf"\b({_NUMBER})\s+(?:(?!per\b|for\b|of\b)[\w-]+\s+){{0,2}}(operations?|endpoints?)\b", re.I
)
_STALE = [
    re.compile(r"only carry out", re.I),  # the clients decide locks, deadlines and sizes too
    re.compile(r"\bat DEBUG\b(?!,? INFO)", re.I),  # dodb logs at DEBUG, INFO and WARNING
    re.compile(r"GET /v2/databases` to discover", re.I),  # get_cluster was left out
]


def test_prose_does_not_count_operations() -> None:
    found = [
        f"{_rel(path)}: {m.group(0)!r}"
        for path in PROSE
        for m in _COUNTED.finditer(path.read_text())
    ]
    assert found == [], "the spec's operations are counted by hand; derive or drop the count"


def test_the_count_check_catches_a_count() -> None:
    for prose in ("the six user operations", "all 71 operations", "8 API endpoints"):
        assert _COUNTED.search(prose), prose
    for prose in (
        "one call per engine",
        "each operation's scopes",
        "2000 sequential calls",
        "one class per operation group",
        "one row of facts per operation",
    ):
        assert not _COUNTED.search(prose), prose


def test_the_stale_statements_are_gone() -> None:
    found = [
        f"{_rel(path)}: {m.group(0)!r}"
        for path in PROSE
        for pattern in _STALE
        for m in pattern.finditer(path.read_text())
    ]
    assert found == []


def test_the_logging_levels_the_docs_name_are_the_ones_dodb_uses() -> None:
    used = set()
    for source in (ROOT / "wrapper" / "dodb").rglob("*.py"):
        used |= set(re.findall(r"\blogger\.(debug|info|warning|error)\(", source.read_text()))
    section = (DOCS / "guides" / "client.md").read_text().split("## Logging", 1)[1]
    named = {level.lower() for level in re.findall(r"`(DEBUG|INFO|WARNING|ERROR)`", section)}
    assert named == used


# --- the derived parts ---------------------------------------------------------------------


def test_the_official_method_follows_the_operation_id() -> None:
    hook = _hook()
    assert hook.official_method("databases_list_connectionPools") == (
        "client.databases.list_connection_pools"
    )
    assert hook.official_method("databases_add_user") == "client.databases.add_user"
    assert hook.official_method("apps_get_logs_aggregate") == "client.apps.get_logs_aggregate"
    with pytest.raises(ValueError, match="no group prefix"):
        hook.official_method("list")


def test_the_typed_call_is_read_from_the_spec_extension() -> None:
    hook = _hook()
    declared = {"resource": "users", "name": "add"}
    assert hook.typed_call("databases_add_user", declared) == "client.databases.users.add(...)"
    assert hook.typed_call("databases_list_clusters", None) is None
    with pytest.raises(ValueError, match="needs a `name`"):
        hook.typed_call("databases_add_user", {"resource": "users"})
    spec = {
        "paths": {
            "/v2/databases/{id}/users": {
                "parameters": [],
                "get": {"operationId": "databases_list_users"},
                "post": {"operationId": "databases_add_user", "x-dodb-call": declared},
            }
        }
    }
    ops = hook.operations(spec)
    assert [(o["id"], o["method"], o["typed"]) for o in ops] == [
        ("databases_list_users", "GET", None),
        ("databases_add_user", "POST", "client.databases.users.add(...)"),
    ]


def _resolves(client: dodb.Client, dotted: str) -> bool:
    target: object = client
    for name in dotted.removeprefix("client.").removesuffix("(...)").split("."):
        if not hasattr(target, name):
            return False
        target = getattr(target, name)
    return callable(target)


def test_the_migration_table_has_every_operation_and_only_calls_dodb_has() -> None:
    table = _hook().migration_table()
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    ids = [
        op["operationId"]
        for item in SPEC["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    ]
    assert [row.split("`")[1] for row in rows] == ids
    client = dodb.Client(token="docs-token")  # builds no connection until a call
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        official, same, typed = (cells[2].strip("`"), cells[3].strip("`"), cells[4].strip("`"))
        # Read from the source by the hook; checked here against the real objects.
        assert (same != "not yet") == _resolves(client, official), row
        assert typed == "—" or _resolves(client, typed), row
    assert f"{len(ids)} operations" in table


# --- the strict build ------------------------------------------------------------------------


def _project_copy(tmp_path: Path) -> Path:
    """The docs and mkdocs.yml copied, the rest of the checkout linked in."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(DOCS, project / "docs", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for name in ("wrapper", "generated", "openapi.yaml", "bench", ".tools"):
        if (ROOT / name).exists():
            (project / name).symlink_to(ROOT / name)
    return project


def _build(project: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml"]
    return subprocess.run(
        [*command, "-d", str(project / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_the_site_builds_with_the_reference_of_every_public_name(tmp_path: Path) -> None:
    project = _project_copy(tmp_path)
    result = _build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    site = project / "site"
    root = (site / "reference" / "dodb.html").read_text()
    missing = [n for n in dodb.__all__ if not n.startswith("__") and f'id="dodb.{n}"' not in root]
    assert missing == []
    emulator = (site / "reference" / "dodb.emulator.html").read_text()
    assert [n for n in dodb_emulator.__all__ if f'id="dodb.emulator.{n}"' not in emulator] == []
    plugin = (site / "reference" / "dodb.pytest_plugin.html").read_text()
    assert 'id="dodb.pytest_plugin.dodb_client"' in plugin
    migrating = (site / "guides" / "migrating.html").read_text()
    assert "databases_list_connectionPools" in migrating  # the rule, in prose
    assert "<code>client.databases.get_cluster(...)</code>" in migrating
    architecture = (site / "architecture.html").read_text()
    assert '<pre class="mermaid"><code>flowchart ' in architecture
    if (ROOT / ".tools" / "mermaid" / "mermaid.min.js").is_file():
        assert (site / "assets" / "javascripts" / "mermaid.min.js").is_file()
        assert 'src="assets/javascripts/mermaid.min.js"' in architecture


PLANTED = {
    "a broken link": ("guides/safety.md", "\nSee [nowhere](no-such-page.md).\n", "no-such-page.md"),
    "a broken anchor": ("guides/safety.md", "\nSee [x](client.md#no-such-part).\n", "no-such-part"),
    "a missing reference": ("architecture.md", "\n::: dodb.NoSuchThing\n", "dodb.NoSuchThing"),
}


@pytest.mark.slow
@pytest.mark.parametrize("fault", sorted(PLANTED))
def test_the_strict_build_fails_on_a_planted_fault(fault: str, tmp_path: Path) -> None:
    page, text, named = PLANTED[fault]
    project = _project_copy(tmp_path)
    with (project / "docs" / page).open("a") as out:
        out.write(text)
    result = _build(project)
    assert result.returncode != 0
    assert named in result.stdout + result.stderr


def test_the_performance_figures_are_included_when_the_benchmark_wrote_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hook = _hook()
    monkeypatch.setattr(hook, "PERFORMANCE_FIGURES", tmp_path / "performance-figures.md")
    fallback = hook.performance_figures()
    assert "bench/results/results.md" in fallback  # the last recorded run, said so
    assert "| dodb AsyncClient |" in fallback
    (tmp_path / "performance-figures.md").write_text(
        "# Figures\n\n| a | b |\n|---|---|\n\n```text\n# not a heading\n```\n## Async\n"
    )
    included = hook.performance_figures()
    assert included.startswith("### Figures\n")  # under the page's own "## Figures"
    assert "\n# not a heading\n" in included
    assert "\n#### Async\n" in included
    assert "bench/results" not in included

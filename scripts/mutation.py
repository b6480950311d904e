"""Mutation testing: small bugs put into the modules where a silent bug costs most.

Run by scripts/mutation.sh with mutmut (pinned there). Each target module is
mutated in its own copy of the tree (mutmut edits files in place), with the fast
tests that exercise it importing that copy, two targets at a time (two cores).
Prints each target's score and every surviving mutant's diff, and writes them to
.mutation/report.md. Not part of CI: a run takes tens of minutes.

    python scripts/mutation.py                    every target
    python scripts/mutation.py _retry _calls      some of them (by file stem)
    python scripts/mutation.py --tests-at COMMIT  with the tests of an earlier commit
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / ".mutation"
PYTEST = ROOT / ".venv" / "bin" / "python"
MUTMUT = ROOT / ".venv-mutation" / "bin" / "mutmut"

TARGETS: dict[str, tuple[str, tuple[str, ...]]] = {
    "_retry": ("wrapper/dodb/_retry.py", ("test_plan.py", "test_retries.py", "test_real_api.py")),
    "_calls": (
        "wrapper/dodb/_calls.py",
        (
            "test_input.py",
            "test_fuzz_input.py",
            "test_retries.py",
            "test_hardening.py",
            "test_real_api.py",
            "test_provisioning.py",
            "test_cassettes.py",
        ),
    ),
    "_validation": ("wrapper/dodb/_validation.py", ("test_input.py", "test_fuzz_input.py")),
    "_response": (
        "wrapper/dodb/_response.py",
        (
            "test_errors.py",
            "test_secrets.py",
            "test_retries.py",
            "test_hardening.py",
            "test_cassettes.py",
            "test_secret_properties.py",
        ),
    ),
    "_ratelimit": ("wrapper/dodb/_ratelimit.py", ("test_errors.py", "test_retries.py")),
    "emulator_state": (
        "wrapper/dodb/emulator/_state.py",
        ("test_emulator.py", "test_emulator_rules.py", "test_real_api.py"),
    ),
}
"""Each target: the module to mutate, and the test files that exercise it."""

PER_TARGET_TIMEOUT = 40 * 60
_QUIET = ("--tests-dir", "tests", "--simple-output", "--no-progress")


def _copy_tree(work: Path, tests_at: str | None) -> None:
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    for name in ("wrapper", "generated", "tests", "openapi.yaml", "pyproject.toml", "README.md"):
        source = ROOT / name
        if name == "tests" and tests_at is not None:
            # The tests as they were at a commit: for a score before new tests.
            archive = subprocess.run(
                ["git", "archive", tests_at, "tests"], cwd=ROOT, capture_output=True, check=True
            ).stdout
            subprocess.run(["tar", "-x", "-C", str(work)], input=archive, check=True)
            # Today's conftest: it is what lets the tests import the mutated source tree.
            shutil.copy2(source / "conftest.py", work / "tests" / "conftest.py")
        elif source.is_dir():
            shutil.copytree(source, work / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, work / name)
    # The spec ships inside the package (see pyproject.toml); the source tree lacks it.
    shutil.copy2(ROOT / "openapi.yaml", work / "wrapper" / "dodb" / "openapi.yaml")


def _run_target(name: str, tests_at: str | None, minutes: float, run: str) -> dict[str, object]:
    path, tests = TARGETS[name]
    work = OUT / "work" / run / name
    _copy_tree(work, tests_at)
    test_paths = " ".join(f"tests/{t}" for t in tests if (work / "tests" / t).exists())
    runner = (
        f"env PYTHONPATH=wrapper:generated DODB_TESTS_FROM_SOURCE=1 {PYTEST} -m pytest "
        f"-x -q -p no:cacheprovider --timeout=60 -m 'not slow' {test_paths}"
    )
    started = time.monotonic()
    output = ""
    try:
        output = subprocess.run(
            [str(MUTMUT), "run", "--paths-to-mutate", path, "--runner", runner, *_QUIET],
            cwd=work,
            capture_output=True,
            text=True,
            timeout=minutes * 60,
            check=False,
        ).stdout
        timed_out = False
    except subprocess.TimeoutExpired:
        timed_out = True
    elapsed = time.monotonic() - started
    counts: dict[str, int] = {}
    survivors: list[str] = []
    for status in ("killed", "survived", "timeout", "suspicious", "untested"):
        ids = subprocess.run(
            [str(MUTMUT), "result-ids", status], cwd=work, capture_output=True, text=True
        ).stdout.split()
        counts[status] = len(ids)
        if status == "survived":
            for mutant in ids:
                shown = subprocess.run(
                    [str(MUTMUT), "show", mutant], cwd=work, capture_output=True, text=True
                ).stdout
                survivors.append(f"mutant {mutant}:\n{_diff_only(shown)}")
    if not any(counts[k] for k in ("killed", "survived", "timeout", "suspicious")):
        print(f"{name}: nothing was tested; mutmut said:\n{output[-3000:]}", file=sys.stderr)
    return {
        "name": name,
        "path": path,
        "counts": counts,
        "survivors": survivors,
        "seconds": elapsed,
        "timed_out": timed_out,
    }


def _diff_only(shown: str) -> str:
    lines = [line for line in shown.splitlines() if re.match(r"^[-+@]", line)]
    return "\n".join(lines[2:] if lines[:2] and lines[0].startswith("---") else lines)


def _score(counts: dict[str, int]) -> str:
    tested = counts["killed"] + counts["survived"] + counts["timeout"] + counts["suspicious"]
    caught = counts["killed"] + counts["timeout"]
    return f"{caught}/{tested} ({100 * caught / tested:.0f}%)" if tested else "none tested"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="*", choices=[[], *TARGETS], default=[])
    parser.add_argument("--tests-at", metavar="COMMIT", help="use the tests as they were at COMMIT")
    parser.add_argument("--report", default="report.md", help="file name under .mutation/")
    parser.add_argument(
        "--minutes",
        type=float,
        default=PER_TARGET_TIMEOUT / 60,
        help="stop each target after this long and report what was tested",
    )
    args = parser.parse_args()
    names = args.targets or list(TARGETS)
    for needed in (PYTEST, MUTMUT):
        if not needed.exists():
            sys.exit(f"{needed} is missing: run `bash scripts/mutation.sh`")
    OUT.mkdir(exist_ok=True)
    with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        run = Path(args.report).stem
        results = list(pool.map(lambda n: _run_target(n, args.tests_at, args.minutes, run), names))
    lines = [
        "| module | killed (or timed out) / tested | survived | minutes |",
        "|---|---|---|---|",
    ]
    details = []
    total = {"killed": 0, "survived": 0, "timeout": 0, "suspicious": 0, "untested": 0}
    for result in results:
        counts = result["counts"]
        assert isinstance(counts, dict)
        for key in total:
            total[key] += counts[key]
        note = " (stopped at the time limit)" if result["timed_out"] else ""
        minutes = float(result["seconds"]) / 60  # type: ignore[arg-type]
        lines.append(
            f"| `{result['path']}` | {_score(counts)}{note} | {counts['survived']} "
            f"| {minutes:.1f} |"
        )
        for survivor in result["survivors"]:  # type: ignore[attr-defined]
            details.append(f"### {result['path']}\n\n```diff\n{survivor}\n```\n")
    lines.append(f"| all | {_score(total)} | {total['survived']} | |")
    report = "\n".join(lines) + "\n\n## Surviving mutants\n\n" + ("\n".join(details) or "none\n")
    (OUT / args.report).write_text(report)
    print(report)


if __name__ == "__main__":
    main()

"""`pip install .` gives one distribution holding both packages, each typed."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import dodb
import dodb_api

ROOT = Path(__file__).resolve().parent.parent


def test_both_packages_come_from_the_installed_distribution() -> None:
    files = {str(f) for f in importlib.metadata.files("dodb") or []}
    assert "dodb/__init__.py" in files
    assert "dodb_api/__init__.py" in files
    assert "dodb/py.typed" in files
    assert "dodb_api/py.typed" in files
    # Tests import what a user gets from the wheel, not the source folders.
    assert ROOT / "wrapper" not in Path(dodb.__file__).parents
    assert ROOT / "generated" not in Path(dodb_api.__file__).parents


def test_runtime_dependencies_are_ranges() -> None:
    requires = importlib.metadata.requires("dodb") or []
    runtime = [r for r in requires if "extra ==" not in r]
    assert sorted(r.split(">")[0].split("<")[0] for r in runtime) == [
        "aiohttp",
        "attrs",
        "httpx",
        "yarl",
    ]
    assert all(">=" in r for r in runtime)
    assert importlib.metadata.metadata("dodb")["Requires-Python"] == ">=3.11"


def test_the_spec_ships_with_the_package_and_dodb_spec_prints_it() -> None:
    import subprocess
    import sys

    files = {str(f) for f in importlib.metadata.files("dodb") or []}
    assert "dodb/openapi.yaml" in files
    printed = subprocess.run(
        [sys.executable, "-m", "dodb.cli", "spec"], capture_output=True, check=True
    ).stdout
    assert printed == (ROOT / "openapi.yaml").read_bytes()

"""The README's code runs as written, in order, against the emulator, so it cannot drift.

Python blocks run one after the other in one namespace, as a reader pasting
them would; `dodb.Client` and `dodb.AsyncClient` are pointed at a served
emulator (the only change: the reference page's call otherwise goes to the
real API). The command-line block runs in bash against its own emulator.
Every other block says why it does not run (`<!-- not run: ... -->`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import dodb
from tests.support.docblocks import ROOT, blocks, clients_to_emulator, run_python, run_shell

README = ROOT / "README.md"
BLOCKS = blocks(README)
PYTHON = [b for b in BLOCKS if b.lang == "python"]
EMULATOR_BLOCKS = [b for b in BLOCKS if b.starts_emulator]


def test_the_readme_is_short() -> None:
    assert len(README.read_text().splitlines()) <= 300


def test_every_block_is_run_or_named() -> None:
    from tests.support.docblocks import unaccounted

    assert unaccounted(BLOCKS) == []
    named = {b.body.split()[0] for b in BLOCKS if b.not_run}
    # The set-up commands, the install lines and the error tree: named, not run here.
    assert named == {"bash", "pip", "DodbError"}
    assert len(EMULATOR_BLOCKS) == 1


@pytest.mark.slow
def test_the_python_blocks_run_in_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # the provisioning block writes its file and the CA here
    assert len(PYTHON) >= 8
    with clients_to_emulator(monkeypatch) as emulator:
        namespace = run_python(BLOCKS)
    users = set(emulator.store.clusters["ab7bb7a"].users)
    assert users == {"doadmin", "app-01", "app-03"}  # app-02 was added, then deleted
    assert namespace["applied"].done  # the provisioning file was applied
    assert (tmp_path / "ca.pem").read_text().startswith("-----BEGIN CERTIFICATE-----")
    assert isinstance(namespace["configured"], dodb.Client)


@pytest.mark.slow
def test_the_command_line_block_runs_against_the_emulator(tmp_path: Path) -> None:
    (block,) = EMULATOR_BLOCKS
    assert "dodb users list" in block.body
    out = run_shell(block, tmp_path)
    assert "doadmin" in out
    assert '"pg_allow_replication": true' in out
    assert f"dodb {dodb.__version__}" in out

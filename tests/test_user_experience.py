"""What a new user meets: the pytest plugin under each async plugin, the command line's
manners, and the messages when something is missing."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import dodb
from dodb.cli import main

USER_TESTS = textwrap.dedent(
    """
    import pytest

    {marker}
    async def test_add_through_the_async_fixture(dodb_async_client):
        user = await dodb_async_client.databases.users.add("ab7bb7a", "app-01")
        assert user.password

    {marker}
    async def test_a_second_async_test_after_it(dodb_async_client):
        users = await dodb_async_client.databases.users.list("ab7bb7a")
        assert [u.name for u in users] == ["doadmin"]

    def test_the_sync_fixture(dodb_client):
        assert dodb_client.databases.users.add("ab7bb7a", "app-02").name == "app-02"
    """
)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("mode", "marker", "options"),
    [
        (
            "pytest-asyncio strict",
            "@pytest.mark.asyncio",
            ["-p", "asyncio", "--asyncio-mode=strict"],
        ),
        ("pytest-asyncio auto", "", ["-p", "asyncio", "--asyncio-mode=auto"]),
        ("anyio", "@pytest.mark.anyio", ["-p", "no:asyncio"]),
    ],
)
def test_the_plugins_fixtures_work_under_each_async_plugin(
    tmp_path: Path, mode: str, marker: str, options: list[str]
) -> None:
    (tmp_path / "conftest.py").write_text(
        'pytest_plugins = ["dodb.pytest_plugin"]\n\n'
        "import pytest\n\n\n@pytest.fixture\ndef anyio_backend():\n    return 'asyncio'\n"
    )
    (tmp_path / "test_app.py").write_text(USER_TESTS.format(marker=marker))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *options],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, mode + "\n" + result.stdout[-2000:] + result.stderr[-2000:]
    assert "3 passed" in result.stdout


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_global_flags_work_after_the_action_too(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from dodb.emulator import Emulator

    monkeypatch.delenv("DIGITALOCEAN_TOKEN", raising=False)
    with Emulator() as emulator, emulator.running() as url:
        code, out, err = run(
            capsys,
            "users",
            "get",
            "ab7bb7a",
            "doadmin",
            "--output",
            "json",
            "--api-url",
            url,
            "--token",
            "t",
        )
        assert (code, err) == (0, "")
        assert '"role": "primary"' in out
        # Before the action, as before; and after it, overriding nothing given before.
        code, out, _ = run(
            capsys, "users", "--output", "json", "--token", "t", "--api-url", url, "list", "ab7bb7a"
        )
        assert code == 0
        assert out.lstrip().startswith("[")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"dodb {dodb.__version__}"


def test_messages_name_the_commands_own_flags(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DIGITALOCEAN_TOKEN", raising=False)
    code, _, err = run(capsys, "users", "list", "ab7bb7a")
    assert code == 2
    assert (
        err
        == "dodb: error: no API token: pass --token or set the DIGITALOCEAN_TOKEN environment variable\n"
    )
    code, _, err = run(
        capsys, "users", "--token", "t", "--api-url", "http://example.com", "list", "c"
    )
    assert code == 2
    assert "--api-url 'http://example.com' is plain http" in err
    assert "base_url" not in err
    assert "token=" not in err


def test_a_bad_emulator_cluster_flag_is_a_usage_error_not_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "emulator", "--cluster", "x:y:oracle")
    assert code == 2
    assert err.startswith("dodb: error: --cluster 'x:y:oracle': ")
    assert err.count("\n") == 1


def test_the_emulator_without_its_extra_says_what_to_install() -> None:
    code = (
        "import sys; sys.modules['starlette'] = None\n"
        "try:\n    from dodb.emulator import Emulator\n"
        "except ModuleNotFoundError as exc:\n    print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "dodb.emulator needs the emulator extra (starlette is missing)" in out.stdout
    assert "pip install 'dodb[emulator]'" in out.stdout


def test_the_project_has_the_license_its_metadata_declares() -> None:
    root = Path(__file__).resolve().parent.parent
    assert (root / "LICENSE").read_text().startswith("MIT License")
    assert 'license = "MIT"' in (root / "pyproject.toml").read_text()

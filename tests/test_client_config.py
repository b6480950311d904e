"""Building a client: token, base URL, timeouts, retries, lifetimes, repr."""

from __future__ import annotations

import pickle

import httpx
import pytest

import dodb
from dodb import AsyncClient, Client, ConfigurationError
from tests.conftest import TOKEN, USER, async_client, json_response, sync_client


def test_token_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGITALOCEAN_TOKEN", TOKEN)
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["authorization"])
        return json_response(200, USER)

    client = Client(http_client=httpx.Client(transport=httpx.MockTransport(handler)))
    client.databases.get_user("ab7bb7a", "app-01")
    assert seen == [f"Bearer {TOKEN}"]


def test_an_explicit_token_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGITALOCEAN_TOKEN", "from-env")
    client, recorder = sync_client(lambda r: json_response(200, USER))
    client.databases.get_user("ab7bb7a", "app-01")
    assert recorder.requests[0].headers["authorization"] == f"Bearer {TOKEN}"


@pytest.mark.parametrize("env", [None, "", "   "])
def test_no_token_is_a_clear_error_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, env: str | None
) -> None:
    if env is not None:
        monkeypatch.setenv("DIGITALOCEAN_TOKEN", env)
    with pytest.raises(ConfigurationError, match="DIGITALOCEAN_TOKEN"):
        Client()
    with pytest.raises(ConfigurationError, match="DIGITALOCEAN_TOKEN"):
        AsyncClient()


@pytest.mark.parametrize("token", ["", "  ", "abc def", "abc\ndef"])
def test_malformed_tokens_are_refused(token: str) -> None:
    with pytest.raises(ConfigurationError):
        Client(token)


@pytest.mark.parametrize(
    "url",
    [
        "http://api.digitalocean.com",
        "http://10.0.0.5:8080",
        "http://example.com",
        "http://127.example.com",
        "ftp://127.0.0.1",
        "not a url",
        "https://api.digitalocean.com?x=1",
    ],
)
def test_unsafe_or_invalid_base_urls_are_refused(url: str) -> None:
    with pytest.raises(ConfigurationError, match="base_url"):
        Client(TOKEN, base_url=url)


@pytest.mark.parametrize(
    "url",
    [
        "https://api.digitalocean.com",
        "https://api.digitalocean.com/",
        "http://localhost:8080",
        "http://127.0.0.1:9000",
        "http://127.1.2.3",
        "http://[::1]:8000",
    ],
)
def test_https_and_loopback_http_are_accepted(url: str) -> None:
    """Accepted, and joined to each path with exactly one slash."""
    sent: list[httpx.URL] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request.url)
        return httpx.Response(200, json={"users": []})

    http = httpx.Client(transport=httpx.MockTransport(answer))
    with Client(TOKEN, base_url=url, http_client=http, requests_per_minute=None) as client:
        client.databases.users.list("ab7bb7a")
    (where,) = sent
    assert str(where) == url.rstrip("/") + "/v2/databases/ab7bb7a/users"


def test_plain_http_error_says_why() -> None:
    with pytest.raises(ConfigurationError, match="unencrypted"):
        Client(TOKEN, base_url="http://api.digitalocean.com")


def test_requests_go_to_the_base_url() -> None:
    client, recorder = sync_client(
        lambda r: json_response(200, USER), base_url="http://127.0.0.1:8555/"
    )
    client.databases.get_user("ab7bb7a", "app-01")
    assert (
        str(recorder.requests[0].url) == "http://127.0.0.1:8555/v2/databases/ab7bb7a/users/app-01"
    )


def test_default_timeout_is_explicit_and_finite() -> None:
    client = Client(TOKEN)
    assert client.timeout == dodb.DEFAULT_TIMEOUT
    assert None not in (
        client.timeout.connect,
        client.timeout.read,
        client.timeout.write,
        client.timeout.pool,
    )
    client.close()


@pytest.mark.parametrize(
    "timeout", [None, 0, -1, "10", True, httpx.Timeout(None), httpx.Timeout(5, read=None)]
)
def test_unlimited_or_invalid_timeouts_are_refused(timeout: object) -> None:
    with pytest.raises(ConfigurationError, match="timeout"):
        Client(TOKEN, timeout=timeout)  # type: ignore[arg-type]


def test_timeout_is_sent_with_every_request() -> None:
    seen: list[object] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"])
        return json_response(200, USER)

    client, _ = sync_client(handler, timeout=2.5)
    client.databases.get_user("ab7bb7a", "app-01")
    assert seen == [{"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}]


@pytest.mark.parametrize("value", [-1, 1.5, "2", True])
def test_invalid_max_retries_is_refused(value: object) -> None:
    with pytest.raises(ConfigurationError, match="max_retries"):
        Client(TOKEN, max_retries=value)  # type: ignore[arg-type]


def test_repr_shows_settings_not_the_token() -> None:
    client = Client(TOKEN)
    text = repr(client)
    assert "https://api.digitalocean.com" in text
    assert TOKEN not in text
    assert TOKEN not in str(vars(client).get("_http"))
    client.close()


def test_client_cannot_be_pickled_with_its_token() -> None:
    with pytest.raises(TypeError, match="pickled"):
        pickle.dumps(Client(TOKEN))


def test_context_manager_closes_its_own_http_client() -> None:
    with Client(TOKEN) as client:
        http = client._http
    assert http.is_closed


def test_a_callers_http_client_is_left_open() -> None:
    http = httpx.Client(transport=httpx.MockTransport(lambda r: json_response(200, USER)))
    with Client(TOKEN, http_client=http) as client:
        client.databases.get_user("ab7bb7a", "app-01")
    assert not http.is_closed
    http.close()


@pytest.mark.anyio
async def test_async_context_manager_closes_its_own_http_client() -> None:
    async with AsyncClient(TOKEN) as client:
        http = client._http
    assert http.is_closed


@pytest.mark.anyio
async def test_async_client_leaves_a_callers_http_client_open() -> None:
    client, recorder = async_client(lambda r: json_response(200, USER))
    async with client:
        await client.databases.get_user("ab7bb7a", "app-01")
    assert not client._http.is_closed
    assert len(recorder.requests) == 1
    await client._http.aclose()


def test_headers_sent() -> None:
    client, recorder = sync_client(lambda r: json_response(201, USER))
    client.databases.add_user("ab7bb7a", {"name": "app-01"})
    headers = recorder.requests[0].headers
    assert headers["accept"] == "application/json"
    assert headers["content-type"] == "application/json"
    assert headers["user-agent"] == f"dodb/{dodb.__version__}"


def test_async_client_is_loaded_only_when_asked_for() -> None:
    import subprocess
    import sys

    code = "import sys, dodb; print('dodb._async_client' in sys.modules); dodb.AsyncClient; print('dodb._async_client' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


def test_import_and_construction_load_nothing_heavy() -> None:
    """The generated layer, the models, attrs and the async stack load on first use only."""
    import subprocess
    import sys

    code = (
        "import sys, dodb; dodb.Client('t'); "
        "print(sorted(m for m in ('attrs', 'dodb_api', 'aiohttp', 'dodb.emulator', 'dodb.cli') if m in sys.modules)); "
        "dodb.Client('t').databases; "
        "print(sorted(m for m in ('dodb_api', 'aiohttp') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, after = out.stdout.splitlines()
    assert before == "[]"
    assert after == "['dodb_api']"


def test_an_operation_group_loads_with_its_first_use_and_a_call_with_its_own_row() -> None:
    """Nothing of a group (its calls, models, operation rows) loads before it is used,
    and a call loads its own row only: start-up stays flat as the spec grows."""
    import subprocess
    import sys

    code = (
        "import sys, httpx, dodb\n"
        "def loaded(prefix): return sorted(m for m in sys.modules if m.startswith(prefix))\n"
        "answer = httpx.MockTransport(lambda r: httpx.Response(200, json={'users': []}))\n"
        "client = dodb.Client('t', http_client=httpx.Client(transport=answer))\n"
        "client.databases\n"
        "print(loaded('dodb_api.calls.'), loaded('dodb_api.api.'), loaded('dodb_api.models.'))\n"
        "client.databases.users\n"
        "client.databases.dbs\n"
        "print(loaded('dodb_api.calls.'), loaded('dodb_api.api.'), loaded('dodb._provision'),"
        " loaded('dodb._access'))\n"
        "client.databases.users.list('ab7bb7a')\n"
        "print(loaded('dodb_api.api.'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, users, called = out.stdout.splitlines()
    assert first == "['dodb_api.calls.databases'] [] []"
    # Their flows (`ensure`, `credentials`) and the other groups' models wait for a use too.
    assert (
        users
        == "['dodb_api.calls.databases', 'dodb_api.calls.dbs', 'dodb_api.calls.users'] [] [] []"
    )
    assert (
        called
        == "['dodb_api.api.database_users', 'dodb_api.api.database_users.databases_list_users']"
    )

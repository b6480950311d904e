"""No slice of four or more characters of a secret is ever shown, unless asked for.

Secrets (token, passwords, private keys, connection strings) are drawn by hypothesis
from upper-case consonants: no word dodb writes is made of them, so any four of them
in a row in an output came from a secret. Checked: `Secret` in every way Python shows
a value, the typed models and credentials, raw responses (`last_response`), errors,
log records, and the command line (table and JSON; get, list, add, rotate; Kafka
users included) without --show-secrets.
"""

from __future__ import annotations

import io
import json
import logging
import pickle
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dodb
from dodb import Secret
from dodb.cli import main
from dodb.emulator import CLUSTER_IDS, Emulator

ALPHABET = "BCDFGHJKLMNPQRSTVWXZ"
secrets = st.text(ALPHABET, min_size=8, max_size=40)
PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


def leaks(secret: str, shown: str) -> list[str]:
    """The slices of four or more characters of `secret` that `shown` holds."""
    return [secret[i : i + 4] for i in range(len(secret) - 3) if secret[i : i + 4] in shown]


def _user(password: str, key: str) -> dict[str, Any]:
    return {
        "name": "app",
        "role": "normal",
        "password": password,
        "access_cert": "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        "access_key": f"-----BEGIN PRIVATE KEY-----\n{key}\n-----END PRIVATE KEY-----\n",
    }


@given(secret=secrets)
@PROPERTY
def test_a_secret_is_masked_however_it_is_shown(secret: str) -> None:
    value = Secret(secret)
    for shown in (
        repr(value),
        str(value),
        f"{value}",
        f"{value!r}",
        f"{value:>60}",
        "%s %r" % (value, value),
        str([value]),
        repr({"password": value}),
        json.dumps({"password": str(value)}),
    ):
        assert leaks(secret, shown) == [], shown
    assert pickle.loads(pickle.dumps(value)).reveal() == secret  # kept, not shown


@given(password=secrets, key=secrets)
@PROPERTY
def test_models_and_credentials_mask_their_secrets(password: str, key: str) -> None:
    from dodb._provision import credentials_of

    user = dodb.DatabaseUser.from_dict(_user(password, key))
    uri = f"postgresql://doadmin:{password}@h.invalid:25060/defaultdb?sslmode=require"
    cluster = dodb.DatabaseCluster.from_dict(
        {
            "id": "c",
            "name": "n",
            "engine": "pg",
            "num_nodes": 1,
            "size": "db-s-1vcpu-2gb",
            "region": "nyc3",
            "connection": {"uri": uri, "host": "h.invalid", "port": 25060, "password": password},
        }
    )
    creds = credentials_of(cluster, user, private=False)
    for shown in (
        repr(user),
        str(user),
        repr(cluster),
        repr(creds),
        json.dumps(creds.to_dict()),
        json.dumps(creds.to_env()),
    ):
        assert leaks(password, shown) == [], shown
        assert leaks(key, shown) == [], shown


@given(token=secrets, password=secrets, key=secrets)
@PROPERTY
def test_raw_responses_errors_and_logs_show_no_secret(token: str, password: str, key: str) -> None:
    body = {"user": _user(password, key)}
    broken = {"user": {**_user(password, key), "role": 7}}  # a body off the schema
    answers = iter(
        [
            httpx.Response(201, json=body),
            httpx.Response(200, json=broken),
            httpx.Response(422, json={"id": "unprocessable_entity", "message": "no"}),
        ]
    )
    transport = httpx.MockTransport(lambda request: next(answers))
    records = io.StringIO()
    handler = logging.StreamHandler(records)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s %(args)s"))
    logger = logging.getLogger("dodb")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        http = httpx.Client(transport=transport)
        client = dodb.Client(token, http_client=http, requests_per_minute=None, max_retries=0)
        raw = client.databases.add_user("c", {"name": "app"})
        assert raw["user"]["password"] == password  # the raw call returns the JSON as is
        shown = [repr(client.last_response), repr(client), str(client.databases.users)]
        for call in (
            lambda: client.databases.users.get("c", "app"),
            lambda: client.databases.users.get("c", "app"),
        ):
            with pytest.raises(dodb.APIError) as caught:
                call()
            error = caught.value
            shown += [str(error), repr(error), repr(error.args), repr(error.__cause__)]
            shown.append(repr(pickle.loads(pickle.dumps(error)).__dict__))
    finally:
        logger.removeHandler(handler)
        logger.setLevel(logging.NOTSET)
    shown.append(records.getvalue())
    everything = "\n".join(shown)
    assert "DEBUG" in everything  # the log was really captured
    for secret in (token, password, key):
        assert leaks(secret, everything) == [], everything


# The command line -------------------------------------------------------------------------


@pytest.fixture
def chosen_secrets(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every password and private key the emulator makes, drawn from ALPHABET."""
    import random

    made: list[str] = []
    draw = random.Random(5)  # noqa: S311 - test data with a fixed seed

    def secret() -> str:
        made.append("".join(draw.choice(ALPHABET) for _ in range(24)))
        return made[-1]

    def issue(self: Any, username: str) -> tuple[str, str]:
        cert = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
        return cert, f"-----BEGIN PRIVATE KEY-----\n{secret()}\n-----END PRIVATE KEY-----\n"

    monkeypatch.setattr("dodb.emulator._state.new_password", secret)
    monkeypatch.setattr("dodb.emulator._certs.CertificateAuthority.issue", issue)
    return made


def test_the_command_line_shows_no_secret_unless_asked(
    chosen_secrets: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    token = "TKNBCDFGHJKLMNPQRSTV"
    emulator = Emulator()
    kafka, pg = CLUSTER_IDS["kafka"], CLUSTER_IDS["pg"]
    shown = []
    with emulator.running() as url:
        monkeypatch.setenv("DIGITALOCEAN_TOKEN", token)
        monkeypatch.setenv("DODB_API_URL", url)
        for output in ("table", "json"):
            for args in (
                ["add", kafka, f"k-{output}", "--kafka-acl", "events:consume"],
                ["add", pg, f"p-{output}"],
                ["get", kafka, f"k-{output}"],
                ["list", kafka],
                ["list", pg],
                ["reset-auth", pg, f"p-{output}"],
            ):
                assert main(["users", *args, "--output", output]) == 0
                shown.append(capsys.readouterr().out)
        for fmt in ("uri", "env", "json"):
            assert main(["users", "credentials", pg, "p-json", "--format", fmt]) == 0
            shown.append(capsys.readouterr().out)
        assert main(["users", "credentials", kafka, "k-json", "--format", "json"]) == 0
        shown.append(capsys.readouterr().out)
        assert main(["users", "get", pg, "nobody"]) == 1
        shown.append(capsys.readouterr().err)
        revealed = main(["users", "get", pg, "p-json", "--show-secrets", "--output", "json"])
        assert revealed == 0
        assert json.loads(capsys.readouterr().out)["password"] in chosen_secrets
    everything = "\n".join(shown)
    assert len(chosen_secrets) >= 10  # passwords of every user, keys of the Kafka ones
    for secret in [token, *chosen_secrets]:
        assert leaks(secret, everything) == [], secret


@given(secret=st.text(ALPHABET + "@:/%#?+", min_size=8, max_size=40))
@PROPERTY
def test_a_request_being_sent_shows_no_credential_of_its_body(secret: str) -> None:
    """A request's body may hold a credential (metrics credentials, a log sink's password,
    a migration source's): the call and the step that sends it show none of it, in any
    encoding, wherever a traceback's locals or a log would print them."""
    from urllib.parse import quote

    from dodb import _calls
    from dodb._config import DEFAULT_TIMEOUT
    from dodb._retry import Send

    body = {"credentials": {"basic_auth_username": "metrics", "basic_auth_password": secret}}
    for call in (
        _calls.official("databases_update_cluster_metrics_credentials", (), body, {}),
        _calls.typed(
            "databases_update_cluster_metrics_credentials",
            (),
            {},
            {"basic_auth_username": "metrics", "basic_auth_password": secret},
        ),
    ):
        assert call.content is not None
        assert secret.encode() in call.content or json.dumps(secret).encode() in call.content
        step = Send(call, DEFAULT_TIMEOUT, "first", 60.0)
        for shown in (repr(call), str(call), repr(step), str([step])):
            for form in (secret, json.dumps(secret)[1:-1], quote(secret, safe="")):
                assert not leaks(form, shown), shown

"""The token, passwords and private keys never show in a repr, a log line or an error."""

from __future__ import annotations

import logging
import pickle
import traceback

import httpx
import pytest

import dodb
from dodb import Secret
from tests.conftest import TOKEN, async_client, json_response, sync_client

PASSWORD = "wv78n3zpz42xezdk"
KEY = "-----BEGIN PRIVATE KEY-----\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----"
KAFKA_USER = {
    "user": {
        "name": "app-03",
        "role": "normal",
        "password": PASSWORD,
        "access_cert": "-----BEGIN CERTIFICATE-----\nMIIF\n-----END CERTIFICATE-----",
        "access_key": KEY,
    }
}
SECRETS = [TOKEN, PASSWORD, KEY, "MIIEvgIBADANBgkqhkiG9w0BAQEFAASC"]


def assert_clean(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


def test_secret_is_masked_but_readable_on_purpose() -> None:
    secret = Secret(PASSWORD)
    assert secret.reveal() == PASSWORD
    for shown in (
        repr(secret),
        str(secret),
        f"{secret}",
        f"{secret!r}",
        f"{secret:>20}",
        "%s" % secret,
    ):
        assert PASSWORD not in shown
        assert "*" in shown
    assert secret == Secret(PASSWORD)
    assert secret != PASSWORD
    assert pickle.loads(pickle.dumps(secret)).reveal() == PASSWORD


def test_user_model_masks_password_and_key() -> None:
    client, _ = sync_client(lambda r: json_response(200, KAFKA_USER))
    user = client.databases.users.get("ab7bb7a", "app-03")
    assert user.password is not None
    assert user.password.reveal() == PASSWORD
    assert user.access_key is not None
    assert user.access_key.reveal() == KEY
    for text in (repr(user), str(user), repr([user]), repr(client.last_response)):
        assert_clean(text)
    assert "app-03" in repr(user)


def test_models_are_immutable() -> None:
    import attrs

    client, _ = sync_client(lambda r: json_response(200, KAFKA_USER))
    user = client.databases.users.get("ab7bb7a", "app-03")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        user.name = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("handler", "raised"),
    [
        (lambda r: json_response(201, KAFKA_USER), None),
        (
            lambda r: json_response(
                401, {"id": "unauthorized", "message": "Unable to authenticate you."}
            ),
            dodb.AuthenticationError,
        ),
        (
            lambda r: json_response(201, {"user": {"password": PASSWORD, "access_key": KEY}}),
            dodb.APIResponseValidationError,
        ),
        (
            lambda r: httpx.Response(502, content=f"<html>{PASSWORD}</html>".encode()),
            dodb.InternalServerError,
        ),
    ],
    ids=["success", "401", "bad-success-body", "html-error"],
)
def test_nothing_secret_in_logs_or_errors(  # type: ignore[no-untyped-def]
    handler, raised: type[dodb.DodbError] | None, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client, _ = sync_client(handler, max_retries=0)

    def add() -> None:
        client.databases.users.add("ab7bb7a", "app-03", kafka_acls=[("t", "admin")])

    if raised is None:
        add()
    else:
        with pytest.raises(raised) as caught:
            add()
        error = caught.value
        assert_clean(str(error))
        assert_clean(repr(error))
        assert_clean("".join(traceback.format_exception(error)))
    assert caplog.records, "dodb logs each exchange at DEBUG"
    assert_clean(caplog.text)
    for record in caplog.records:
        assert_clean(record.getMessage())


def test_retries_and_connection_errors_log_nothing_secret(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    attempts = iter(
        [
            httpx.ConnectError("refused"),
            json_response(503, {"id": "x"}),
            json_response(200, KAFKA_USER),
        ]
    )

    def handler(request: httpx.Request) -> httpx.Response:
        outcome = next(attempts)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    client, _ = sync_client(handler, max_retries=2)
    client._sleep = lambda seconds: None
    client.databases.users.get("ab7bb7a", "app-03")
    assert "retrying" in caplog.text
    assert_clean(caplog.text)


def test_connection_error_chain_has_no_token() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    client, _ = sync_client(handler, max_retries=0)
    with pytest.raises(dodb.APIConnectionError) as info:
        client.databases.list_users("ab7bb7a")
    assert_clean("".join(traceback.format_exception(info.value)))
    # The chained httpx error keeps its request, whose headers hide the token when shown.
    cause = info.value.__cause__
    assert isinstance(cause, httpx.ConnectError)
    assert_clean(repr(cause.request.headers))


@pytest.mark.anyio
async def test_async_client_logs_nothing_secret(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client, _ = async_client(lambda r: json_response(201, KAFKA_USER))
    user = await client.databases.users.add("ab7bb7a", "app-03")
    assert_clean(repr(user))
    assert_clean(caplog.text)
    assert_clean(repr(client))


def test_last_responses_repr_masks_credentials_and_only_them() -> None:
    client, _ = sync_client(lambda r: json_response(201, KAFKA_USER))
    raw = client.databases.add_user("ab7bb7a", {"name": "app-03"})
    assert raw["user"]["password"] == PASSWORD  # the raw call returns the JSON as sent
    shown = repr(client.last_response)
    assert_clean(shown)
    assert shown.count("'**********'") == 2  # the password and the private key
    assert "'name': 'app-03'" in shown
    assert "BEGIN CERTIFICATE" in shown  # the certificate is public

"""Re-recording works end to end: live exchanges are saved scrubbed and replay offline."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

import dodb
from tests.conftest import TOKEN
from tests.support.cassettes import FAKE_PASSWORD, make_vcr, secrets_in
from tests.support.record import record

LIVE_PASSWORD = "q8x2m4n6b1v3c5z7"
LIVE_KEY = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----"


class FakeAPI(BaseHTTPRequestHandler):
    """Just enough of the API on loopback to record against, with real-looking secrets."""

    def _send(self, status: int, body: object | None) -> None:
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("ratelimit-remaining", "4999")
        self.send_header("x-request-id", "live-req")
        self.send_header("set-cookie", "session=abc")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _user(self, name: str) -> dict[str, object]:
        return {
            "user": {
                "name": name,
                "role": "normal",
                "password": LIVE_PASSWORD,
                "access_key": LIVE_KEY,
            }
        }

    def do_GET(self) -> None:
        parts = self.path.split("/")
        if len(parts) == 5:
            self._send(
                200, {"users": [{"name": "doadmin", "role": "primary", "password": LIVE_PASSWORD}]}
            )
        else:
            self._send(200, self._user(parts[5]))

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["content-length"])))
        parts = self.path.split("/")
        self._send(201, self._user(body["name"])) if len(parts) == 5 else self._send(
            200, self._user(parts[5])
        )

    def do_PUT(self) -> None:
        self.rfile.read(int(self.headers["content-length"]))
        self._send(201, self._user(self.path.split("/")[5]))

    def do_DELETE(self) -> None:
        self._send(204, None)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def live_api() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeAPI)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_recording_is_scrubbed_and_replays(
    live_api: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    path = record("ab7bb7a", api_url=live_api, token=TOKEN, out=tmp_path)
    text = path.read_text()
    data = yaml.safe_load(text)
    assert [i["request"]["method"] for i in data["interactions"]] == [
        "GET",
        "POST",
        "GET",
        "PUT",
        "POST",
        "DELETE",
    ]
    assert secrets_in(text) == []
    for secret in (TOKEN, LIVE_PASSWORD, "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcw", "session=abc"):
        assert secret not in text
    assert data["metadata"]["origin"].startswith(
        f"Recorded by tests/support/record.py against {live_api}"
    )
    # Real transport logs (httpx, httpcore) hold no secret either.
    assert TOKEN not in caplog.text
    assert LIVE_PASSWORD not in caplog.text

    name = json.loads(data["interactions"][1]["request"]["body"])["name"]
    with (
        make_vcr(cassette_dir=tmp_path).use_cassette(path.name),
        dodb.Client("another-token", base_url=live_api, max_retries=0) as client,
    ):
        assert client.databases.users.list("ab7bb7a")[0].role is dodb.UserRole.PRIMARY
        added = client.databases.users.add("ab7bb7a", name)
        assert added.password is not None
        assert added.password.reveal() == FAKE_PASSWORD
        assert client.databases.get_user("ab7bb7a", name)["user"]["name"] == name
        updated = client.databases.update_user(
            "ab7bb7a", name, {"settings": {"pg_allow_replication": True}}
        )
        assert updated["user"]["name"] == name  # the replayed answer, as recorded
        assert client.last_response is not None
        assert client.last_response.status_code == 201
        reset = client.databases.reset_auth("ab7bb7a", name, {})
        assert reset["user"]["password"] == FAKE_PASSWORD  # scrubbed in the cassette
        assert reset["user"]["access_key"] != LIVE_KEY
        client.databases.users.delete("ab7bb7a", name)
        assert client.last_response is not None
        assert client.last_response.status_code == 204

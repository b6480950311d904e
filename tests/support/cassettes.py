"""Cassette handling shared by the tests and scripts/: vcr settings and secret scrubbing.

Scrubbing runs when an exchange is recorded and again, on each request, when
it is replayed, so every filter here is idempotent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import vcr
import yaml
from vcr.request import Request

CASSETTES = Path(__file__).resolve().parent.parent / "cassettes"
FAKE_AUTHORIZATION = "Bearer REDACTED"
FAKE_PASSWORD = "redactedpassword"  # 16 lower-case letters, the shape of a real one
FAKE_PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----\nREDACTED\n-----END PRIVATE KEY-----"
_SECRET_FIELDS = {"password": FAKE_PASSWORD, "access_key": FAKE_PRIVATE_KEY}
_DROPPED_HEADERS = {"set-cookie", "cookie"}


def scrub_json(value: Any) -> Any:
    """`value` with every password and private key replaced by its fake."""
    if isinstance(value, dict):
        return {
            k: (_SECRET_FIELDS[k] if k in _SECRET_FIELDS and isinstance(v, str) else scrub_json(v))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [scrub_json(v) for v in value]
    return value


def _scrub_body(body: bytes | str | None) -> bytes | str | None:
    if not body:
        return body
    try:
        decoded = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return body
    scrubbed = json.dumps(scrub_json(decoded), separators=(",", ":"))
    return scrubbed.encode() if isinstance(body, bytes) else scrubbed


def scrub_request(request: Request) -> Request:
    for name in list(request.headers):
        if name.lower() == "authorization":
            request.headers[name] = FAKE_AUTHORIZATION
        elif name.lower() in _DROPPED_HEADERS:
            del request.headers[name]
    request.body = _scrub_body(request.body)
    return request


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    response["headers"] = {
        k: v for k, v in response["headers"].items() if k.lower() not in _DROPPED_HEADERS
    }
    response["body"]["string"] = _scrub_body(response["body"]["string"])
    return response


def _json_body(r1: Request, r2: Request) -> None:
    """Bodies match when they hold the same JSON (key order aside), or the same bytes."""

    def load(body: bytes | str | None) -> Any:
        if not body:
            return None
        try:
            return json.loads(body)
        except ValueError:
            return body

    assert load(r1.body) == load(r2.body)


def make_vcr(record_mode: str = "none", cassette_dir: Path = CASSETTES) -> vcr.VCR:
    """The project's vcr: record mode `none` by default, so a test can never reach the network."""
    config = vcr.VCR(
        cassette_library_dir=str(cassette_dir),
        record_mode=record_mode,
        match_on=["method", "scheme", "host", "port", "path", "query", "json_body"],
        before_record_request=scrub_request,
        before_record_response=scrub_response,
        decode_compressed_response=True,
    )
    config.register_matcher("json_body", _json_body)
    return config


_TOKEN_PATTERNS = [
    re.compile(r"dop_v1_[A-Za-z0-9]{8,}"),
    re.compile(r"Bearer (?!REDACTED\b)\S+"),
]
_KEY_BLOCK = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----(.*?)-----END", re.S)


def secrets_in(cassette_text: str) -> list[str]:
    """What in a cassette's text looks like an unscrubbed secret (empty when clean)."""
    found = [m.group(0)[:20] + "..." for p in _TOKEN_PATTERNS for m in p.finditer(cassette_text)]
    for block in _KEY_BLOCK.findall(cassette_text.replace("\\n", "\n")):
        if block.strip() != "REDACTED":
            found.append("a private key")
    data = yaml.safe_load(cassette_text)
    for interaction in data.get("interactions", []):
        for part in ("request", "response"):
            side = interaction[part]
            body = side["body"]["string"] if part == "response" else side["body"]
            headers = side["headers"]
            for name, values in headers.items():
                if name.lower() == "authorization" and values != [FAKE_AUTHORIZATION]:
                    found.append(f"{part} Authorization header")
            if body:
                try:
                    decoded = json.loads(body)
                except ValueError:
                    continue
                if scrub_json(decoded) != decoded:
                    found.append(f"{part} body password or access_key")
    return found

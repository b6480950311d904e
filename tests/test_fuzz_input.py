"""Generated input: the client sends exactly the right request or raises InvalidInputError."""

from __future__ import annotations

import json
import unicodedata
from typing import Any
from urllib.parse import quote, unquote

import httpx
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import dodb
from dodb import InvalidInputError
from tests.conftest import json_response, sync_client, user_named_by

FUZZ = settings(
    # Some generated values are 100 kB; their repr is only built for a failure report.
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)

tricky = st.sampled_from(
    [
        "",
        " ",
        ".",
        "..",
        "...",
        "/",
        "a/b",
        "\\",
        "%2e%2e",
        "%2F",
        "?",
        "#",
        "a;b",
        "\x00",
        "\r\n",
        "\u202e",
        "\ud800",
        "名",
        "x" * 8192,
        "x" * 8193,
        "é" * 1366,
        "é" * 1365,
        "x" * 100_000,
    ]
)
values = st.one_of(
    st.text(),
    tricky,
    st.text(alphabet=st.sampled_from("./\\%?#;\x00 a\u0085\ufeff"), max_size=8),
    # Every ASCII character that may stand in a segment, encoded or not.
    st.text(alphabet=st.sampled_from("aZ09-._~!$&'()*+,;=:@%"), min_size=1, max_size=8),
)


def should_refuse(value: str) -> bool:
    """The documented rule for path values."""
    return (
        not value.strip()
        or value in (".", "..")
        or "/" in value
        or "\\" in value
        or any(unicodedata.category(c) in ("Cc", "Cs") for c in value)
        or len(quote(value, safe="")) > 8192
    )


def recording_client() -> tuple[Any, Any]:
    return sync_client(
        lambda r: json_response(201 if r.method == "POST" else 200, user_named_by(r))
    )


@given(cluster=values, name=values)
@FUZZ
def test_path_values_reach_exactly_their_url_or_are_refused(cluster: str, name: str) -> None:
    client, recorder = recording_client()
    refused: InvalidInputError | None = None
    try:
        client.databases.get_user(cluster, name)
    except InvalidInputError as error:
        refused = error
    if refused is not None:
        assert should_refuse(cluster) or should_refuse(name)
        assert "database_cluster_uuid" in str(refused) or "username" in str(refused)
        assert recorder.requests == []
        return
    assert not should_refuse(cluster)
    assert not should_refuse(name)
    (request,) = recorder.requests
    url: httpx.URL = request.url
    assert url.scheme == "https"
    assert url.host == "api.digitalocean.com"
    expected = f"/v2/databases/{quote(cluster, safe='')}/users/{quote(name, safe='')}"
    assert url.raw_path.decode() == expected
    segments = url.raw_path.decode().split("/")
    assert len(segments) == 6
    assert unquote(segments[3]) == cluster
    assert unquote(segments[5]) == name


@given(cluster=values, name=values)
@FUZZ
def test_reset_auth_and_delete_paths_too(cluster: str, name: str) -> None:
    client, recorder = recording_client()
    for run in (
        lambda: client.databases.users.reset_auth(cluster, name),
        lambda: client.databases.delete_user(cluster, name),
    ):
        try:
            run()
        except InvalidInputError:
            assert should_refuse(cluster) or should_refuse(name)
        except dodb.APIResponseValidationError:
            pass  # the canned answer is not a 204; only the request matters here
    for request in recorder.requests:
        assert request.url.raw_path.decode().startswith(
            f"/v2/databases/{quote(cluster, safe='')}/users/{quote(name, safe='')}"
        )
        assert request.url.host == "api.digitalocean.com"


options = st.fixed_dictionaries(
    {},
    optional={
        "mysql_auth_plugin": st.one_of(
            st.sampled_from(["mysql_native_password", "caching_sha2_password"]),
            st.text(),
            st.integers(),
        ),
        "mongo_role": st.one_of(st.sampled_from(["readOnly", "readWrite", "dbAdmin"]), st.text()),
        "kafka_acls": st.lists(
            st.tuples(
                st.text(),
                st.one_of(
                    st.sampled_from(["admin", "consume", "produce", "produceconsume"]), st.text()
                ),
            ),
            max_size=3,
        ),
        "pg_allow_replication": st.one_of(st.booleans(), st.integers(), st.none()),
        "mongo_databases": st.one_of(st.lists(st.text(), max_size=3), st.text()),
    },
)


ENGINE_OF = {
    "mysql_auth_plugin": "mysql",
    "mongo_role": "mongodb",
    "mongo_databases": "mongodb",
    "kafka_acls": "kafka",
    "pg_allow_replication": "pg",
}
ALLOWED = {
    "mysql_auth_plugin": {"mysql_native_password", "caching_sha2_password"},
    "mongo_role": {"readOnly", "readWrite", "dbAdmin"},
    "permission": {"admin", "consume", "produce", "produceconsume"},
}


def should_refuse_options(name: str, opts: dict[str, Any]) -> bool:
    """The documented rules, written out here: a name must be one path segment; options
    of one engine only; enum values the API knows; booleans as booleans; a Kafka topic
    is not empty; MongoDB's databases are a list of names."""
    given_ = {k: v for k, v in opts.items() if v is not None}
    if should_refuse(name) or len({ENGINE_OF[k] for k in given_}) > 1:
        return True
    plugin, role = given_.get("mysql_auth_plugin"), given_.get("mongo_role")
    if plugin is not None and plugin not in ALLOWED["mysql_auth_plugin"]:
        return True
    if role is not None and role not in ALLOWED["mongo_role"]:
        return True
    if "pg_allow_replication" in given_ and not isinstance(given_["pg_allow_replication"], bool):
        return True
    acls = given_.get("kafka_acls", [])
    if any(topic == "" or perm not in ALLOWED["permission"] for topic, perm in acls):
        return True
    return "mongo_databases" in given_ and not isinstance(given_["mongo_databases"], list)


@given(name=values, opts=options)
@FUZZ
def test_option_values_are_sent_as_given_or_refused(name: str, opts: dict[str, Any]) -> None:
    """Refused exactly when a documented rule says so, before sending; otherwise every
    value is sent as given."""
    client, recorder = recording_client()
    expected_refusal = should_refuse_options(name, opts)
    event("refused" if expected_refusal else "sent")
    try:
        client.databases.users.add("ab7bb7a", name, **opts)
    except InvalidInputError:
        assert expected_refusal, opts
        assert recorder.requests == []
        return
    assert not expected_refusal, opts
    (request,) = recorder.requests
    body = json.loads(request.content)
    assert body["name"] == name
    sent = {
        "mysql_auth_plugin": body.get("mysql_settings", {}).get("auth_plugin"),
        "pg_allow_replication": body.get("settings", {}).get("pg_allow_replication"),
        "kafka_acls": [
            (acl["topic"], acl["permission"]) for acl in body.get("settings", {}).get("acl", [])
        ]
        or None,
        "mongo_role": body.get("settings", {}).get("mongo_user_settings", {}).get("role"),
        "mongo_databases": body.get("settings", {}).get("mongo_user_settings", {}).get("databases"),
    }
    for key, value in opts.items():
        assert sent[key] == (value or None if key == "kafka_acls" else value), (key, body)

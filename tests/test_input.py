"""Bad input is refused before anything is sent; good input reaches exactly the right URL."""

from __future__ import annotations

import io
import json
from typing import Any

import httpx
import pytest

import dodb
from dodb import InvalidInputError, KafkaAcl, OpenSearchAcl
from tests.conftest import json_response, sync_client, user_named_by


def client_and_log() -> tuple[Any, Any]:
    return sync_client(
        lambda r: json_response(201 if r.method in ("POST", "PUT") else 200, user_named_by(r))
    )


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("", "empty or blank"),
        ("   ", "empty or blank"),
        ("\t", "empty or blank"),
        (".", "dot segment"),
        ("..", "dot segment"),
        ("a/b", "path separator"),
        ("../../account", "path separator"),
        ("a\\b", "path separator"),
        ("a\nb", "control characters"),
        ("a\x00b", "control characters"),
        ("a\x7fb", "control characters"),
        ("\ud800", "not valid Unicode"),
        (None, "must be a string"),
        (42, "must be a string"),
    ],
)
@pytest.mark.parametrize("param", ["database_cluster_uuid", "username"])
def test_path_values_that_would_change_the_url_are_refused(
    value: Any, problem: str, param: str
) -> None:
    client, recorder = client_and_log()
    args = {"database_cluster_uuid": "ab7bb7a", "username": "app-01", param: value}
    with pytest.raises(InvalidInputError, match=problem) as info:
        client.databases.get_user(**args)
    assert param in str(info.value)
    with pytest.raises(InvalidInputError, match=param):
        client.databases.users.delete(args["database_cluster_uuid"], args["username"])
    assert recorder.requests == []


@pytest.mark.parametrize(
    ("username", "segment"),
    [
        ("app-01", "app-01"),
        ("...", "..."),
        ("a.b", "a.b"),
        ("%2e%2e", "%252e%252e"),
        ("a?b#c", "a%3Fb%23c"),
        ("名前", "%E5%90%8D%E5%89%8D"),
        ("with space", "with%20space"),
        ("a;b=c&d", "a%3Bb%3Dc%26d"),
    ],
)
def test_other_names_are_encoded_as_one_path_segment(username: str, segment: str) -> None:
    client, recorder = client_and_log()
    client.databases.get_user("ab7bb7a", username)
    url = recorder.requests[0].url
    assert url.raw_path.decode() == f"/v2/databases/ab7bb7a/users/{segment}"
    assert url.host == "api.digitalocean.com"


def test_cluster_ids_need_not_be_uuids() -> None:
    client, recorder = client_and_log()
    client.databases.list_users("ab7bb7a")
    client.databases.list_users("9cc10173-e9ea-4176-9dbc-a4cee4c4ff30")
    assert [r.url.path for r in recorder.requests] == [
        "/v2/databases/ab7bb7a/users",
        "/v2/databases/9cc10173-e9ea-4176-9dbc-a4cee4c4ff30/users",
    ]


def test_long_values_are_shortened_in_the_message() -> None:
    client, _ = client_and_log()
    with pytest.raises(InvalidInputError) as info:
        client.databases.get_user("ab7bb7a", "x" * 10_000 + "/")
    assert len(str(info.value)) < 200


@pytest.mark.parametrize(
    ("kwargs", "param", "allowed"),
    [
        (
            {"mysql_auth_plugin": "sha256_password"},
            "mysql_auth_plugin",
            "caching_sha2_password, mysql_native_password",
        ),
        ({"mongo_role": "root"}, "mongo_role", "dbAdmin, readOnly, readWrite"),
        (
            {"kafka_acls": [("t", "write")]},
            "kafka_acls[0].permission",
            "admin, consume, produce, produceconsume",
        ),
        (
            {"opensearch_acls": [("i", "all")]},
            "opensearch_acls[0].permission",
            "admin, deny, read, readwrite, write",
        ),
    ],
)
def test_enum_inputs_list_the_allowed_values(
    kwargs: dict[str, Any], param: str, allowed: str
) -> None:
    client, recorder = client_and_log()
    with pytest.raises(InvalidInputError) as info:
        client.databases.users.add("ab7bb7a", "app-01", **kwargs)
    assert param in str(info.value)
    assert allowed in str(info.value)
    assert recorder.requests == []


def test_acl_models_with_unknown_permissions_are_refused_before_sending() -> None:
    # The models are the generated ones and check nothing when built; the call does.
    client, recorder = client_and_log()
    with pytest.raises(InvalidInputError, match="produce, produceconsume; got 'write'"):
        client.databases.users.add("ab7bb7a", "a", kafka_acls=[KafkaAcl("events.*", "write")])  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="readwrite, write; got 'everything'"):
        client.databases.users.add(
            "ab7bb7a",
            "a",
            opensearch_acls=[OpenSearchAcl("logs-*", "everything")],  # type: ignore[arg-type]
        )
    assert recorder.requests == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"mysql_auth_plugin": "caching_sha2_password", "kafka_acls": [("t", "admin")]},
            "mysql_auth_plugin (MySQL) and kafka_acls (Kafka)",
        ),
        (
            {"pg_allow_replication": True, "mongo_role": "readOnly"},
            "pg_allow_replication (PostgreSQL) and mongo_role (MongoDB)",
        ),
        (
            {"opensearch_acls": [("i", "read")], "readonly": True},
            "opensearch_acls (OpenSearch) and readonly (MongoDB)",
        ),
    ],
)
def test_options_of_two_engines_are_refused(kwargs: dict[str, Any], message: str) -> None:
    client, recorder = client_and_log()
    with pytest.raises(InvalidInputError, match="different engines") as info:
        client.databases.users.add("ab7bb7a", "app-01", **kwargs)
    assert message in str(info.value)
    assert recorder.requests == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"pg_allow_replication": "yes"}, "pg_allow_replication must be a boolean"),
        ({"kafka_acls": "events"}, "kafka_acls must be a list"),
        (
            {"kafka_acls": [("", "admin")]},
            "kafka_acls[0].topic must be a string of at least 1 characters",
        ),
        ({"kafka_acls": ["events"]}, "kafka_acls[0] must be a KafkaAcl"),
        ({"mongo_databases": "orders"}, "mongo_databases must be a list"),
        ({"mongo_databases": ["orders", 3]}, "mongo_databases[1] must be a string"),
        ({"readonly": 1}, "readonly must be a boolean"),
    ],
)
def test_typed_option_types_are_checked(kwargs: dict[str, Any], message: str) -> None:
    client, recorder = client_and_log()
    with pytest.raises(InvalidInputError) as info:
        client.databases.users.add("ab7bb7a", "app-01", **kwargs)
    assert message in str(info.value)
    assert recorder.requests == []


@pytest.mark.parametrize("name", ["", "  ", None, 5])
def test_typed_add_needs_a_name(name: Any) -> None:
    client, recorder = client_and_log()
    with pytest.raises(InvalidInputError, match="name"):
        client.databases.users.add("ab7bb7a", name)
    assert recorder.requests == []


def test_update_needs_a_setting() -> None:
    client, recorder = client_and_log()
    with pytest.raises(InvalidInputError, match="at least one setting"):
        client.databases.users.update("ab7bb7a", "app-01")
    assert recorder.requests == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "body.name is required"),
        ({"name": ""}, "body.name must not be empty"),
        (
            {"name": "a", "password": "mine"},
            "body field 'password' cannot be sent: it is set by the server",
        ),
        (
            {"name": "a", "role": "primary"},
            "body field 'role' cannot be sent: it is set by the server",
        ),
        (
            {"name": "a", "mysql_settings": {"auth_plugin": "x"}},
            "body.mysql_settings.auth_plugin must be one of",
        ),
        (
            {"name": "a", "settings": {"acl": [{"topic": "t", "permission": "all"}]}},
            "body.settings.acl[0].permission must be one of",
        ),
        (
            {"name": "a", "settings": {"mongo_user_settings": {"role": "root"}}},
            "mongo_user_settings.role",
        ),
        ({"name": "a", "settings": []}, "body.settings must be an object"),
        ({"name": "a", "thing": object()}, "cannot be sent as JSON"),
        ({"name": float("nan")}, "body.name must be a string"),
        ("name=a", "body must be a dict or a binary file"),
        (io.StringIO('{"name": "a"}'), "binary mode"),
        (io.BytesIO(b"not json"), "does not hold valid JSON"),
        (io.BytesIO(b"[1]"), "must hold a JSON object"),
    ],
)
def test_reference_call_bodies_are_checked_before_sending(body: Any, message: str) -> None:
    client, recorder = client_and_log()
    with pytest.raises(InvalidInputError) as info:
        client.databases.add_user(database_cluster_uuid="ab7bb7a", body=body)
    assert message in str(info.value)
    assert recorder.requests == []


def test_update_body_must_carry_settings() -> None:
    client, recorder = client_and_log()
    with pytest.raises(InvalidInputError, match=r"'name' cannot be sent.*takes settings"):
        client.databases.update_user("ab7bb7a", "app-01", {"name": "renamed"})
    assert recorder.requests == []


def test_binary_body_is_sent_byte_for_byte() -> None:
    client, recorder = client_and_log()
    raw = b'{ "name" : "app-01" ,"future_field": 1}'
    result = client.databases.add_user(database_cluster_uuid="ab7bb7a", body=io.BytesIO(raw))
    assert result["user"]["name"] == "app-01"  # the mock answers about the name it was sent
    assert recorder.requests[0].content == raw
    assert recorder.requests[0].headers["content-type"] == "application/json"


def test_dict_body_keeps_fields_dodb_does_not_know() -> None:
    client, recorder = client_and_log()
    client.databases.add_user("ab7bb7a", {"name": "app-01", "future_field": {"x": 1}})
    assert json.loads(recorder.requests[0].content) == {"name": "app-01", "future_field": {"x": 1}}


def test_typed_add_sends_exactly_the_documented_body() -> None:
    client, recorder = client_and_log()
    client.databases.users.add(
        "ab7bb7a",
        "app-03",
        kafka_acls=[
            KafkaAcl("customer-events", "produceconsume"),
            ("customer-events.*", dodb.KafkaAclPermission.PRODUCE),
        ],
    )
    client.databases.users.add(
        "ab7bb7a", "app-05", mongo_databases=["orders"], mongo_role="readWrite"
    )
    client.databases.users.add("ab7bb7a", "app-02", mysql_auth_plugin="mysql_native_password")
    client.databases.users.reset_auth("ab7bb7a", "app-02")
    client.databases.users.update(
        "ab7bb7a", "app-04", opensearch_acls=[OpenSearchAcl("logs-*", "read")]
    )
    bodies = [json.loads(r.content) for r in recorder.requests]
    assert bodies == [
        {
            "name": "app-03",
            "settings": {
                "acl": [
                    {"topic": "customer-events", "permission": "produceconsume"},
                    {"topic": "customer-events.*", "permission": "produce"},
                ]
            },
        },
        {
            "name": "app-05",
            "settings": {"mongo_user_settings": {"databases": ["orders"], "role": "readWrite"}},
        },
        {"name": "app-02", "mysql_settings": {"auth_plugin": "mysql_native_password"}},
        {},
        {"settings": {"opensearch_acl": [{"index": "logs-*", "permission": "read"}]}},
    ]
    assert [(r.method, r.url.path) for r in recorder.requests] == [
        ("POST", "/v2/databases/ab7bb7a/users"),
        ("POST", "/v2/databases/ab7bb7a/users"),
        ("POST", "/v2/databases/ab7bb7a/users"),
        ("POST", "/v2/databases/ab7bb7a/users/app-02/reset_auth"),
        ("PUT", "/v2/databases/ab7bb7a/users/app-04"),
    ]


def test_errors_are_value_errors_too() -> None:
    assert issubclass(InvalidInputError, ValueError)
    assert issubclass(InvalidInputError, dodb.DodbError)
    assert not issubclass(httpx.HTTPError, dodb.DodbError)


def test_values_too_long_for_a_url_are_refused_by_name() -> None:
    client, recorder = client_and_log()
    with pytest.raises(
        InvalidInputError, match=r"username is too long: 8193 characters once encoded"
    ):
        client.databases.get_user("ab7bb7a", "x" * 8193)
    with pytest.raises(InvalidInputError, match="database_cluster_uuid is too long"):
        client.databases.list_users("é" * 1366)  # 6 characters each once encoded
    client.databases.get_user("ab7bb7a", "x" * 8192)
    assert len(recorder.requests) == 1


def test_unknown_keywords_are_refused_like_python_does() -> None:
    client, recorder = client_and_log()
    options: dict[str, Any] = {"replication": True}
    with pytest.raises(
        TypeError, match="add\\(\\) got an unexpected keyword argument 'replication'"
    ):
        client.databases.users.add("ab7bb7a", "app-01", **options)
    with pytest.raises(
        TypeError, match="update\\(\\) got an unexpected keyword argument 'mysql_auth_plugin'"
    ):
        client.databases.users.update(
            "ab7bb7a", "app-01", mysql_auth_plugin="caching_sha2_password"
        )  # type: ignore[call-arg]
    assert recorder.requests == []


def test_a_body_that_json_cannot_carry_is_refused_before_sending() -> None:
    client, recorder = client_and_log()
    for value in (float("nan"), float("inf")):
        with pytest.raises(InvalidInputError, match="cannot be sent as JSON"):
            client.databases.add_user("ab7bb7a", {"name": "app-01", "future_field": value})
    assert recorder.requests == []


@pytest.mark.parametrize(
    "call",
    [
        lambda users: users.update("ab7bb7a", "app-01", kafka_acls=[("t", "write")]),
        lambda users: users.reset_auth("ab7bb7a", "app-01", mysql_auth_plugin="sha256_password"),
    ],
    ids=["update", "reset_auth"],
)
def test_typed_calls_name_the_option_not_the_body_place(call: Any) -> None:
    client, recorder = client_and_log()
    with pytest.raises(InvalidInputError) as caught:
        call(client.databases.users)
    message = str(caught.value)
    assert message.startswith(("kafka_acls[0].permission", "mysql_auth_plugin")), message
    assert "settings" not in message
    assert recorder.requests == []


def test_a_value_is_shown_whole_up_to_sixty_characters_then_cut() -> None:
    from dodb._validation import shown

    whole = "x" * 58  # 60 characters with its quotes
    assert shown(whole) == repr(whole)
    cut = shown("y" * 59)  # 61 with its quotes
    assert cut == "'" + "y" * 54 + "...'" + " (61 chars)"


def test_a_segment_of_exactly_the_longest_encoding_is_accepted() -> None:
    from dodb._validation import MAX_SEGMENT, path_segment

    value = " " + "x" * (MAX_SEGMENT - 3)  # the space encodes as %20: exactly MAX_SEGMENT
    assert len(path_segment("username", value)) == MAX_SEGMENT
    with pytest.raises(InvalidInputError, match="too long"):
        path_segment("username", value + "x")


def test_an_object_valued_argument_takes_its_model_or_a_dict() -> None:
    """A typed call's object-valued argument accepts the generated model its signature
    names as well as the JSON-shaped dict; a credential in it is sent as given."""
    from dodb import _calls as calls
    from dodb_api.models import OnlineMigrationSource

    source = {
        "host": "src.example.invalid",
        "port": 5432,
        "dbname": "app",
        "username": "u",
        "password": "p",
    }
    as_dict = calls.typed("databases_update_online_migration", ("c",), {"source": source}, {})
    model = OnlineMigrationSource.from_dict(source)
    as_model = calls.typed("databases_update_online_migration", ("c",), {"source": model}, {})
    assert as_model.content == as_dict.content
    assert b'"password":"p"' in as_model.content

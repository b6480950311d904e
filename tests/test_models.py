"""Typed models keep what the server sends that this client does not know yet."""

from __future__ import annotations

import pytest

import dodb
from dodb import UserRole
from tests.conftest import json_response, sync_client


def test_new_enum_values_and_fields_are_kept() -> None:
    body = {
        "users": [
            {
                "name": "ops",
                "role": "superuser",
                "created_at": "2026-11-28T00:00:00Z",
                "mysql_settings": {"auth_plugin": "sha256_password"},
                "settings": {
                    "acl": [{"id": "acl1", "topic": "t.*", "permission": "describe", "scope": "x"}],
                    "opensearch_acl": [{"index": "i", "permission": "manage"}],
                    "mongo_user_settings": {"databases": ["admin"], "role": "clusterAdmin"},
                    "new_engine_option": True,
                },
            }
        ]
    }
    client, _ = sync_client(lambda r: json_response(200, body))
    (user,) = client.databases.users.list("c")
    assert user.role == "superuser"
    assert user.role is not UserRole.PRIMARY
    assert user.extra == {"created_at": "2026-11-28T00:00:00Z"}
    assert user.mysql_settings is not None
    assert user.mysql_settings.auth_plugin == "sha256_password"
    assert isinstance(user.mysql_settings.auth_plugin, dodb.MysqlAuthPlugin)
    settings = user.settings
    assert settings is not None
    assert settings.extra == {"new_engine_option": True}
    assert settings.acl is not None
    assert settings.acl[0].permission == "describe"
    assert settings.acl[0].extra == {"scope": "x"}
    assert settings.opensearch_acl is not None
    assert settings.opensearch_acl[0].permission == "manage"
    assert settings.mongo_user_settings is not None
    assert settings.mongo_user_settings.role == "clusterAdmin"
    assert settings.mongo_user_settings.databases == ("admin",)
    assert user.password is None


def test_primary_user() -> None:
    client, _ = sync_client(
        lambda r: json_response(200, {"user": {"name": "doadmin", "role": "primary"}})
    )
    user = client.databases.users.get("c", "doadmin")
    assert user.role is UserRole.PRIMARY
    assert user.role is dodb.UserRole.PRIMARY


def test_known_values_are_enum_members() -> None:
    body = {
        "user": {
            "name": "k",
            "settings": {"acl": [{"id": "a", "topic": "t", "permission": "produce"}]},
        }
    }
    client, _ = sync_client(lambda r: json_response(200, body))
    user = client.databases.users.get("c", "k")
    assert user.settings is not None
    assert user.settings.acl is not None
    assert user.settings.acl[0].permission is dodb.KafkaAclPermission.PRODUCE
    assert user.settings.acl[0] == dodb.KafkaAcl("t", "produce", id="a")


def test_fields_the_server_did_not_send_are_none_never_made_up() -> None:
    from dodb_api.models import OpenSearchAcl, UserSettings

    settings = UserSettings.from_dict(
        {"opensearch_acl": [{"index": "logs-*"}, {"permission": "read"}]}
    )
    assert settings.opensearch_acl is not None
    first, second = settings.opensearch_acl
    assert (first.index, first.permission) == ("logs-*", None)
    assert (second.index, second.permission) == (None, dodb.OpenSearchAclPermission.READ)
    assert settings.pg_allow_replication is None
    assert OpenSearchAcl.from_dict({}).to_dict() == {}  # nothing added on the way back


def test_models_pickle_with_their_extra_fields_and_secrets() -> None:
    import pickle

    from dodb_api.models import DatabaseUser

    user = DatabaseUser.from_dict({"name": "a", "password": "pw", "created_at": "now"})
    back = pickle.loads(pickle.dumps(user))
    assert back == user
    assert back.extra == {"created_at": "now"}
    assert back.password is not None
    assert back.password.reveal() == "pw"
    with pytest.raises(TypeError):
        back.extra["created_at"] = "changed"  # type: ignore[index]

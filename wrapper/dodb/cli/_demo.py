"""`dodb demo`: the reference page's call, and one call per engine, on a local emulator."""

from __future__ import annotations

import json
from operator import attrgetter
from typing import Any

from dodb_api.models import (
    DatabaseEngine,
    DatabaseUserEnvelope,
    DatabaseUserList,
    KafkaAclPermission,
    MongoRole,
    MysqlAuthPlugin,
    OpenSearchAclPermission,
)

from .._client import Client
from .._errors import APIStatusError
from ._render import mask_raw, users_table

DEMO_TOKEN = "emulator-token"  # noqa: S105 - the emulator accepts any token


def _demo_calls(ids: dict[str, str]) -> list[tuple[str, dict[str, Any]]]:
    """(method under client.databases, keyword arguments) of each call to show."""
    mysql_plugin = {"auth_plugin": MysqlAuthPlugin.MYSQL_NATIVE_PASSWORD.value}
    kafka_acl = [{"topic": "customer-events.*", "permission": KafkaAclPermission.PRODUCE.value}]
    mongo = {"databases": ["orders"], "role": MongoRole.READWRITE.value}
    return [
        ("add_user", {"database_cluster_uuid": "ab7bb7a", "body": {"name": "app-01"}}),
        (
            "add_user",
            {
                "database_cluster_uuid": ids[DatabaseEngine.MYSQL],
                "body": {"name": "app-02", "mysql_settings": mysql_plugin},
            },
        ),
        (
            "add_user",
            {
                "database_cluster_uuid": ids[DatabaseEngine.PG],
                "body": {"name": "app-02", "settings": {"pg_allow_replication": True}},
            },
        ),
        (
            "add_user",
            {
                "database_cluster_uuid": ids[DatabaseEngine.KAFKA],
                "body": {"name": "app-03", "settings": {"acl": kafka_acl}},
            },
        ),
        (
            "users.add",
            {
                "cluster": ids[DatabaseEngine.OPENSEARCH],
                "name": "app-04",
                "opensearch_acls": [("logs-*", OpenSearchAclPermission.READ.value)],
            },
        ),
        (
            "add_user",
            {
                "database_cluster_uuid": ids[DatabaseEngine.MONGODB],
                "body": {"name": "app-05", "settings": {"mongo_user_settings": mongo}},
            },
        ),
        ("users.add", {"cluster": ids[DatabaseEngine.MONGODB], "name": "app-06", "readonly": True}),
        (
            "users.reset_auth",
            {
                "cluster": ids[DatabaseEngine.MYSQL],
                "name": "app-02",
                "mysql_auth_plugin": MysqlAuthPlugin.CACHING_SHA2_PASSWORD.value,
            },
        ),
        ("add_user", {"database_cluster_uuid": "ab7bb7a", "body": {"name": "app-01"}}),
        ("users.list", {"cluster": ids[DatabaseEngine.VALKEY]}),
    ]


def _shorten_pem(text: str) -> str:
    """A PEM certificate is long; its first line says enough in a demo."""
    out = []
    for line in text.splitlines():
        marker = "-----BEGIN CERTIFICATE-----"
        if marker in line:
            line = line.split(marker)[0] + marker + '\\n...",'
        out.append(line)
    return "\n".join(out)


def _show(client: Client, method: str, kwargs: dict[str, Any], show_secrets: bool) -> None:
    arguments = ", ".join(f"{k}={v!r}" for k, v in kwargs.items())
    print(f">>> client.databases.{method}({arguments})")
    try:
        result = attrgetter(method)(client.databases)(**kwargs)
    except APIStatusError as exc:
        print(f"raised {type(exc).__name__}: {exc}\n")
        return
    if isinstance(result, dict):
        if not show_secrets:
            model = DatabaseUserList if method == "list_users" else DatabaseUserEnvelope
            result = mask_raw(result, model)
            print("# returned (masked by the demo; the call itself returns the secrets):")
        print(_shorten_pem(json.dumps(result, indent=2)))
    else:
        print(result)
    print()


def run_demo(*, show_secrets: bool = False, postgres: bool = False) -> int:
    from ..emulator import CLUSTER_IDS, Emulator

    with Emulator(postgres=postgres) as emulator, emulator.running() as url:
        print(f"dodb emulator serving on {url}; seeded clusters:")
        for engine, cluster_id in CLUSTER_IDS.items():
            print(f"  {engine:<10} {cluster_id}")
        if not show_secrets:
            print("Passwords and keys are masked; pass --show-secrets to print them.")
        print("\n>>> from dodb import Client")
        print(f'>>> client = Client(token="{DEMO_TOKEN}", base_url="{url}")\n')
        with Client(token=DEMO_TOKEN, base_url=url) as client:
            for method, kwargs in _demo_calls(dict(CLUSTER_IDS)):
                _show(client, method, kwargs, show_secrets)
            print("# the cluster's users, as `dodb users list ab7bb7a` shows them:")
            print(users_table(client.databases.users.list("ab7bb7a"), show_secrets=show_secrets))
            print(f"\nrate limit after the demo: {client.rate_limit}")
            if emulator.postgres is not None:
                from ._pgdemo import connect_for_real

                connect_for_real(client, emulator.postgres.ca_file, show_secrets=show_secrets)
    return 0

"""`dodb demo --postgres`: its last step, a real query through the credentials dodb gives."""

from __future__ import annotations

import json
from pathlib import Path

from .._client import Client

DEMO_CLUSTER = "ab7bb7a"
DEMO_USER = "app-01"
QUERY = "SELECT current_user, current_database(), version()"


def connect_for_real(client: Client, ca_file: Path, *, show_secrets: bool) -> None:
    """Read the user's credentials through the API, connect with them (TLS checked
    against the emulator's CA), and run a SELECT."""
    import psycopg

    print(f"\n# {DEMO_CLUSTER} is backed by a real PostgreSQL server: connect as {DEMO_USER}.")
    print(
        f">>> creds = client.databases.users.credentials("
        f'"{DEMO_CLUSTER}", "{DEMO_USER}", ca_file="{ca_file}")'
    )
    creds = client.databases.users.credentials(DEMO_CLUSTER, DEMO_USER, ca_file=ca_file)
    shown = creds.to_dict(reveal=show_secrets)
    shown.pop("ca_pem", None)  # the cluster's CA, now in ca_file
    print(json.dumps(shown, indent=2))
    print(">>> import psycopg")
    print(">>> conn = psycopg.connect(creds.uri.reveal())   # verify-full, against ca_file")
    print(f'>>> conn.execute("{QUERY}").fetchone()')
    assert creds.uri is not None
    with psycopg.connect(creds.uri.reveal()) as conn:
        row = conn.execute(QUERY).fetchone()
    print(row)

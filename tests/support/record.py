"""Record fresh cassettes against a live API, through dodb, scrubbed as they are saved.

    DIGITALOCEAN_TOKEN=... .venv/bin/python -m tests.support.record --cluster CLUSTER_ID

The token needs the database:read, create, update, delete and view_credentials
scopes. It adds a throwaway user `dodb-rec-<random>` to the cluster, reads,
updates (PostgreSQL: replication right), resets and deletes it, and saves the
exchanges to tests/cassettes/recorded/<cluster>.yaml. Tokens, passwords and
keys are replaced by fakes before anything is written.
"""

from __future__ import annotations

import argparse
import datetime
import logging
import secrets
from pathlib import Path

import dodb
from tests.support.cassettes import CASSETTES, make_vcr

RECORDED = CASSETTES / "recorded"


def record(
    cluster: str,
    *,
    api_url: str = dodb.DEFAULT_BASE_URL,
    engine: str = "pg",
    out: Path = RECORDED,
    token: str | None = None,
) -> Path:
    """Run the recording sequence and return the cassette written."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{cluster}.yaml"
    path.unlink(missing_ok=True)
    name = f"dodb-rec-{secrets.token_hex(3)}"
    # vcr logs each response before scrubbing it: keep those lines out of any log.
    logging.getLogger("vcr").setLevel(logging.WARNING)
    with make_vcr(record_mode="all", cassette_dir=out).use_cassette(path.name) as cassette:
        when = datetime.datetime.now(datetime.UTC).date().isoformat()
        cassette.get_metadata(
            "origin",
            f"Recorded by tests/support/record.py against {api_url} on {when} ({engine} cluster).",
        )
        with dodb.Client(token, base_url=api_url, max_retries=0) as client:
            client.databases.list_users(cluster)
            client.databases.add_user(cluster, {"name": name})
            client.databases.get_user(cluster, name)
            if engine == "pg":
                client.databases.update_user(
                    cluster, name, {"settings": {"pg_allow_replication": True}}
                )
            client.databases.reset_auth(cluster, name, {})
            client.databases.delete_user(cluster, name)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cluster", required=True, help="id of a cluster you may add a user to")
    parser.add_argument(
        "--engine", default="pg", help="the cluster's engine (pg adds an update step)"
    )
    parser.add_argument("--api-url", default=dodb.DEFAULT_BASE_URL)
    args = parser.parse_args()
    print(f"wrote {record(args.cluster, api_url=args.api_url, engine=args.engine)}")


if __name__ == "__main__":
    main()

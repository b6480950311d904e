"""Start-up time of the emulator with real PostgreSQL servers (the postgres extra).

    .venv/bin/python bench/postgres_startup.py [--runs 5]

Each run is a fresh process that builds `Emulator(postgres=True)` (the seeded
clusters: two PostgreSQL servers) twice, then one with a single PostgreSQL
cluster. The first pays for the process's one initdb; the others copy its
template. For each it times construction (copies, server starts, doadmin and
defaultdb), the first real SELECT through the credentials the client gives,
and close (servers stopped, folder removed). Prints the medians; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

_ONE_RUN = """
import json, time
import psycopg
from dodb.emulator import ClusterSpec, Emulator

def measure(**options):
    start = time.perf_counter()
    emulator = Emulator(postgres=True, **options)
    built = time.perf_counter()
    client = emulator.client()
    cluster = next(iter(emulator.postgres._clusters))
    client.databases.users.ensure(cluster, "bench-app")
    creds = client.databases.users.credentials(cluster, "bench-app")
    with psycopg.connect(creds.uri.reveal()) as conn:
        conn.execute("SELECT 1").fetchone()
    queried = time.perf_counter()
    emulator.close()
    closed = time.perf_counter()
    return {"start": built - start, "first_select": queried - built, "close": closed - queried}

print(json.dumps({
    "first: seeded (initdb, 2 servers)": measure(),
    "next: seeded (2 servers)": measure(),
    "next: one PostgreSQL cluster": measure(
        seed=False, clusters=[ClusterSpec("solo", "solo", "pg")]
    ),
}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    results: list[dict[str, dict[str, float]]] = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", _ONE_RUN], capture_output=True, text=True, check=True
        )
        results.append(json.loads(done.stdout))
        time.sleep(0.5)
    print(f"median of {runs} fresh processes, seconds:")
    print(f"  {'emulator':<36}{'start':>8}{'first SELECT':>14}{'close':>8}")
    for case in results[0]:
        row = [statistics.median(r[case][part] for r in results) for part in results[0][case]]
        print(f"  {case:<36}{row[0]:>8.2f}{row[1]:>14.3f}{row[2]:>8.2f}")
    first = next(iter(results[0]))
    spread = ", ".join(f"{r[first]['start']:.2f}" for r in results)
    print(f"  (first start, each run: {spread})")


if __name__ == "__main__":
    main()

"""An app's whole access path: users, logical databases, pools, trusted sources, and
credentials that verify the server against the cluster's CA."""

from __future__ import annotations

import asyncio
import base64
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from cryptography import x509

import dodb
from dodb._access import ensure_rules_flow
from dodb._apply import ClusterAccess
from dodb.cli import main
from dodb.emulator import CLUSTER_IDS, ClusterSpec, Emulator, Faults
from dodb_api.models import FirewallRule

PG = CLUSTER_IDS["pg"]
MYSQL = CLUSTER_IDS["mysql"]

APP_FILE = """
[clusters.{cluster}]
dbs = ["orders"]
trusted_sources = [{{ type = "ip_addr", value = "192.0.2.10" }}]

[clusters.{cluster}.users.app]
pg_allow_replication = false

[clusters.{cluster}.pools.app-pool]
mode = "transaction"
size = 5
db = "orders"
user = "app"
"""


def run(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str, str]:
    code = main(list(words))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def served() -> Any:
    emulator = Emulator()
    with emulator.running() as url:
        yield emulator, url


def test_one_file_gives_an_app_its_whole_access_path_and_a_verified_connection(
    served: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    emulator, url = served
    file = tmp_path / "access.toml"
    file.write_text(APP_FILE.format(cluster=PG))
    base = ["--token", "t", "--api-url", url]

    code, out, _ = run(capsys, "apply", str(file), *base)
    assert code == 4, out
    order = [line for line in out.splitlines() if line.startswith("created")]
    # In dependency order: the database, then the user, then the pool that uses both.
    assert [o.split()[1] for o in order] == ["db", f"{PG}/app", "pool", "trusted"], order

    code, out, _ = run(capsys, "apply", str(file), *base)
    assert code == 0, out  # a second apply finds nothing to do
    assert "plan: 0 to change, 4 unchanged" in out

    ca = tmp_path / "ca.pem"
    creds_file = tmp_path / "app.env"
    code, out, _ = run(
        capsys,
        "users",
        "credentials",
        PG,
        "app",
        "--pool",
        "app-pool",
        "--ca-file",
        str(ca),
        "--format",
        "env",
        "--write",
        str(creds_file),
        *base,
    )
    assert code == 0, out
    env = dict(line.split("=", 1) for line in creds_file.read_text().splitlines())
    uri = urlsplit(env["DATABASE_URL"].strip("'"))
    pool = emulator.client().databases.pools.get(PG, "app-pool")
    assert pool.connection is not None
    assert (uri.port, uri.path) == (pool.connection.port, f"/{pool.connection.database}")
    query = parse_qs(uri.query)
    assert query["sslmode"] == ["verify-full"]
    assert query["sslrootcert"] == [str(ca)]
    assert env["PGSSLROOTCERT"] == str(ca)
    # The CA file is the cluster's CA: a PEM that parses, byte for byte what get_ca gives.
    pem = ca.read_bytes()
    x509.load_pem_x509_certificate(pem)
    served_ca = emulator.client().databases.get_ca(PG)["ca"]["certificate"]
    assert base64.b64decode(served_ca) == pem


def test_refusals_are_one_line_each(
    served: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, url = served
    base = ["--token", "t", "--api-url", url]
    cases = {
        # A pool on MySQL: refused by the emulator, as by the API (exit 1).
        "mysql": (APP_FILE.format(cluster=MYSQL), 1),
        # A pool far past the cluster's size.
        "oversize": (APP_FILE.format(cluster=PG).replace("size = 5", "size = 5000"), 1),
        # A pool on a database that neither exists nor is in the file: told before sending.
        "missing-db": (
            APP_FILE.format(cluster=PG)
            .replace('dbs = ["orders"]', "dbs = []")
            .replace('db = "orders"', 'db = "nowhere"'),
            2,
        ),
    }
    for name, (text, expected) in cases.items():
        file = tmp_path / f"{name}.toml"
        file.write_text(text)
        code, _, err = run(capsys, "apply", str(file), *base)
        assert code == expected, (name, err)
        assert err.count("\n") == 1, (name, err)
        assert "pool" in err, (name, err)


def test_a_pool_whose_database_changes_is_replaced_and_says_so(served: Any) -> None:
    emulator, _ = served
    client = emulator.client()
    for db in ("orders", "billing"):
        client.databases.dbs.ensure(PG, db)
    client.databases.users.ensure(PG, "app")
    pools = client.databases.pools
    made = pools.ensure(PG, "pool-1", mode="transaction", size=3, db="orders", user="app")
    assert (made.action, made.replaced) == ("created", False)
    bigger = pools.ensure(PG, "pool-1", mode="transaction", size=4, db="orders", user="app")
    assert (bigger.action, bigger.changed, bigger.replaced) == ("changed", ("size",), False)
    moved = pools.ensure(PG, "pool-1", mode="transaction", size=4, db="billing", user="app")
    assert (moved.action, moved.changed, moved.replaced) == ("changed", ("db",), True)
    assert pools.get(PG, "pool-1").db == "billing"
    same = pools.ensure(PG, "pool-1", mode="transaction", size=4, db="billing", user="app")
    assert same.action == "unchanged"


def test_trusted_sources_are_added_without_dropping_the_others(served: Any) -> None:
    emulator, _ = served
    firewall = emulator.client().databases.firewall
    firewall.update(PG, rules=[{"type": "tag", "value": "backend"}])
    added = firewall.ensure(PG, [("ip_addr", "192.0.2.10")])
    assert added.action == "changed"
    assert {(r.type_, r.value) for r in added.rules} == {
        ("tag", "backend"),
        ("ip_addr", "192.0.2.10"),
    }
    assert firewall.ensure(PG, [("ip_addr", "192.0.2.10")]).action == "unchanged"


def test_a_concurrent_writer_that_drops_our_rule_is_outwritten() -> None:
    """The list is replaced whole: another process holding an older read can drop a
    rule just written. The flow reads again after writing and writes again if it is
    gone, keeping the other writer's rules; within the client it holds a lock."""
    import json

    from dodb._base import Free, Hold

    flow = ensure_rules_flow("c", [("ip_addr", "192.0.2.10")])
    theirs = FirewallRule.from_dict({"type": "tag", "value": "other", "uuid": "u1"})
    mine = FirewallRule.from_dict({"type": "ip_addr", "value": "192.0.2.10", "uuid": "u2"})
    assert isinstance(next(flow), Hold)
    writes: list[Any] = []
    flow.send(None)  # the first read
    writes.append(flow.send([theirs]))  # our write
    flow.send(None)  # read again: the other writer's older list won
    writes.append(flow.send([theirs]))  # so we write again
    flow.send(None)  # read after the second write: ours is there now
    assert isinstance(flow.send([theirs, mine]), Free)
    with pytest.raises(StopIteration) as done:
        flow.send(None)
    assert done.value.value.action == "changed"
    assert [w.method for w in writes] == ["PUT", "PUT"]
    sent = [json.loads(w.content)["rules"] for w in writes]
    assert sent[1] == [
        {"type": "tag", "value": "other", "uuid": "u1"},
        {"type": "ip_addr", "value": "192.0.2.10"},
    ]


def test_rules_written_again_after_a_race_count_as_added_with_those_written_first() -> None:
    from dodb._base import Free, Hold

    a, b = ("ip_addr", "192.0.2.1"), ("ip_addr", "192.0.2.2")
    flow = ensure_rules_flow("c", [a, b])
    rule_a = FirewallRule.from_dict({"type": a[0], "value": a[1], "uuid": "ua"})
    rule_b = FirewallRule.from_dict({"type": b[0], "value": b[1], "uuid": "ub"})
    assert isinstance(next(flow), Hold)
    flow.send(None)  # the first read
    flow.send([])  # nothing there: write a and b
    flow.send(None)  # read again: another writer's older list dropped b
    flow.send([rule_a])  # write b again
    flow.send(None)  # read after the second write
    assert isinstance(flow.send([rule_a, rule_b]), Free)
    with pytest.raises(StopIteration) as done:
        flow.send(None)
    assert {(str(r.type_), r.value) for r in done.value.value.added} == {a, b}


def test_a_rule_named_twice_is_reported_created_once(served: Any) -> None:
    emulator, _ = served
    reported, report = recording()
    rule = ("ip_addr", "192.0.2.7")
    emulator.client().apply({PG: ClusterAccess(trusted_sources=(rule, rule))}, report=report)
    assert [result for _, result in reported] == ["created", "unchanged"]


def test_apply_prunes_only_the_kinds_asked_and_never_the_primary_user_or_defaultdb(
    served: Any,
) -> None:
    emulator, _ = served
    client = emulator.client()
    client.databases.users.ensure(PG, "stray")
    client.databases.dbs.ensure(PG, "old")
    desired = {PG: ClusterAccess(users={"app": {}}, dbs=("orders",))}
    applied = client.apply(desired, prune=("users",))
    assert applied.changed
    names = {u.name for u in client.databases.users.list(PG)}
    assert "stray" not in names
    assert {"doadmin", "app"} <= names
    assert "old" in {d.name for d in client.databases.dbs.list(PG)}  # dbs were not pruned
    client.apply(desired, prune=("dbs",))
    left = {d.name for d in client.databases.dbs.list(PG)}
    assert "old" not in left
    assert {"defaultdb", "orders"} <= left


def recording() -> tuple[list[tuple[str, str]], Any]:
    """A list, and an apply `report` that adds each (change name, result) to it."""
    found: list[tuple[str, str]] = []
    return found, lambda change, result: found.append((change.name, result))


def test_apply_writes_a_clusters_trusted_sources_together_and_reports_each(
    served: Any,
) -> None:
    """The API replaces the whole list: three rules to add are one read, one write and
    one read back, as one rule is, not three of each; so are two rules to prune."""
    emulator, _ = served
    client = emulator.client()
    firewall = client.databases.firewall
    old = [{"type": "tag", "value": "old-a"}, {"type": "tag", "value": "old-b"}]
    one = ("ip_addr", "192.0.2.1")
    three = (one, ("ip_addr", "192.0.2.2"), ("tag", "backend"))
    sent: list[int] = []
    for rules in ((one,), three):
        firewall.update(PG, rules=old)
        before = client.stats.requests
        reported, report = recording()
        client.apply({PG: ClusterAccess(trusted_sources=rules)}, report=report)
        sent.append(client.stats.requests - before)
        assert reported == [(f"{kind}:{value}", "created") for kind, value in rules]
    assert sent[0] == sent[1]
    assert {(r.type_, r.value) for r in firewall.list(PG)} == {
        ("tag", "old-a"),
        ("tag", "old-b"),
        *three,
    }

    before = client.stats.requests
    reported, report = recording()
    applied = client.apply(
        {PG: ClusterAccess(trusted_sources=three)}, prune=("trusted_sources",), report=report
    )
    assert reported == [("tag:old-a", "deleted"), ("tag:old-b", "deleted")]
    assert [c.sign for c, _ in applied.done] == ["-", "-"]
    assert client.stats.requests - before == sent[0]  # a read to plan, then read-write-read
    assert {(r.type_, r.value) for r in firewall.list(PG)} == set(three)


def test_a_failed_batch_of_trusted_sources_stops_apply_and_says_what_was_not_done() -> None:
    """A token that may read but not update: the plan is made, the write is refused."""
    with Emulator(tokens={"reader": ["database:read"]}) as emulator:
        client = emulator.client("reader")
        rules = (("ip_addr", "192.0.2.1"), ("ip_addr", "192.0.2.2"))
        with pytest.raises(dodb.ApplyError) as failed:
            client.apply({PG: ClusterAccess(trusted_sources=rules)})
        assert failed.value.done == ()
        message = str(failed.value)
        assert message.startswith(
            "stopped after 0 of 2 changes; not done: trusted_sources "
            f"{PG}/ip_addr:192.0.2.1 (and 1 more of its trusted sources): "
        )
        assert isinstance(failed.value.__cause__, dodb.APIStatusError)
        assert failed.value.__cause__.status_code == 403
        assert client.databases.firewall.list(PG) == []  # nothing was written


def test_dodb_apply_stopped_midway_exits_with_the_code_of_what_stopped_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "access.toml"
    file.write_text(APP_FILE.format(cluster=PG))
    with Emulator(tokens={"reader": ["database:read"]}) as emulator, emulator.running() as url:
        code, _, err = run(capsys, "apply", str(file), "--token", "reader", "--api-url", url)
    assert code == 1  # the API refused (403): an API error, not bad input
    assert err.startswith("dodb: error: stopped after 0 of 4 changes; not done: dbs "), err
    assert "403" in err


def test_bad_input_is_refused_before_anything_is_sent(served: Any) -> None:
    emulator, _ = served
    client = emulator.client()
    before = client.stats.requests
    with pytest.raises(dodb.InvalidInputError):
        client.apply({PG: ClusterAccess(pools={"p": {"mode": "transaction", "size": "five"}})})
    with pytest.raises(dodb.InvalidInputError, match="ip_addr"):
        client.apply({PG: ClusterAccess(trusted_sources=(("ip", "1.2.3.4"),))})
    assert client.stats.requests == before


def test_the_async_client_applies_the_same_plan(served: Any) -> None:
    emulator, _ = served

    async def go() -> tuple[str, ...]:
        async with emulator.async_client() as client:
            desired = {PG: ClusterAccess(users={"app": {}}, dbs=("orders",))}
            applied = await client.apply(desired)
            again = await client.plan(desired)
            return (*(result for _, result in applied.done), str(len(again.to_do)))

    assert asyncio.run(go()) == ("created", "created", "0")


@pytest.mark.real_time("the emulator's faults and realism profile act on the wall clock")
def test_the_file_over_three_clusters_under_faults_ends_exactly_as_wanted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clusters = [ClusterSpec(f"pg-{i}", f"app-{i}", "pg") for i in range(3)]
    faults = Faults.realistic(error_after=0.15, drop_after=0.1, error_before=0.1, seed=7)
    emulator = Emulator(clusters=clusters, seed=False, faults=faults)
    text = "".join(APP_FILE.format(cluster=c.id) for c in clusters)
    file = tmp_path / "three.toml"
    file.write_text(text)
    with emulator.running() as url:
        base = ["--token", "t", "--api-url", url, "--max-retries", "8"]
        code, out, err = run(capsys, "apply", str(file), *base)
        assert code == 4, (out, err)
        words = ("created", "changed", "unchanged")
        reported = [line for line in out.splitlines() if line.startswith(words)]
        assert len(reported) == 12, out  # every step reported
        code, out, _ = run(capsys, "apply", str(file), *base)
        assert code == 0, out
    client = emulator.client(max_retries=20)  # the faults stay on
    for spec in clusters:
        assert [d.name for d in client.databases.dbs.list(spec.id)].count("orders") == 1
        assert [p.name for p in client.databases.pools.list(spec.id)] == ["app-pool"]
        assert [u.name for u in client.databases.users.list(spec.id)].count("app") == 1
        rules = client.databases.firewall.list(spec.id)
        assert [(r.type_, r.value) for r in rules] == [("ip_addr", "192.0.2.10")]


def test_credentials_refuse_a_pool_of_another_user_and_a_ca_folder_that_is_not_there(
    served: Any, tmp_path: Path
) -> None:
    emulator, _ = served
    client = emulator.client()
    client.databases.users.ensure(PG, "app")
    client.databases.pools.ensure(
        PG, "admin-pool", mode="session", size=2, db="defaultdb", user="doadmin"
    )
    with pytest.raises(dodb.InvalidInputError, match="connects as 'doadmin', not 'app'"):
        client.databases.users.credentials(PG, "app", pool="admin-pool")
    before = client.stats.requests
    with pytest.raises(dodb.InvalidInputError, match="does not exist"):
        client.databases.users.credentials(PG, "app", ca_file=tmp_path / "missing" / "ca.pem")
    assert client.stats.requests == before  # nothing was sent

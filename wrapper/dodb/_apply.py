"""An app's whole access path, declared once: users, logical databases, pools, trusted sources.

`plan_flow` reads each cluster once and decides every change; `apply_flow`
carries out that same plan in dependency order (a database before the pool
that uses it, a user before the pool that names it; deletions in the reverse
order). Both are flows (`_provision`), so `Client.apply` and
`AsyncClient.apply` share them, and the command line only parses and prints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final, Literal, cast

import attrs

from dodb_api.models import UserRole

from . import _access as access
from . import _calls as calls
from ._errors import DodbError, InvalidInputError
from ._provision import Flow, apply_user_flow, plan_user

if TYPE_CHECKING:
    from dodb_api.calls.users import UsersAddOptions

from ._access_file import KINDS, Kind

Sign = Literal["+", "~", "=", "-"]
KEPT_DATABASE: Final = "defaultdb"
"""The database every PostgreSQL and MySQL cluster comes with: never pruned."""


@attrs.frozen
class ClusterAccess:
    """What one cluster should hold for an app. Options are the typed calls' keywords."""

    users: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict)
    dbs: tuple[str, ...] = ()
    pools: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict)
    trusted_sources: tuple[tuple[str, str], ...] = ()


@attrs.frozen
class Change:
    """One step of a plan: `+` create, `~` change, `=` unchanged, `-` delete."""

    sign: Sign
    kind: Kind
    cluster: str
    name: str
    changed: tuple[str, ...] = ()
    found: Any = attrs.field(default=None, eq=False, repr=False)
    wanted: Any = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Plan:
    changes: tuple[Change, ...]

    @property
    def to_do(self) -> tuple[Change, ...]:
        """The changes that act, in the order they are carried out."""
        making = [c for c in self.changes if c.sign in "+~"]
        making.sort(key=lambda c: KINDS.index(c.kind))
        pruning = [c for c in self.changes if c.sign == "-"]
        pruning.sort(key=lambda c: -KINDS.index(c.kind))
        return (*making, *pruning)


@attrs.frozen
class Applied:
    """A plan and what carrying it out did: each change with its result word."""

    plan: Plan
    done: tuple[tuple[Change, str], ...] = ()
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.plan.to_do)


class ApplyError(DodbError):
    """A plan stopped midway: what was done, and the change that failed (the cause)."""

    def __init__(self, message: str, done: tuple[tuple[Change, str], ...]) -> None:
        super().__init__(message)
        self.done = done


def check(desired: Mapping[str, ClusterAccess]) -> None:
    """Every name and option checked as the calls will send them; nothing is sent."""
    for cluster, access_ in desired.items():
        for name, options in access_.users.items():
            check_user(cluster, name, options)
        for db in access_.dbs:
            check_db(cluster, db)
        for name, settings in access_.pools.items():
            check_pool(cluster, name, settings)
        for kind, value in access_.trusted_sources:
            access.rule(kind, value)


# Each as its add call will send it (the call is built, not sent); also the file's checks.


def check_user(cluster: str, name: str, options: Mapping[str, Any]) -> None:
    calls.typed("databases_add_user", (cluster,), {"name": name}, options)


def check_db(cluster: str, name: str) -> None:
    calls.typed("databases_add", (cluster,), {"name": name}, {})


def check_pool(cluster: str, name: str, options: Mapping[str, Any]) -> None:
    calls.typed("databases_add_connection_pool", (cluster,), {"name": name}, options)


def _names(items: Iterable[Any]) -> dict[str, Any]:
    return {item.name: item for item in items}


def plan_flow(desired: Mapping[str, ClusterAccess], prune: Iterable[Kind] = ()) -> Flow:
    """Read each cluster's users, databases, pools and rules; decide every change."""
    pruned = set(prune)
    changes: list[Change] = []
    for cluster, want in desired.items():
        dbs = (
            _names((yield calls.typed("databases_list", (cluster,), {}, {})))
            if (want.dbs or want.pools or "dbs" in pruned)
            else {}
        )
        users: dict[str, Any] = {}
        if want.users or want.pools or "users" in pruned:
            users = _names((yield calls.typed("databases_list_users", (cluster,), {}, {})))
        for db in want.dbs:
            changes.append(Change("=" if db in dbs else "+", "dbs", cluster, db))
        for name, options in want.users.items():
            found = users.get(name)
            action, _, changed = plan_user(cluster, name, found, _options(options))
            sign: Sign = {"created": "+", "changed": "~", "unchanged": "="}[action]  # type: ignore[assignment]
            changes.append(Change(sign, "users", cluster, name, changed, found, options))
        pools: dict[str, Any] = {}
        if want.pools or "pools" in pruned:
            listed = yield calls.typed("databases_list_connection_pools", (cluster,), {}, {})
            pools = _names(listed)
        for name, settings in want.pools.items():
            _check_pool_refs(cluster, name, settings, set(dbs) | set(want.dbs), users, want)
            found = pools.get(name)
            if found is None:
                changes.append(Change("+", "pools", cluster, name, wanted=settings))
                continue
            current = found.to_dict()
            differing = tuple(
                k for k, v in settings.items() if v is not None and current.get(k) != v
            )
            sign = "~" if differing else "="
            changes.append(Change(sign, "pools", cluster, name, differing, found, settings))
        if want.trusted_sources or "trusted_sources" in pruned:
            rules = yield calls.typed("databases_list_firewall_rules", (cluster,), {}, {})
            present = {access.rule_key(r) for r in rules}
            for kind, value in want.trusted_sources:
                key = access.rule(kind, value)
                changes.append(
                    Change(
                        "=" if key in present else "+",
                        "trusted_sources",
                        cluster,
                        f"{key[0]}:{key[1]}",
                        wanted=key,
                    )
                )
            if "trusted_sources" in pruned:
                kept = {access.rule(k, v) for k, v in want.trusted_sources}
                for key in sorted(present - kept):
                    changes.append(
                        Change("-", "trusted_sources", cluster, f"{key[0]}:{key[1]}", wanted=key)
                    )
        if "pools" in pruned:
            changes.extend(Change("-", "pools", cluster, n) for n in pools if n not in want.pools)
        if "users" in pruned:
            changes.extend(
                Change("-", "users", cluster, n)
                for n, u in users.items()
                if n not in want.users and u.role is not UserRole.PRIMARY
            )
        if "dbs" in pruned:
            changes.extend(
                Change("-", "dbs", cluster, n)
                for n in dbs
                if n not in want.dbs and n != KEPT_DATABASE
            )
    return Plan(tuple(changes))


def _check_pool_refs(
    cluster: str,
    name: str,
    settings: Mapping[str, Any],
    dbs: set[str],
    users: Mapping[str, Any],
    want: ClusterAccess,
) -> None:
    """What a pool names (its database, its user: `refers-to` in the spec) must exist,
    or be made by this plan."""
    from dodb_api.models import ConnectionPoolCreate

    from ._options import accepted_by

    existing = {"dbs": dbs, "users": set(users) | set(want.users)}
    for option in accepted_by(ConnectionPoolCreate):
        value = settings.get(option.name)
        known = existing.get(option.refers_to or "")
        if value is not None and known is not None and value not in known:
            raise InvalidInputError(
                f"pool {name!r} on {cluster!r} names {option.name} {value!r}, which neither "
                f"exists nor is in the file's {option.refers_to}"
            )


def apply_flow(plan: Plan, report: Callable[[Change, str], None] | None = None) -> Flow:
    """Carry out `plan`'s changes in dependency order; stop at the first that fails."""
    done: list[tuple[Change, str]] = []
    for batch in _batches(plan.to_do):
        try:
            results = yield from _carry_out(batch)
        except DodbError as exc:
            change = batch[0]
            total = len(plan.to_do)
            raise ApplyError(
                f"stopped after {len(done)} of {total} changes; not done: "
                f"{change.kind} {change.cluster}/{change.name}"
                + (f" (and {len(batch) - 1} more of its trusted sources)" if len(batch) > 1 else "")
                + f": {exc}",
                tuple(done),
            ) from exc
        for change, result in zip(batch, results, strict=True):
            done.append((change, result))
            if report is not None:
                report(change, result)
    return Applied(plan, tuple(done))


def _batches(changes: Iterable[Change]) -> Iterable[list[Change]]:
    """The changes one at a time, except a cluster's trusted sources to add (or to
    remove): the API replaces the whole list, so they are written together, in one
    read-modify-write, not one each."""
    batch: list[Change] = []
    for change in changes:
        if (
            batch
            and change.kind == "trusted_sources"
            and (batch[0].kind, batch[0].cluster, batch[0].sign)
            == (change.kind, change.cluster, change.sign)
        ):
            batch.append(change)
            continue
        if batch:
            yield batch
        batch = [change]
    if batch:
        yield batch


def _carry_out(batch: list[Change]) -> Flow:
    """The result word of each change of `batch`."""
    first = batch[0]
    if first.kind != "trusted_sources":
        result = yield from _one(first)
        return [result]
    keys = [change.wanted for change in batch]
    if first.sign == "-":
        yield from access.remove_rules_flow(first.cluster, keys)
        return ["deleted"] * len(batch)
    rules = yield from access.ensure_rules_flow(first.cluster, keys)
    added = {access.rule_key(r) for r in rules.added}
    results = []
    for key in keys:
        results.append("created" if key in added else "unchanged")
        added.discard(key)  # a rule named twice in the file is created once
    return results


def _one(change: Change) -> Flow:
    cluster, name = change.cluster, change.name
    if change.kind == "users":
        if change.sign == "-":
            yield calls.typed("databases_delete_user", (cluster, name), {}, {})
            return "deleted"
        ensured = yield from apply_user_flow(cluster, name, change.found, _options(change.wanted))
        return str(ensured.action)
    if change.kind == "dbs":
        if change.sign == "-":
            yield calls.typed("databases_delete", (cluster, name), {}, {})
            return "deleted"
        ensured_db = yield from access.ensure_database_flow(cluster, name)
        return str(ensured_db.action)
    if change.kind == "pools":
        if change.sign == "-":
            yield calls.typed("databases_delete_connection_pool", (cluster, name), {}, {})
            return "deleted"
        pool = yield from access.ensure_pool_flow(cluster, name, dict(change.wanted))
        return f"{pool.action} (replaced)" if pool.replaced else str(pool.action)
    raise AssertionError(f"{change.kind} changes are carried out in batches")


def apply_all_flow(
    desired: Mapping[str, ClusterAccess],
    prune: Iterable[Kind] = (),
    *,
    dry_run: bool = False,
    report: Callable[[Change, str], None] | None = None,
    plan: Plan | None = None,
) -> Flow:
    """Check, plan (unless given the plan made earlier), and (unless `dry_run` or
    nothing is to do) carry the plan out."""
    check(desired)
    if plan is None:
        plan = yield from plan_flow(desired, prune)
    if dry_run or not plan.to_do:
        return Applied(plan, (), dry_run)
    applied: Applied = yield from apply_flow(plan, report)
    return applied


def _options(options: Mapping[str, Any]) -> UsersAddOptions:
    """A file's user options as the typed add's keywords (checked by `check`)."""
    return cast("UsersAddOptions", dict(options))

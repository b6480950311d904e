"""What an app needs around its user: a logical database, a pool, its trusted sources.

Each `ensure` is a flow (see `_provision`): it reads what is there, then makes,
changes or leaves it, and says which. Every call keeps its own retries and the
reconciling of unsure creates, so a flow is as safe under faults as one call.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from dodb_api.types import load_operation

from . import _calls as calls
from ._base import Free, Hold
from ._errors import DodbError, InvalidInputError, UnprocessableEntityError
from ._options import accepted_by

if TYPE_CHECKING:
    from dodb_api.models import (
        ConnectionPool,
        FirewallRule,
        FirewallRuleType,
        LogicalDatabase,
    )

    from ._provision import Action, Flow

_LIST_DBS: Final = "databases_list"
_ADD_DB: Final = "databases_add"
_LIST_POOLS: Final = "databases_list_connection_pools"
_ADD_POOL: Final = "databases_add_connection_pool"
_UPDATE_POOL: Final = "databases_update_connection_pool"
_DELETE_POOL: Final = "databases_delete_connection_pool"
_LIST_RULES: Final = "databases_list_firewall_rules"
_UPDATE_RULES: Final = "databases_update_firewall_rules"

RULE_WRITES: Final = 3
"""How often `firewall.ensure` writes the list before giving up on a writer that keeps
replacing it at the same time."""


@attrs.frozen
class EnsuredDatabase:
    """What `dbs.ensure` did, and the logical database as it now is."""

    action: Action
    database: LogicalDatabase


@attrs.frozen
class EnsuredPool:
    """What `pools.ensure` did, and the pool as it now is.

    `changed` names the settings that differed. A new size or mode is an update;
    a new database or user cannot be updated in place, so the pool was deleted
    and added again (`replaced`): connections to it were dropped."""

    action: Action
    pool: ConnectionPool
    changed: tuple[str, ...] = ()
    replaced: bool = False


@attrs.frozen
class EnsuredRules:
    """What `firewall.ensure` did: the rules it added, and the whole list as it now is."""

    action: Action
    rules: tuple[FirewallRule, ...]
    added: tuple[FirewallRule, ...] = ()


# Logical databases ----------------------------------------------------------------


def named(items: Iterable[Any], name: str) -> Any:
    """The first of `items` (models with a `name`) called `name`, or None."""
    return next((item for item in items if item.name == name), None)


def ensure_database_flow(cluster: str, name: str) -> Flow:
    """List the cluster's databases; add `name` unless it is there."""
    add = calls.typed(_ADD_DB, (cluster,), {"name": name}, {})  # a bad name: refused first
    found = named((yield calls.typed(_LIST_DBS, (cluster,), {}, {})), name)
    if found is not None:
        return EnsuredDatabase("unchanged", found)
    try:
        made: LogicalDatabase = yield add
    except UnprocessableEntityError:
        # Refused: most likely it exists after all (a list that did not show it yet).
        found = named((yield calls.typed(_LIST_DBS, (cluster,), {}, {})), name)
        if found is None:
            raise
        return EnsuredDatabase("unchanged", found)
    return EnsuredDatabase("created", made)


# Connection pools -------------------------------------------------------------------


def ensure_pool_flow(cluster: str, name: str, wanted: Mapping[str, Any]) -> Flow:
    """List the cluster's pools; add, update or replace `name` to have `wanted`
    (the add's options); an unknown or bad option is refused before anything is sent."""
    add = calls.typed(_ADD_POOL, (cluster,), {"name": name}, wanted)  # bad options: refused first
    found: ConnectionPool | None = named((yield calls.typed(_LIST_POOLS, (cluster,), {}, {})), name)
    if found is None:
        made = yield add
        return EnsuredPool("created", made)
    current = found.to_dict()
    # The pool's settings, as the add's options; those declared `replaces` in the spec
    # cannot change by an update.
    body = load_operation(_ADD_POOL).body
    assert body is not None
    options = accepted_by(body)
    differing = tuple(
        o.name for o in options if wanted.get(o.name) not in (None, current.get(o.name))
    )
    if not differing:
        return EnsuredPool("unchanged", found)
    settings = {o.name: wanted.get(o.name, current.get(o.name)) for o in options}
    settings = {k: v for k, v in settings.items() if v is not None}
    if any(o.replaces for o in options if o.name in differing):
        yield calls.typed(_DELETE_POOL, (cluster, name), {}, {})
        try:
            made = yield calls.typed(_ADD_POOL, (cluster,), {"name": name}, settings)
        except DodbError as exc:
            raise PoolReplaceError(
                f"pool {name!r} on {cluster!r} was deleted to be replaced ({', '.join(differing)} "
                f"changed), but adding it again failed: {exc}"
            ) from exc
        return EnsuredPool("changed", made, differing, replaced=True)
    yield calls.typed(_UPDATE_POOL, (cluster, name), {}, settings)
    pools = yield calls.typed(_LIST_POOLS, (cluster,), {}, {})
    return EnsuredPool("changed", named(pools, name) or found, differing)


# Trusted sources ------------------------------------------------------------------------


def rule(kind: FirewallRuleType | str, value: str) -> tuple[str, str]:
    """A trusted source as (type, value); the type must be one the spec lists."""
    from dodb_api.models import FirewallRuleType

    allowed = [member.value for member in FirewallRuleType.__members__.values()]
    text = kind.value if isinstance(kind, FirewallRuleType) else kind
    if text not in allowed:
        raise InvalidInputError(
            f"a trusted source's type must be one of {', '.join(allowed)}, not {text!r}"
        )
    if not isinstance(value, str) or not value:
        raise InvalidInputError(f"a trusted source's value must be a non-empty string ({text})")
    return (text, value)


def rule_key(item: FirewallRule) -> tuple[str, str]:
    """A rule as (type, value), the pair `rule` makes of a caller's."""
    return (str(item.type_), item.value)


class PoolReplaceError(DodbError):
    """A pool deleted to be replaced could not be added again: it is gone until it is."""


class RulesRaceError(DodbError):
    """Another writer kept replacing the cluster's trusted sources while dodb added its own."""


def ensure_rules_flow(cluster: str, wanted: Iterable[tuple[str, str]]) -> Flow:
    """Add the rules that are missing, keeping every other rule.

    The API replaces the whole list at once, so this reads, adds and writes, then
    reads again. Within one client the read-modify-write holds a lock, so its own
    writers never undo each other. Another process is another matter: one that
    replaced the list in between, from a list read before ours was written, drops
    our rules, and the loop writes them again (up to `RULE_WRITES` times); but if
    ours replaced its list the same way, its new rules are gone and only it can
    notice. Nothing is removed here."""
    want = list(dict.fromkeys(wanted))
    added: dict[tuple[str, str], FirewallRule] = {}  # over every pass: a rewrite re-adds
    lock = _rules_lock(cluster)
    yield Hold(lock)  # this client's other writers of the list wait their turn
    for _ in range(RULE_WRITES):
        rules: list[FirewallRule] = yield calls.typed(_LIST_RULES, (cluster,), {}, {})
        present = {rule_key(r) for r in rules}
        missing = [w for w in want if w not in present]
        if not missing:
            yield Free(lock)
            action: Action = "changed" if added else "unchanged"
            return EnsuredRules(action, tuple(rules), tuple(added.values()))
        keep = [{"type": k, "value": v} | _extra(r) for r in rules for k, v in [rule_key(r)]]
        new = [{"type": kind, "value": value} for kind, value in missing]
        yield calls.typed(_UPDATE_RULES, (cluster,), {}, {"rules": keep + new})
        from dodb_api.models import FirewallRule  # with the group's first use

        added.update((key, FirewallRule.from_dict(n)) for key, n in zip(missing, new, strict=True))
    raise RulesRaceError(
        f"the trusted sources of {cluster!r} were replaced by another writer {RULE_WRITES} "
        "times while these were added; try again when it is done"
    )


def _extra(item: FirewallRule) -> dict[str, Any]:
    """What an existing rule has besides its type and value: its uuid and description."""
    found = {"uuid": item.uuid, "description": item.description}
    return {k: v for k, v in found.items() if v}


def remove_rules_flow(cluster: str, unwanted: Iterable[tuple[str, str]]) -> Flow:
    """Remove these rules, keeping every other (read, write the rest, read again)."""
    drop = set(unwanted)
    lock = _rules_lock(cluster)
    yield Hold(lock)
    removed = False
    for _ in range(RULE_WRITES):
        rules: list[FirewallRule] = yield calls.typed(_LIST_RULES, (cluster,), {}, {})
        if not any(rule_key(r) in drop for r in rules):
            yield Free(lock)
            return EnsuredRules("changed" if removed else "unchanged", tuple(rules))
        keep = [
            {"type": k, "value": v} | _extra(r)
            for r in rules
            for k, v in [rule_key(r)]
            if (k, v) not in drop
        ]
        yield calls.typed(_UPDATE_RULES, (cluster,), {}, {"rules": keep})
        removed = True
    raise RulesRaceError(
        f"the trusted sources of {cluster!r} kept changing while these were removed"
    )


def _rules_lock(cluster: str) -> str:
    """The key of the lock this client holds over a read-modify-write of `cluster`'s rules."""
    return f"trusted-sources/{cluster}"

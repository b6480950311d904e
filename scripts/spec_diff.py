"""Compare openapi.yaml with DigitalOcean's own OpenAPI description of the API.

    python scripts/spec_diff.py UPSTREAM_CHECKOUT [--ours openapi.yaml] [--tag Databases]

UPSTREAM_CHECKOUT is a checkout of DigitalOcean's public API description: a folder
holding `specification/`, whose root document lists the paths and whose operations,
parameters, responses and models live in files reached by relative `$ref`s.

The report says, per operation and then per upstream schema file, what upstream adds,
removes or changes compared with this document: operations, operation ids and scopes,
parameters, status codes, and the properties of request and response bodies (type,
format, enum values, required, bounds, defaults). Descriptions, examples and the
differences this document declares on purpose (`x-dodb-upstream.differences`: each a
shell-style pattern over the report's lines, with the reason) are left out.
Exit status 0 when nothing is left to report, 1 otherwise.
"""

from __future__ import annotations

import argparse
import fnmatch
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
COMPARED = (
    "type",
    "format",
    "enum",
    "default",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "pattern",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
)
"""The keywords of a property that are facts about the API (wording and examples are not)."""

Fact = frozenset[tuple[str, Any]]
"""One property's compared keywords, plus whether its parent requires it."""


@dataclass(frozen=True)
class Node:
    """A spot in one of the documents: the object, its file, and the schema it belongs to."""

    value: Any
    file: Path
    source: str


class Documents:
    """YAML files read once each; `$ref`s followed relative to the file they are in."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._files: dict[Path, Any] = {}

    def load(self, path: Path) -> Any:
        path = path.resolve()
        if path not in self._files:
            self._files[path] = yaml.safe_load(path.read_text())
        return self._files[path]

    def resolve(self, node: Node) -> Node:
        seen = set()
        while isinstance(node.value, Mapping) and "$ref" in node.value:
            ref = str(node.value["$ref"])
            if ref in seen:
                raise ValueError(f"$ref loop at {ref} in {node.file}")
            seen.add(ref)
            target, _, pointer = ref.partition("#")
            file = (node.file.parent / target).resolve() if target else node.file
            value = self.load(file)
            for part in [p for p in pointer.split("/") if p]:
                value = value[part.replace("~1", "/").replace("~0", "~")]
            node = Node(value, file, self._label(file, pointer, node.source))
        return node

    def _label(self, file: Path, pointer: str, previous: str) -> str:
        if pointer.startswith("/components/schemas/"):
            return pointer.rsplit("/", 1)[1]
        if pointer.startswith("/components/"):
            return previous
        try:
            name = str(file.relative_to(self.root))
        except ValueError:
            name = file.name
        return name + (f"#{pointer}" if pointer else "")


@dataclass
class Body:
    """A request or response body: each property path's facts, and where each was declared."""

    facts: dict[str, set[Fact]] = field(default_factory=dict)
    sources: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass
class Operation:
    key: str
    operation_id: str
    scopes: frozenset[str]
    parameters: dict[str, Fact]
    request: Body | None
    request_required: bool
    responses: dict[str, Body | None]


def _number(value: Any) -> Any:
    """Numbers compared by value: 10 and 10.0 are the same bound."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _fact(schema: Mapping[str, Any], required: bool) -> Fact:
    items: list[tuple[str, Any]] = [("required", required)]
    kinds = schema.get("type")
    if schema.get("nullable") or (isinstance(kinds, list) and "null" in kinds):
        items.append(("nullable", True))
    for key in COMPARED:
        if key not in schema:
            continue
        value = schema[key]
        if key == "type" and isinstance(value, list):
            kinds = [v for v in value if v != "null"]
            value = kinds[0] if len(kinds) == 1 else tuple(sorted(kinds))
        elif key == "enum":
            value = tuple(sorted(str(v) for v in value if v is not None))
        elif isinstance(value, list | dict):
            value = yaml.safe_dump(value, sort_keys=True)
        items.append((key, _number(value)))
    if "type" not in schema:
        if "properties" in schema:
            items.append(("type", "object"))
        elif "items" in schema:
            items.append(("type", "array"))
    return frozenset(items)


class Flattener:
    """Turns a schema into facts keyed by property path (`user.settings.acl[].topic`).

    `allOf` parts are merged; `anyOf`/`oneOf` members are merged too, so that a
    property of any member is compared wherever it is. Read-only properties are left
    out of request bodies, since a client never sends them.
    """

    def __init__(self, documents: Documents, request: bool) -> None:
        self.documents = documents
        self.request = request

    def body(self, node: Node) -> Body:
        body = Body()
        self._walk(node, "", required=True, body=body, entry=(node.source, ""), stack=())
        return body

    def _merged(self, node: Node) -> tuple[dict[str, Any], list[Node]]:
        """The schema with its allOf parts merged into it, and its anyOf/oneOf members.

        Keywords beside a `$ref` (OpenAPI 3.1 allows them) apply over the target's.
        """
        siblings = {}
        if isinstance(node.value, Mapping) and "$ref" in node.value:
            siblings = {k: v for k, v in node.value.items() if k != "$ref"}
        node = self.documents.resolve(node)
        schema = {**node.value, **siblings}
        members: list[Node] = []
        properties: dict[str, Node] = {
            name: Node(value, node.file, node.source)
            for name, value in (schema.get("properties") or {}).items()
        }
        required = set(schema.get("required") or [])
        for part in schema.pop("allOf", []):
            merged, more = self._merged(Node(part, node.file, node.source))
            properties.update(merged.pop("properties", {}))
            required |= set(merged.pop("required", []))
            members.extend(more)
            for key, value in merged.items():
                schema.setdefault(key, value)
        for keyword in ("anyOf", "oneOf"):
            members.extend(Node(m, node.file, node.source) for m in schema.pop(keyword, []))
        schema["properties"] = properties
        schema["required"] = sorted(required)
        schema["_node"] = node
        return schema, members

    def _walk(
        self,
        node: Node,
        path: str,
        *,
        required: bool,
        body: Body,
        entry: tuple[str, str],
        stack: tuple[str, ...],
    ) -> None:
        resolved = self.documents.resolve(node)
        if resolved.source != node.source:
            entry = (resolved.source, path)
        key = f"{resolved.file}#{id(resolved.value)}"
        if key in stack:
            return
        stack = (*stack, key)
        schema, members = self._merged(node)
        if path:
            body.facts.setdefault(path, set()).add(_fact(schema, required))
            body.sources.setdefault(path, entry)
        for member in members:
            self._walk(member, path, required=required, body=body, entry=entry, stack=stack)
        for name, child in schema["properties"].items():
            if self.request and self._read_only(child):
                continue
            child_path = f"{path}.{name}" if path else name
            self._walk(
                child,
                child_path,
                required=name in schema["required"],
                body=body,
                entry=entry,
                stack=stack,
            )
        if "items" in schema:
            home = schema["_node"]
            item = Node(schema["items"], home.file, home.source)
            self._walk(item, f"{path}[]", required=True, body=body, entry=entry, stack=stack)

    def _read_only(self, node: Node) -> bool:
        if isinstance(node.value, Mapping) and node.value.get("readOnly"):
            return True
        schema, _ = self._merged(node)
        return bool(schema.get("readOnly"))


def _json_schema(documents: Documents, node: Node) -> Node | None:
    resolved = documents.resolve(node)
    content = resolved.value.get("content") or {}
    media = content.get("application/json")
    if media is None or "schema" not in media:
        return None
    return Node(media["schema"], resolved.file, resolved.source)


def read_operations(documents: Documents, root_file: Path, tag: str | None) -> dict[str, Operation]:
    """The operations of a root document (those with `tag`, when given), by `METHOD /path`."""
    root = documents.load(root_file)
    found: dict[str, Operation] = {}
    for path, raw_item in (root.get("paths") or {}).items():
        item = documents.resolve(Node(raw_item, root_file.resolve(), ""))
        shared = list(item.value.get("parameters") or [])
        for method in METHODS:
            if method not in item.value:
                continue
            op = documents.resolve(Node(item.value[method], item.file, ""))
            if tag is not None and tag not in (op.value.get("tags") or []):
                continue
            key = f"{method.upper()} {path}"
            found[key] = _operation(documents, key, op, [Node(p, item.file, "") for p in shared])
    return found


def _operation(documents: Documents, key: str, op: Node, shared: list[Node]) -> Operation:
    value = op.value
    parameters: dict[str, Fact] = {}
    for raw in [*shared, *(Node(p, op.file, "") for p in value.get("parameters") or [])]:
        param = documents.resolve(raw)
        param_schema = documents.resolve(Node(param.value.get("schema") or {}, param.file, ""))
        name = f"{param.value['in']} {param.value['name']}"
        parameters[name] = _fact(param_schema.value, bool(param.value.get("required")))
    request: Body | None = None
    request_required = False
    if "requestBody" in value:
        body = documents.resolve(Node(value["requestBody"], op.file, ""))
        request_required = bool(body.value.get("required"))
        body_schema = _json_schema(documents, body)
        if body_schema is not None:
            request = Flattener(documents, request=True).body(body_schema)
    responses: dict[str, Body | None] = {}
    for status, raw in (value.get("responses") or {}).items():
        schema = _json_schema(documents, Node(raw, op.file, ""))
        responses[str(status)] = (
            None if schema is None else Flattener(documents, request=False).body(schema)
        )
    scopes = frozenset(
        scope
        for requirement in value.get("security") or []
        for scopes_of in requirement.values()
        for scope in scopes_of
    )
    return Operation(
        key, str(value.get("operationId")), scopes, parameters, request, request_required, responses
    )


@dataclass(frozen=True)
class Difference:
    operation: str
    where: str
    path: str
    message: str
    source: str = ""
    source_path: str = ""

    def line(self) -> str:
        place = f"{self.where} {self.path}".strip()
        return f"{self.operation} {place}: {self.message}"


def _describe(fact: Fact) -> str:
    shown = dict(fact)
    shown.pop("required", None)
    return ", ".join(f"{k} {v}" for k, v in sorted(shown.items(), key=lambda kv: kv[0]))


def _fact_changes(ours: Fact, theirs: Fact) -> Iterator[str]:
    mine, up = dict(ours), dict(theirs)
    for key in sorted(set(mine) | set(up)):
        if mine.get(key) == up.get(key):
            continue
        if key == "enum" and key in mine and key in up:
            added = sorted(set(up[key]) - set(mine[key]))
            removed = sorted(set(mine[key]) - set(up[key]))
            if added:
                yield "enum values only upstream: " + ", ".join(added)
            if removed:
                yield "enum values only here: " + ", ".join(removed)
        else:
            yield f"{key} {mine.get(key, '(none)')} -> {up.get(key, '(none)')}"


def _compare_body(op: str, where: str, ours: Body, theirs: Body) -> Iterator[Difference]:
    for path in sorted(set(ours.facts) | set(theirs.facts)):
        mine, up = ours.facts.get(path), theirs.facts.get(path)
        source, entry = theirs.sources.get(path) or ours.sources.get(path) or ("", "")
        relative = path[len(entry) :].lstrip(".") if entry and path.startswith(entry) else path
        if mine is None:
            message = "only upstream (" + " | ".join(sorted(map(_describe, up or ()))) + ")"
            yield Difference(op, where, path, message, source, relative)
        elif up is None:
            mine_source, mine_entry = ours.sources[path]
            relative = path[len(mine_entry) :].lstrip(".") if path.startswith(mine_entry) else path
            yield Difference(op, where, path, "only here", f"(here) {mine_source}", relative)
        elif mine != up:
            if len(mine) == 1 and len(up) == 1:
                changes = list(_fact_changes(next(iter(mine)), next(iter(up))))
            else:
                changes = [
                    "upstream "
                    + " | ".join(sorted(map(_describe, up)))
                    + "; ours "
                    + " | ".join(sorted(map(_describe, mine)))
                ]
            for change in changes:
                yield Difference(op, where, path, change, source, relative)


def compare(ours: dict[str, Operation], theirs: dict[str, Operation]) -> list[Difference]:
    """What upstream (`theirs`) adds, removes or changes compared with this document."""
    found: list[Difference] = []
    for key in sorted(set(ours) | set(theirs)):
        mine, up = ours.get(key), theirs.get(key)
        if mine is None:
            assert up is not None
            found.append(Difference(key, "operation", "", f"only upstream ({up.operation_id})"))
            continue
        if up is None:
            found.append(Difference(key, "operation", "", f"only here ({mine.operation_id})"))
            continue
        found.extend(_compare_operation(mine, up))
    return found


def _compare_operation(mine: Operation, up: Operation) -> Iterator[Difference]:
    key = mine.key
    if mine.operation_id != up.operation_id:
        yield Difference(key, "operationId", "", f"{mine.operation_id} -> {up.operation_id}")
    if mine.scopes != up.scopes:
        yield Difference(key, "scopes", "", f"{sorted(mine.scopes)} -> {sorted(up.scopes)}")
    for name in sorted(set(mine.parameters) | set(up.parameters)):
        where = f"parameter {name}"
        if name not in mine.parameters:
            yield Difference(
                key, where, "", "only upstream (" + _describe(up.parameters[name]) + ")"
            )
        elif name not in up.parameters:
            yield Difference(key, where, "", "only here")
        else:
            for change in _fact_changes(mine.parameters[name], up.parameters[name]):
                yield Difference(key, where, "", change)
    if (mine.request is None) != (up.request is None):
        only = "body only upstream" if mine.request is None else "body only here"
        yield Difference(key, "request", "", only)
    elif mine.request is not None and up.request is not None:
        if mine.request_required != up.request_required:
            change = f"required {mine.request_required} -> {up.request_required}"
            yield Difference(key, "request", "", change)
        yield from _compare_body(key, "request", mine.request, up.request)
    for status in sorted(set(mine.responses) | set(up.responses)):
        where = f"response {status}"
        if status not in mine.responses:
            yield Difference(key, where, "", "only upstream")
            continue
        if status not in up.responses:
            yield Difference(key, where, "", "only here")
            continue
        body, their_body = mine.responses[status], up.responses[status]
        if (body is None) != (their_body is None):
            only = "body only upstream" if body is None else "body only here"
            yield Difference(key, where, "", only)
        elif body is not None and their_body is not None:
            yield from _compare_body(key, where, body, their_body)


def declared_differences(spec: Mapping[str, Any]) -> list[tuple[str, str]]:
    """This document's deliberate differences: (pattern over report lines, reason)."""
    found: list[tuple[str, str]] = []
    for entry in (spec.get("x-dodb-upstream") or {}).get("differences") or []:
        patterns = entry["match"] if isinstance(entry["match"], list) else [entry["match"]]
        found.extend((str(pattern), str(entry.get("why", ""))) for pattern in patterns)
    return found


def upstream_root(checkout: Path) -> Path:
    """The root document of an upstream checkout: the YAML file in specification/ with paths."""
    spec_dir = checkout / "specification"
    if not spec_dir.is_dir():
        raise SystemExit(f"{checkout} has no specification/ folder: not an upstream checkout")
    for candidate in sorted(spec_dir.glob("*.y*ml")):
        text = candidate.read_text()
        if "\npaths:" in text and ("\nopenapi:" in text or text.startswith("openapi:")):
            return candidate
    raise SystemExit(f"no root document (a YAML file with `openapi` and `paths`) in {spec_dir}")


@dataclass
class Report:
    differences: list[Difference]
    ignored: dict[str, int]
    unseen: list[str]

    def render(self) -> str:
        out: list[str] = []
        if not self.differences:
            out.append("No differences beyond the declared ones.")
        else:
            out.append("Operations (`a -> b`: this document says a, upstream b)")
            current = ""
            for diff in self.differences:
                if diff.operation != current:
                    current = diff.operation
                    out.append(f"  {current}")
                place = f"{diff.where} {diff.path}".strip()
                out.append(f"    {place}: {diff.message}")
            by_source: dict[str, set[str]] = {}
            for diff in self.differences:
                if diff.source:
                    by_source.setdefault(diff.source, set()).add(
                        f"{diff.source_path or '(the schema itself)'}: {diff.message}"
                    )
            if by_source:
                out.append("Schemas")
                for source in sorted(by_source):
                    out.append(f"  {source}")
                    out.extend(f"    {line}" for line in sorted(by_source[source]))
        if self.ignored:
            out.append("Declared differences left out")
            out.extend(f"  {count:4d}  {pattern}" for pattern, count in self.ignored.items())
        if self.unseen:
            out.append("Declared differences no longer seen (upstream may have caught up)")
            out.extend(f"  {pattern}" for pattern in self.unseen)
        return "\n".join(out) + "\n"


def diff(checkout: Path, ours_path: Path, tag: str | None = "Databases") -> Report:
    upstream_documents = Documents(checkout.resolve())
    theirs = read_operations(upstream_documents, upstream_root(checkout), tag)
    if not theirs:
        raise SystemExit(f"no upstream operation is tagged {tag!r}")
    our_documents = Documents(ours_path.resolve().parent)
    ours = read_operations(our_documents, ours_path, None)
    declared = declared_differences(our_documents.load(ours_path))
    ignored = {pattern: 0 for pattern, _ in declared}
    kept = []
    for difference in compare(ours, theirs):
        line = difference.line()
        match = next((p for p, _ in declared if fnmatch.fnmatchcase(line, p)), None)
        if match is None:
            kept.append(difference)
        else:
            ignored[match] += 1
    unseen = [pattern for pattern, count in ignored.items() if count == 0]
    return Report(kept, {p: c for p, c in ignored.items() if c}, unseen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("upstream", type=Path, help="a checkout of DigitalOcean's API description")
    parser.add_argument("--ours", type=Path, default=ROOT / "openapi.yaml", help="this document")
    parser.add_argument("--tag", default="Databases", help="the upstream tag to compare")
    args = parser.parse_args(argv)
    report = diff(args.upstream, args.ours, args.tag)
    sys.stdout.write(report.render())
    return 1 if report.differences else 0


if __name__ == "__main__":
    sys.exit(main())

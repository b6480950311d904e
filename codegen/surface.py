"""Generate dodb's call surface from openapi.yaml: every operation becomes a call.

openapi-python-client writes the models and one row per operation; its
templates cannot see an operation's `x-` extensions, so this step reads the
spec itself and writes, next to them:

- `_facts.py`: each operation's declarations (`x-dodb-*`, see EXTENSIONS.md)
  and the module its row lives in, so rows are imported only when used;
- `calls/<group>.py`: the official client's call names for every operation
  (the operationId's first word is the group, the rest the method);
- `calls/<resource>.py`: the typed calls an operation declares with
  `x-dodb-call`, and the TypedDict of their keyword options.

Sync and async classes come from one template each, rendered twice.
Names follow openapi-python-client's own rules (its `strings` module), so a
row, a model and a call agree on every name.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import yaml
from openapi_python_client.strings import ClassName, PythonIdentifier, snake_case

TEMPLATES = Path(__file__).resolve().parent / "templates" / "surface"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
RESENT_BY_DEFAULT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
UNSURE = frozenset({"resend", "confirm", "raise"})


class SpecError(ValueError):
    """A declaration the generator cannot follow; the message names the place."""


@dataclass
class Param:
    name: str
    arg: str
    type: str

    @property
    def pairs(self) -> tuple[str, str]:
        """The JSON name and the Python argument that carries it."""
        return (self.name, self.arg)


@dataclass
class Option:
    name: str
    type: str


@dataclass
class Typed:
    resource: str
    name: str
    returns: str | None
    return_type: str
    args: list[Param]
    body_args: list[Param]
    options: list[Option]
    options_class: str | None
    raw_body: bool
    summary: str
    needs_option: bool = False


@dataclass
class Op:
    operation_id: str
    name: str
    module: str
    group: str
    official: str
    method: str
    path: str
    path_params: list[Param]
    query_params: list[Param]
    has_body: bool
    empty: bool
    summary: str
    facts: dict[str, Any]
    typed: Typed | None = None
    imports: set[tuple[str, str]] = field(default_factory=set)


class Spec:
    """The raw document, with local `$ref`s followed on demand."""

    def __init__(self, document: dict[str, Any], models: Mapping[str, str]) -> None:
        self.doc = document
        self.models = models  # class name -> module name, as generated

    def resolve(self, node: Any) -> Any:
        seen = 0
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not ref.startswith("#/"):
                raise SpecError(f"only local $refs are followed, not {ref}")
            node = self.doc
            for part in ref[2:].split("/"):
                node = node[part]
            seen += 1
            if seen > 50:
                raise SpecError(f"$ref cycle at {ref}")
        return node

    def ref_class(self, node: Any) -> str | None:
        """The generated class of a schema given by `$ref`, or None for an inline one."""
        if isinstance(node, dict) and "$ref" in node:
            name = str(ClassName(node["$ref"].rsplit("/", 1)[-1], ""))
            if name not in self.models:
                raise SpecError(f"no generated model for {node['$ref']}")
            return name
        return None

    def py_type(self, node: Any, imports: set[tuple[str, str]], *, accept: bool) -> str:
        """The Python type of a schema: what a caller passes (`accept`) or gets back."""
        cls = self.ref_class(node)
        schema = self.resolve(node)
        if cls is not None:
            imports.add((self.models[cls], cls))
            if "enum" in schema:
                return f"{cls} | str" if accept else cls
            if schema.get("type", "object") == "object":
                return cls
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), "string")
        if kind == "array":
            item = schema.get("items", {})
            inner = self.py_type(item, imports, accept=accept)
            item_cls = self.ref_class(item)
            if accept and item_cls is not None and "enum" not in self.resolve(item):
                pair = self.pair(item, imports)
                if pair:
                    inner = f"{inner} | {pair}"
            return f"Iterable[{inner}]" if accept else f"list[{inner}]"
        if "enum" in schema and cls is None:
            return "str"
        return {"boolean": "bool", "integer": "int", "number": "float", "string": "str"}.get(
            kind or "", "Any"
        )

    def pair(self, item: Any, imports: set[tuple[str, str]]) -> str | None:
        """A list item given as a pair: the item's first two properties, in spec order."""
        schema = self.resolve(item)
        required = set(schema.get("required") or ())
        every = list((schema.get("properties") or {}).items())
        # The generated model lists required properties first, then the others.
        props = [p for p in every if p[0] in required] + [p for p in every if p[0] not in required]
        props = props[:2]
        if len(props) < 2:
            return None
        types = [self.py_type(p, imports, accept=True) for _, p in props]
        return f"tuple[{types[0]}, {types[1]}]"


def _parameters(spec: Spec, path_item: dict[str, Any], operation: dict[str, Any]) -> list[Any]:
    found: dict[tuple[str, str], Any] = {}
    for raw in [*path_item.get("parameters", []), *operation.get("parameters", [])]:
        param = spec.resolve(raw)
        found[(param["name"], param["in"])] = param
    return list(found.values())


def _success(spec: Spec, operation: dict[str, Any]) -> tuple[int, Any]:
    for code, response in operation.get("responses", {}).items():
        if str(code).isdigit() and 200 <= int(code) < 300:
            content = spec.resolve(response).get("content") or {}
            schema = (content.get("application/json") or {}).get("schema")
            return int(code), schema
    raise SpecError(f"{operation.get('operationId')} has no success response")


def _walk_options(
    spec: Spec, node: Any, where: str, found: list[tuple[str, Any, dict[str, Any]]]
) -> None:
    """Every property below `node` marked `x-dodb-option`, with its body path."""
    schema = spec.resolve(node)
    for key, prop in (schema.get("properties") or {}).items():
        declared = prop.get("x-dodb-option") if isinstance(prop, dict) else None
        here = f"{where}.{key}" if where else key
        if declared is not None:
            found.append((here, prop, declared))
            continue
        target = spec.resolve(prop)
        if target.get("type", "object") == "object" and "properties" in target:
            _walk_options(spec, prop, here, found)


def _facts(op: dict[str, Any], method: str, where: str) -> dict[str, Any]:
    unsure = op.get("x-dodb-unsure", "resend" if method in RESENT_BY_DEFAULT else "raise")
    if unsure not in UNSURE:
        raise SpecError(f"{where}: x-dodb-unsure must be one of {sorted(UNSURE)}")
    confirm_by = op.get("x-dodb-confirm-by")
    if (unsure == "confirm") != (confirm_by is not None):
        raise SpecError(f"{where}: x-dodb-unsure: confirm goes with x-dodb-confirm-by")
    names = op.get("x-dodb-answer-names")
    subject = op.get("x-dodb-subject")
    if (names or confirm_by) and not subject:
        raise SpecError(f"{where}: x-dodb-answer-names and x-dodb-confirm-by need x-dodb-subject")
    return {
        "unsure": unsure,
        "confirm_by": str(PythonIdentifier(confirm_by, "")) if confirm_by else None,
        "subject": subject,
        "answer_names": tuple(names.split(".")) if names else (),
        "one_at_a_time": op.get("x-dodb-one-at-a-time"),
    }


def operations(spec: Spec) -> Iterator[Op]:
    for path, item in spec.doc.get("paths", {}).items():
        for method in METHODS:
            raw = item.get(method)
            if raw is None:
                continue
            op_id = raw["operationId"]
            where = f"{method.upper()} {path} ({op_id})"
            group, _, rest = op_id.partition("_")
            if not rest:
                raise SpecError(f"{where}: an operationId is <group>_<method>")
            params = _parameters(spec, item, raw)
            order = re.findall(r"{([^}]+)}", path)
            by_name = {p["name"]: p for p in params if p["in"] == "path"}
            path_params = [Param(n, by_name[n].get("x-dodb-arg", n), "str") for n in order]
            op = Op(
                operation_id=op_id,
                name=str(PythonIdentifier(op_id, "")),
                module=str(PythonIdentifier((raw.get("tags") or ["default"])[0], "tag")),
                group=snake_case(group),
                official=_official_name(rest),
                method=method.upper(),
                path=path,
                path_params=path_params,
                query_params=[],
                has_body="requestBody" in raw,
                empty=False,
                summary=str(raw.get("summary") or op_id).strip(),
                facts=_facts(raw, method.upper(), where),
            )
            for p in params:
                if p["in"] == "query":
                    kind = spec.py_type(p.get("schema", {}), op.imports, accept=True)
                    op.query_params.append(
                        Param(p["name"], str(PythonIdentifier(p["name"], "")), kind)
                    )
            _status, schema = _success(spec, raw)
            op.empty = schema is None
            declared = raw.get("x-dodb-call")
            if declared is not None:
                op.typed = _typed(spec, op, raw, declared, schema, where)
            yield op


def _typed(
    spec: Spec, op: Op, raw: dict[str, Any], declared: dict[str, Any], schema: Any, where: str
) -> Typed:
    resource, name = declared.get("resource"), declared.get("name")
    if not (isinstance(resource, str) and resource.isidentifier()):
        raise SpecError(f"{where}: x-dodb-call needs resource, a Python identifier")
    if not (isinstance(name, str) and name.isidentifier()):
        raise SpecError(f"{where}: x-dodb-call needs name, a Python identifier")
    returns = declared.get("returns")
    if schema is None:
        return_type = "None"
    else:
        result = spec.resolve(schema)
        target = schema
        if returns is not None:
            if returns not in (result.get("properties") or {}):
                raise SpecError(f"{where}: x-dodb-call returns {returns!r}, not in the response")
            target = result["properties"][returns]
        return_type = spec.py_type(target, op.imports, accept=False)
    body_args: list[Param] = []
    options: list[Option] = []
    raw_body = False
    if op.has_body:
        content = spec.resolve(raw["requestBody"])["content"]["application/json"]["schema"]
        body = spec.resolve(content)
        for key, prop in (body.get("properties") or {}).items():
            if isinstance(prop, dict) and "x-dodb-arg" in prop:
                kind = spec.py_type(prop, op.imports, accept=True)
                body_args.append(Param(key, prop["x-dodb-arg"], kind))
        found: list[tuple[str, Any, dict[str, Any]]] = []
        _walk_options(spec, content, "", found)
        for _, prop, option in found:
            kind = spec.py_type(prop, op.imports, accept=True)
            options.append(Option(option["name"], kind))
        raw_body = not body_args and not options
    args = [*op.path_params, *body_args]
    taken = [a.arg for a in args] + [o.name for o in options]
    if len(set(taken)) != len(taken):
        raise SpecError(f"{where}: the typed call's argument names repeat: {taken}")
    options_class = f"{ClassName(resource, '')}{ClassName(name, '')}Options" if options else None
    return Typed(
        resource=resource,
        name=name,
        returns=returns,
        return_type=return_type,
        args=op.path_params,
        body_args=body_args,
        options=options,
        options_class=options_class,
        raw_body=raw_body,
        summary=op.summary,
        needs_option=bool(declared.get("needs-option", False)),
    )


def model_modules(package: Path) -> dict[str, str]:
    """Each generated model class and the module it is in."""
    found: dict[str, str] = {}
    for path in sorted((package / "models").glob("*.py")):
        for cls in re.findall(r"^class (\w+)\b", path.read_text(), flags=re.MULTILINE):
            found[cls] = path.stem
    return found


def render(spec_path: Path, package: Path) -> list[Path]:
    """Write the surface into the generated `package`; the files written."""
    document = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    spec = Spec(document, model_modules(package))
    ops = sorted(operations(spec), key=lambda o: o.name)
    names = [o.name for o in ops]
    if len(set(names)) != len(names):
        raise SpecError("two operations have the same operationId")
    by_name = {o.name: o for o in ops}
    for op in ops:
        _check_declarations(op, by_name)
    env = jinja2.Environment(  # noqa: S701 - writes Python source, not HTML
        loader=jinja2.FileSystemLoader(TEMPLATES),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["literal"] = repr
    env.filters["tuple"] = _tuple
    env.filters["dict"] = _dict
    written: list[Path] = []

    def write(relative: str, text: str) -> None:
        target = package / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)

    secrets = sorted(_secret_names(document))
    write("_facts.py", env.get_template("facts.py.jinja").render(ops=ops, secrets=secrets))
    groups: dict[str, list[Op]] = {}
    resources: dict[str, list[Op]] = {}
    for op in ops:
        groups.setdefault(op.group, []).append(op)
        if op.typed is not None:
            resources.setdefault(op.typed.resource, []).append(op)
    for group in groups:
        if group in resources:
            raise SpecError(f"{group!r} names both an operation group and a typed resource")
    write(
        "calls/__init__.py",
        env.get_template("calls_init.py.jinja").render(groups=groups, resources=resources),
    )
    for group, members in groups.items():
        typed_here = sorted({o.typed.resource for o in ops if o.typed and o.group == group})
        write(
            f"calls/{group}.py",
            env.get_template("group.py.jinja").render(
                group=group,
                cls=ClassName(group, ""),
                ops=members,
                resources=typed_here,
                class_of=lambda r: ClassName(r, ""),
                imports=_query_imports(members),
            ),
        )
    for resource, members in resources.items():
        imports = sorted(set().union(*(o.imports for o in members)))
        write(
            f"calls/{resource}.py",
            env.get_template("resource.py.jinja").render(
                resource=resource,
                cls=ClassName(resource, ""),
                ops=members,
                imports=imports,
            ),
        )
    return written


def _query_imports(ops: list[Op]) -> list[tuple[str, str]]:
    """Models a group's official calls name in their query parameters' types."""
    found: set[tuple[str, str]] = set()
    for op in ops:
        for param in op.query_params:
            for module, cls in op.imports:
                if re.search(rf"\b{cls}\b", param.type):
                    found.add((module, cls))
    return sorted(found)


def _tuple(names: list[str]) -> str:
    """Python source of a tuple of these names."""
    if len(names) == 1:
        return f"({names[0]},)"
    return "(" + ", ".join(names) + ")"


def _dict(pairs: list[tuple[str, str]]) -> str:
    """Python source of a dict from string keys to these expressions."""
    return "{" + ", ".join(f"{key!r}: {value}" for key, value in pairs) + "}"


def _secret_names(document: dict[str, Any]) -> set[str]:
    """The JSON names of every property the spec marks `format: password`, in any schema."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, prop in (node.get("properties") or {}).items():
                if isinstance(prop, dict) and prop.get("format") == "password":
                    found.add(key)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document.get("components", {}))
    walk(document.get("paths", {}))
    return found


def _official_name(rest: str) -> str:
    """The method name the official client's generator gives: snake_case, a builtin's
    name kept as it is (`list`), a keyword suffixed (`import_`)."""
    name = snake_case(rest)
    return f"{name}_" if keyword.iskeyword(name) else name


def _check_declarations(op: Op, by_name: Mapping[str, Op]) -> None:
    """The `x-dodb-*` facts must name what the operation has, or the client would fail
    only when a call needs them (an unsure create, say)."""
    where = op.operation_id
    params = [p.name for p in op.path_params]
    facts = op.facts
    subject = facts["subject"]
    if subject is not None and not subject.startswith("body.") and subject not in params:
        raise SpecError(f"{where}: x-dodb-subject {subject!r} is no path parameter")
    if subject is not None and subject.startswith("body.") and not op.has_body:
        raise SpecError(f"{where}: x-dodb-subject {subject!r} but no request body")
    serial = facts["one_at_a_time"]
    if serial is not None and serial not in params:
        raise SpecError(f"{where}: x-dodb-one-at-a-time {serial!r} is no path parameter")
    lookup_name = facts["confirm_by"]
    if lookup_name is not None:
        lookup = by_name.get(lookup_name)
        if lookup is None:
            raise SpecError(f"{where}: x-dodb-confirm-by names no operation")
        if len(lookup.path_params) != len(params) + 1 or lookup.method != "GET":
            raise SpecError(
                f"{where}: x-dodb-confirm-by {lookup.operation_id} must be a GET whose path "
                "is this operation's, plus the subject"
            )

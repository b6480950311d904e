"""The OpenAPI document this copy of dodb was generated from, shipped inside the package.

`dodb spec` prints it, so other languages can be generated from the exact
version installed. The emulator reads from it the facts the Python generator
leaves out of its code: the scopes each operation needs.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any, Final

FILE: Final = "openapi.yaml"


def spec_text() -> str:
    """The document, byte for byte as the project's openapi.yaml."""
    return (files(__package__) / FILE).read_text(encoding="utf-8")


@cache
def _document() -> dict[str, Any]:
    import yaml  # the emulator's dependency: only the emulator reads the document

    loaded: dict[str, Any] = yaml.safe_load(spec_text())
    return loaded


def operation_scopes() -> dict[str, frozenset[str]]:
    """Each operationId's bearer-token scopes, from its `security` requirement."""
    found: dict[str, frozenset[str]] = {}
    for item in _document()["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and "operationId" in operation:
                scopes = {s for need in operation["security"] for s in need.get("bearer_auth", [])}
                found[operation["operationId"]] = frozenset(scopes)
    return found


def credentials_scope() -> str:
    """The scope without which passwords and keys are left out of answers."""
    scheme = _document()["components"]["securitySchemes"]["bearer_auth"]
    scope: str = scheme["x-credentials-scope"]
    return scope


def _resolved(node: Any) -> Any:
    """`node`, with a local `$ref` followed."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = _document()
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        node = target
    return node


def success_example(operation_id: str) -> Any:
    """The first example of an operation's success answer, or None if it has no body."""
    for item in _document()["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict) or operation.get("operationId") != operation_id:
                continue
            for code, response in operation["responses"].items():
                if str(code).startswith("2"):
                    media = (_resolved(response).get("content") or {}).get("application/json")
                    if media is None:
                        return None
                    if "example" in media:
                        return media["example"]
                    examples = media.get("examples") or {}
                    for example in examples.values():
                        return _resolved(example).get("value")
                    return None
    raise KeyError(operation_id)

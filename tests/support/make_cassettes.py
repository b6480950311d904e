"""Write tests/cassettes/<operation>.yaml from the documented examples in openapi.yaml.

    python -m tests.support.make_cassettes [--out DIR]

Each success example of an operation becomes one exchange against the
reference page's cluster id `ab7bb7a`; each error response (401, 404, 422,
429, 500 and `default`, sent as 403) becomes one exchange against a cluster
id that names the status. Bodies go through the same scrubbing as a real
recording, so documented passwords and keys appear as fakes.
"""

from __future__ import annotations

import argparse
import json
import uuid
from pathlib import Path
from typing import Any

import yaml
from vcr.request import Request
from vcr.serializers.compat import convert_to_unicode

from tests.support.cassettes import CASSETTES, scrub_request, scrub_response

ROOT = Path(__file__).resolve().parents[2]
BASE = "https://api.digitalocean.com"
CLUSTER = "ab7bb7a"
RESET_AT = 1795392000  # a fixed epoch second, so regeneration is stable
ERROR_STATUS = {"401": 401, "404": 404, "422": 422, "429": 429, "500": 500, "default": 403}
REASONS = {
    200: "OK",
    201: "Created",
    204: "No Content",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
    500: "Internal Server Error",
}
OPERATIONS = {
    "databases_list_users": ("GET", "/v2/databases/{database_cluster_uuid}/users"),
    "databases_add_user": ("POST", "/v2/databases/{database_cluster_uuid}/users"),
    "databases_get_user": ("GET", "/v2/databases/{database_cluster_uuid}/users/{username}"),
    "databases_update_user": ("PUT", "/v2/databases/{database_cluster_uuid}/users/{username}"),
    "databases_delete_user": ("DELETE", "/v2/databases/{database_cluster_uuid}/users/{username}"),
    "databases_reset_auth": (
        "POST",
        "/v2/databases/{database_cluster_uuid}/users/{username}/reset_auth",
    ),
}


class Spec:
    def __init__(self, path: Path) -> None:
        self.doc: dict[str, Any] = yaml.safe_load(path.read_text())

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            target: Any = self.doc
            for part in node["$ref"][2:].split("/"):
                target = target[part]
            node = target
        return node

    def examples(self, media: dict[str, Any]) -> list[tuple[str, str, Any]]:
        """(example name, component name, value) of a media type object."""
        found = []
        for name, example in media.get("examples", {}).items():
            component = example.get("$ref", "").rsplit("/", 1)[-1] or name
            found.append((name, component, self.resolve(example)["value"]))
        return found


def _exchange(
    method: str,
    path: str,
    request_body: Any,
    status: int,
    response_body: Any,
    index: int,
) -> dict[str, Any]:
    body = None if request_body is None else json.dumps(request_body, separators=(",", ":"))
    headers = {"Authorization": "Bearer REDACTED", "Accept": "application/json"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    request = scrub_request(Request(method, BASE + path, body, headers))
    response_headers: dict[str, list[str]] = {
        "ratelimit-limit": ["5000"],
        "ratelimit-remaining": ["0" if status == 429 else str(4999 - index)],
        # Mixed case, as the API is seen to send it.
        "rateLimit-reset": [str(RESET_AT)],
        "x-request-id": [str(uuid.uuid5(uuid.NAMESPACE_URL, f"{method} {path} {index}"))],
    }
    if status == 429:
        response_headers["retry-after"] = ["30"]
    content = "" if response_body is None else json.dumps(response_body, separators=(",", ":"))
    if response_body is not None:
        response_headers["content-type"] = ["application/json; charset=utf-8"]
    response = scrub_response(
        {
            "status": {"code": status, "message": REASONS[status]},
            "headers": response_headers,
            "body": {"string": content},
        }
    )
    return {"request": convert_to_unicode(request._to_dict()), "response": response}


def build(spec: Spec, operation_id: str) -> dict[str, Any]:
    method, template = OPERATIONS[operation_id]
    op = spec.doc["paths"][template][method.lower()]
    request_examples: dict[str, Any] = {}
    if "requestBody" in op:
        media = spec.resolve(op["requestBody"])["content"]["application/json"]
        request_examples = {name: value for name, _, value in spec.examples(media)}
    default_request = next(iter(request_examples.values()), None)
    interactions: list[dict[str, Any]] = []
    origins: list[str] = []

    def add(
        status: int, request_body: Any, response_body: Any, username: str, cluster: str, origin: str
    ) -> None:
        path = template.format(database_cluster_uuid=cluster, username=username)
        interactions.append(
            _exchange(method, path, request_body, status, response_body, len(interactions))
        )
        origins.append(f"{method} {path} -> {status}: {origin}")

    for status_key, response in op["responses"].items():
        response = spec.resolve(response)
        media = response.get("content", {}).get("application/json")
        if status_key in ERROR_STATUS:
            status = ERROR_STATUS[status_key]
            assert media is not None
            (_, component, value), *_ = spec.examples(media)
            if operation_id == "databases_add_user":
                request_body = {"name": "app-01"}
            else:
                request_body = default_request
            add(
                status,
                request_body,
                value,
                "app-01",
                f"cluster-answers-{status}",
                f"example {component}",
            )
        elif media is None:
            add(
                int(status_key),
                default_request,
                None,
                "app-01",
                CLUSTER,
                "documented empty response",
            )
        else:
            for name, component, value in spec.examples(media):
                request_body = request_examples.get(name, default_request)
                username = value["user"]["name"] if "user" in value else "app-01"
                add(int(status_key), request_body, value, username, CLUSTER, f"example {component}")
    return {
        "interactions": interactions,
        "metadata": {
            "origin": (
                "Made by tests/support/make_cassettes.py from the documented examples in "
                "openapi.yaml (carried from the databases.add_user reference page and the "
                "API facts). Not a recording of a live exchange."
            ),
            "exchanges": origins,
        },
        "version": 1,
    }


def write_all(out: Path, spec_path: Path = ROOT / "openapi.yaml") -> list[Path]:
    spec = Spec(spec_path)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for operation_id in OPERATIONS:
        target = out / f"{operation_id}.yaml"
        target.write_text(yaml.safe_dump(build(spec, operation_id), sort_keys=False, width=100))
        written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=CASSETTES)
    for path in write_all(parser.parse_args().out):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()

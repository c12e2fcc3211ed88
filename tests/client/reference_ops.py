"""The facts the client tests check requests against, trimmed from the shared reference.

``reference_operations.json`` beside this file is ``trimmed(voice, messaging)`` of
../shared/reference/{voice,messaging}-api-v2.json; a test keeps the copy equal to the
reference whenever the reference is reachable, so the tests also run without it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
COPY = HERE / "data" / "reference_operations.json"
CANDIDATES = (
    Path(__file__).resolve().parents[3] / "shared" / "reference",  # /work/<checkout>/tests/client
    Path(__file__).resolve().parents[4] / "shared" / "reference",  # /work/wt/<name>/tests/client
)


def reference_dir() -> Path | None:
    for candidate in CANDIDATES:
        if (candidate / "voice-api-v2.json").exists():
            return candidate
    return None


def _fields(schema: dict[str, Any]) -> dict[str, Any]:
    if "fields" in schema:  # voice: generated field lists
        return {
            "fields": sorted(f["name"] for f in schema["fields"]),
            "required": sorted(schema.get("required") or []),
        }
    return {  # messaging: OpenAPI properties
        "fields": sorted(schema.get("properties", {})),
        "required": sorted(schema.get("required") or []),
    }


def trimmed(voice: dict[str, Any], messaging: dict[str, Any]) -> dict[str, Any]:
    """operationId -> method, path, tag, query and header parameters, body, success statuses."""
    ops: dict[str, Any] = {}
    for e in voice["endpoints"]:
        body = e.get("requestBody")
        content = None
        if body:
            (ctype, spec), *_ = body["content"].items()
            schema = spec["schema"]
            content = {"content_type": ctype}
            if isinstance(schema, str):
                content.update(_fields(voice["schemas"][schema]))
        ops[e["operationId"]] = {
            "api": "voice",
            "tag": e["tag"],
            "method": e["method"],
            "path": e["path"],
            "query": sorted(p["name"] for p in e["parameters"] if p["in"] == "query"),
            "headers": sorted(p["name"] for p in e["parameters"] if p["in"] == "header"),
            "body": content,
            "success": sorted(r["status"] for r in e["responses"] if 200 <= r["status"] <= 299),
        }
    create = messaging["createMessage"]
    schema = create["requestBody"]["content"]["application/json"]["schema"]
    ops["createMessage"] = {
        "api": "messaging",
        "tag": "Messages",
        "method": "POST",  # the reference gives no method/path here: listMessages' path, POST
        "path": messaging["listMessages"]["path"],
        "query": [],
        "headers": [],
        "body": {"content_type": "application/json", **_fields(schema)},
        "success": sorted(int(s) for s in create["responses"] if s.startswith("2")),
    }
    listing = messaging["listMessages"]
    ops["listMessages"] = {
        "api": "messaging",
        "tag": "Messages",
        "method": listing["method"],
        "path": listing["path"],
        "query": sorted(p["name"] for p in listing["query_params"]),
        "headers": [],
        "body": None,
        "success": [200],
    }
    for op_id, media in messaging["media"].items():
        params = media.get("params", [])
        ops[op_id] = {
            "api": "messaging",
            "tag": "Media",
            "method": media["method"],
            "path": media["path"],
            "query": sorted(p["name"] for p in params if p["in"] == "query"),
            "headers": sorted(p["name"] for p in params if p["in"] == "header"),
            "body": {"content_type": "*/*"} if "request_body" in media else None,
            "success": sorted(int(s) for s in media["success"]),
        }
    return dict(sorted(ops.items()))


def load() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(COPY.read_text())
    return data


def regenerate() -> None:
    where = reference_dir()
    assert where is not None, "the shared reference is not reachable"
    voice = json.loads((where / "voice-api-v2.json").read_text())
    messaging = json.loads((where / "messaging-api-v2.json").read_text())
    COPY.write_text(json.dumps(trimmed(voice, messaging), indent=1) + "\n")


if __name__ == "__main__":
    regenerate()

"""The facts the client tests check requests against, trimmed from the reference copies.

``tests/data/reference/{voice,messaging}-api-v2.json`` are copies of ``shared/reference``
(tests/test_data.py keeps them equal); :func:`load` trims them to what a request must match.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data" / "reference"


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
    voice = json.loads((DATA / "voice-api-v2.json").read_text(encoding="utf-8"))
    messaging = json.loads((DATA / "messaging-api-v2.json").read_text(encoding="utf-8"))
    return trimmed(voice, messaging)

"""Small webhook apps the simulator tests call: plain WSGI functions built from a route table."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qsl

Route = Callable[[dict[str, Any]], "str | bytes | tuple[int, str | bytes] | None"]
StartResponse = Callable[..., Any]


class Recorder:
    """A WSGI app: ``routes[path](payload)`` gives the reply; every request is kept."""

    def __init__(self, routes: dict[str, Route]) -> None:
        self.routes = routes
        self.requests: list[dict[str, Any]] = []

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        method = environ["REQUEST_METHOD"]
        path = environ["PATH_INFO"]
        if method == "GET":
            data: dict[str, Any] = dict(parse_qsl(environ.get("QUERY_STRING", "")))
        else:
            length = int(environ.get("CONTENT_LENGTH") or 0)
            raw = environ["wsgi.input"].read(length)
            data = json.loads(raw) if raw else {}
        self.requests.append(
            {
                "method": method,
                "path": path,
                "payload": data,
                "auth": environ.get("HTTP_AUTHORIZATION"),
                "content_type": environ.get("CONTENT_TYPE", ""),
            }
        )
        route = self.routes.get(path)
        if route is None:
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"no such route"]
        result = route(data)
        status = 200
        if isinstance(result, tuple):
            status, result = result
        if result is None:
            start_response("204 No Content", [])
            return []
        body = result.encode() if isinstance(result, str) else result
        reason = {200: "OK", 500: "Internal Server Error", 404: "Not Found"}.get(status, "X")
        start_response(f"{status} {reason}", [("Content-Type", "application/xml")])
        return [body]

    def paths(self) -> list[str]:
        return [r["path"] for r in self.requests]


def bxml(*verbs: str) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?>\n<Response>' + "".join(verbs) + "</Response>"

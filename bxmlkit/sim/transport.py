"""How a webhook reaches the app: in-process WSGI/ASGI (httpx transports, no sockets), a
plain handler function, or a running server at a URL.

Every transport answers ``await send(request)`` with a :class:`Reply`; nothing here knows
BXML.  The sync transports never suspend, so the engine (written once, async) runs them
without an event loop.
"""

from __future__ import annotations

import base64
import json
import os
import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

__all__ = [
    "IN_PROCESS_BASE",
    "AsgiTransport",
    "HandlerTransport",
    "Reply",
    "Request",
    "Transport",
    "UrlTransport",
    "WsgiTransport",
]

#: The origin in-process apps are reached at (relative URLs resolve against it).
IN_PROCESS_BASE = "http://app.local"


@dataclass(frozen=True)
class Request:
    method: str
    url: str
    payload: Mapping[str, Any] | None
    auth: tuple[str, str] | None
    timeout: float


@dataclass(frozen=True)
class Reply:
    """What came back: a status and body, or ``error`` (no HTTP answer, or too late)."""

    status: int | None
    body: bytes
    content_type: str
    error: str | None = None
    where: tuple[str, int] | None = None  # file and line of an exception raised by the app


def _query(payload: Mapping[str, Any]) -> dict[str, str]:
    """GET parameters: scalars as text, nested objects as JSON text."""
    out: dict[str, str] = {}
    for key, value in payload.items():
        if isinstance(value, (dict, list)):
            out[key] = json.dumps(value, separators=(",", ":"))
        elif isinstance(value, bool):
            out[key] = "true" if value else "false"
        else:
            out[key] = str(value)
    return out


def _where(exc: BaseException) -> tuple[str, int] | None:
    """The innermost frame of the app's own code (not a library's) that raised."""
    found: tuple[str, int] | None = None
    here = os.path.dirname(__file__)
    for frame in traceback.extract_tb(exc.__traceback__):
        name = frame.filename
        if "site-packages" in name or name.startswith(here) or "/lib/python" in name:
            continue
        found = (name, frame.lineno or 0)
    return found


def _failure(exc: BaseException) -> Reply:
    return Reply(None, b"", "", f"{type(exc).__name__}: {exc}", _where(exc))


def _reply(response: httpx.Response) -> Reply:
    return Reply(response.status_code, response.content, response.headers.get("content-type", ""))


def _build(client: httpx.Client | httpx.AsyncClient, request: Request) -> httpx.Request:
    if request.method == "GET":
        return client.build_request(
            "GET", request.url, params=_query(request.payload or {}), timeout=request.timeout
        )
    return client.build_request(
        request.method,
        request.url,
        json=dict(request.payload) if request.payload is not None else None,
        timeout=request.timeout,
    )


class Transport:
    """Base: ``base`` is the origin relative URLs resolve against."""

    base: str = IN_PROCESS_BASE
    is_async: bool = False

    async def send(self, request: Request) -> Reply:  # pragma: no cover - abstract
        raise NotImplementedError

    async def fetch(self, url: str) -> bytes | None:
        """The bytes at ``url`` when the app serves it (for audio lengths), else None."""
        if urlsplit(url)[:2] != urlsplit(self.base)[:2]:
            return None
        reply = await self.send(Request("GET", url, None, None, 5.0))
        return reply.body if reply.status == 200 else None

    def close(self) -> None:
        """Release what the transport holds."""


class _HttpxSync(Transport):
    def __init__(self, client: httpx.Client, base: str) -> None:
        self._client = client
        self.base = base

    async def send(self, request: Request) -> Reply:
        started = time.perf_counter()
        try:
            response = self._client.send(
                _build(self._client, request),
                auth=httpx.BasicAuth(*request.auth) if request.auth else httpx.USE_CLIENT_DEFAULT,
            )
        except httpx.TimeoutException:
            return Reply(None, b"", "", f"no answer within {request.timeout:g} s")
        except Exception as exc:  # the app's own exception, or a connection failure
            return _failure(exc)
        if time.perf_counter() - started > request.timeout:
            return Reply(None, b"", "", f"no answer within {request.timeout:g} s")
        return _reply(response)

    def close(self) -> None:
        self._client.close()


def _request(request: Request) -> httpx.Request:
    headers = {}
    if request.auth is not None:
        token = base64.b64encode(f"{request.auth[0]}:{request.auth[1]}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    if request.method == "GET":
        return httpx.Request(
            "GET", request.url, params=_query(request.payload or {}), headers=headers
        )
    return httpx.Request(
        request.method,
        request.url,
        headers=headers,
        json=dict(request.payload) if request.payload is not None else None,
    )


class WsgiTransport(Transport):
    """A WSGI app (Flask, Django, a plain function) called in-process through
    ``httpx.WSGITransport`` (one request at a time; no client-side cookies or redirects)."""

    def __init__(self, app: Callable[..., Any]) -> None:
        self._transport = httpx.WSGITransport(app=app)
        self.base = IN_PROCESS_BASE

    async def send(self, request: Request) -> Reply:
        started = time.perf_counter()
        try:
            response = self._transport.handle_request(_request(request))
            response.read()
        except Exception as exc:  # the app's own exception
            return _failure(exc)
        if time.perf_counter() - started > request.timeout:
            return Reply(None, b"", "", f"no answer within {request.timeout:g} s")
        return _reply(response)


class UrlTransport(_HttpxSync):
    """A running server (tests start their own on loopback)."""

    def __init__(self, url: str) -> None:
        base = url.rstrip("/")
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"url must be http(s)://host[:port], got {url!r}")
        super().__init__(httpx.Client(base_url=base, trust_env=False), base)


class AsgiTransport(Transport):
    """An ASGI app (FastAPI, Starlette) called in-process; needs ``acall``."""

    is_async = True

    def __init__(self, app: Callable[..., Any]) -> None:
        self._app = app
        self.base = IN_PROCESS_BASE
        self._client: httpx.AsyncClient | None = None

    async def send(self, request: Request) -> Reply:
        if self._client is None:
            self._client = httpx.AsyncClient(
                transport=httpx.ASGITransport(app=self._app), base_url=IN_PROCESS_BASE
            )
        started = time.perf_counter()
        try:
            response = await self._client.send(
                _build(self._client, request),
                auth=httpx.BasicAuth(*request.auth) if request.auth else httpx.USE_CLIENT_DEFAULT,
            )
        except Exception as exc:
            return _failure(exc)
        if time.perf_counter() - started > request.timeout:
            return Reply(None, b"", "", f"no answer within {request.timeout:g} s")
        return _reply(response)

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None


class HandlerTransport(Transport):
    """A function ``handler(event) -> BXML model | str | bytes | None`` called directly.

    None means "no body" (HTTP 204); an exception is an app error (HTTP 500).
    """

    def __init__(self, handler: Callable[[Any], Any]) -> None:
        self._handler = handler

    async def send(self, request: Request) -> Reply:
        from bxmlkit.callbacks import parse_callback
        from bxmlkit.codec import to_xml

        if request.payload is None:  # a media fetch: a handler serves no files
            return Reply(404, b"", "")
        try:
            result = self._handler(parse_callback(dict(request.payload)))
        except Exception as exc:
            return _failure(exc)
        if result is None:
            return Reply(204, b"", "")
        if isinstance(result, bytes):
            return Reply(200, result, "application/xml")
        if isinstance(result, str):
            return Reply(200, result.encode(), "application/xml")
        return Reply(200, to_xml(result), "application/xml")

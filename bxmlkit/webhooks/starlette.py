"""Starlette and FastAPI adapter: serve a :class:`~bxmlkit.webhooks.WebhookApp` over ASGI.

::

    from fastapi import FastAPI
    from bxmlkit.webhooks.starlette import endpoint

    api = FastAPI()
    api.add_route("/callbacks", endpoint(app), methods=["GET", "POST"])

or with Starlette alone: ``Starlette(routes=[route(app, "/callbacks")])``.  Needs the
``fastapi`` (or ``starlette``) extra.  Handlers may be ``async def`` (awaited) or plain
``def`` (run in Starlette's thread pool, so they never block the event loop).  The body is
read only after the method, Basic auth and ``Content-Length`` checks pass, and never
beyond the app's ``max_body``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route

from bxmlkit.webhooks._app import WebhookApp
from bxmlkit.webhooks._http import WebhookRequest, WebhookResponse

__all__ = ["endpoint", "route"]


def _to_starlette(response: WebhookResponse) -> Response:
    out = Response(response.body, status_code=response.status)
    for name, value in response.headers:
        out.headers[name] = value
    return out


async def _read_body(request: Request, limit: int) -> bytes:
    """The body, stopping one byte past ``limit`` (the core then replies 413)."""
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            break
    return bytes(body)


def endpoint(app: WebhookApp) -> Callable[[Request], Awaitable[Response]]:
    """An ASGI endpoint (``async def (request) -> Response``) answering with ``app``."""

    async def bandwidth_webhook(request: Request) -> Response:
        headers = request.headers.raw
        refused = app.precheck(request.method, headers)
        if refused is not None:
            return _to_starlette(refused)
        try:
            body = await _read_body(request, app.max_body)
        except ClientDisconnect:
            return Response(status_code=400)  # nobody is listening for the reply
        delivery = WebhookRequest(
            request.method,
            request.url.path,
            request.scope.get("query_string", b""),
            headers,
            body,
        )
        return _to_starlette(await app.handle_async(delivery, run_sync=run_in_threadpool))

    return bandwidth_webhook


def route(app: WebhookApp, path: str = "/") -> Route:
    """A Starlette ``Route`` for GET and POST on ``path``: ``Starlette(routes=[route(app)])``,
    or ``fastapi_app.router.routes.append(route(app, "/callbacks"))``."""
    return Route(path, endpoint(app), methods=["GET", "POST"], name="bandwidth_webhook")

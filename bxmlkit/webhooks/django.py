"""Django adapter: serve a :class:`~bxmlkit.webhooks.WebhookApp` from a Django project.

::

    # urls.py
    from bxmlkit.webhooks.django import urlpatterns as webhook_urls

    urlpatterns = [*webhook_urls(app, "callbacks")]

or route :func:`view` yourself: ``path("callbacks", view(app))``.  Needs the ``django``
extra.  The view is exempt from CSRF (Bandwidth authenticates with Basic auth, not a CSRF
token) and answers GET and POST; handlers are plain ``def`` functions.  The body is read
only after the method, Basic auth and ``Content-Length`` checks pass, and never beyond the
app's ``max_body`` (Django's own ``DATA_UPLOAD_MAX_MEMORY_SIZE`` does not apply: the view
reads the stream itself).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django.http import HttpRequest, HttpResponse
from django.urls import path as url_path
from django.views.decorators.csrf import csrf_exempt

from bxmlkit.webhooks._app import WebhookApp
from bxmlkit.webhooks._http import WebhookRequest, WebhookResponse, read_limited

__all__ = ["urlpatterns", "view"]


def _to_django(response: WebhookResponse) -> HttpResponse:
    out = HttpResponse(response.body, status=response.status)
    if response.content_type is None:
        del out["Content-Type"]  # 204: no body, no type
    for name, value in response.headers:
        out[name] = value
    return out


def view(app: WebhookApp) -> Callable[[HttpRequest], HttpResponse]:
    """A Django view answering deliveries with ``app``: ``path("callbacks", view(app))``."""

    def bandwidth_webhook(request: HttpRequest) -> HttpResponse:
        method = request.method or "GET"
        refused = app.precheck(method, request.headers)
        if refused is not None:
            return _to_django(refused)
        body = read_limited(request.read, app.max_body)
        delivery = WebhookRequest(
            method,
            request.path,
            request.META.get("QUERY_STRING", ""),
            request.headers,
            body,
        )
        return _to_django(app.handle(delivery))

    return cast(Callable[[HttpRequest], HttpResponse], csrf_exempt(bandwidth_webhook))


def urlpatterns(app: WebhookApp, route: str = "", *, name: str = "bandwidth_webhook") -> list[Any]:
    """``[path(route, view(app), name=name)]``, to splice into a project's ``urlpatterns``."""
    return [url_path(route, view(app), name=name)]

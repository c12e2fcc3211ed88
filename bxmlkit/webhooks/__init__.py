"""Bandwidth webhook apps: register a handler per event, get the typed event, return BXML.

::

    from bxmlkit.callbacks import AnswerEvent, DisconnectEvent
    from bxmlkit.models import Hangup, Response, SpeakSentence
    from bxmlkit.webhooks import WebhookApp

    app = WebhookApp(username="hook-user", password="hook-password")

    @app.on(AnswerEvent)
    def answer(event: AnswerEvent) -> Response:
        return Response(SpeakSentence("Hello"), Hangup())

    @app.on(DisconnectEvent)
    def disconnect(event: DisconnectEvent) -> None:
        ...  # asynchronous event: bxmlkit replies 204

The core (:class:`WebhookApp`) is framework-free: it takes a :class:`WebhookRequest` and
returns a :class:`WebhookResponse`.  It checks Basic auth in constant time (401 with
``WWW-Authenticate``), reads GET query-string and POST JSON deliveries, limits the body
(413), refuses bad or contradictory payloads with a reason (400), replies 204 to
asynchronous events, and checks every document before it is sent (:func:`check_reply`):
a reply Bandwidth could not run is a 500 with a located message in the log, never a
silently dropped call.  Adapters, each needing only its framework (an optional extra):
``bxmlkit.webhooks.flask``, ``bxmlkit.webhooks.starlette`` (FastAPI too) and
``bxmlkit.webhooks.django``.  Importing this package imports no web framework.
"""

from __future__ import annotations

from bxmlkit.webhooks._app import DEFAULT_MAX_BODY, WebhookApp
from bxmlkit.webhooks._http import WebhookRequest, WebhookResponse
from bxmlkit.webhooks._reply import MAX_REPLY_BYTES, Reply, check_reply

__all__ = [
    "DEFAULT_MAX_BODY",
    "MAX_REPLY_BYTES",
    "Reply",
    "WebhookApp",
    "WebhookRequest",
    "WebhookResponse",
    "check_reply",
]

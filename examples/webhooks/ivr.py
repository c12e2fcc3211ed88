"""The call flow the three example servers share: one WebhookApp, served by any framework.

A caller hears a menu and presses a key; the answer depends on the key; the end of every
call is logged.  Give Bandwidth one URL (``https://<your host>/callbacks``) as the answer,
disconnect and gather URL, with the Basic auth credentials below: bxmlkit dispatches on the
event type.
"""

from __future__ import annotations

import logging
import os

from bxmlkit.callbacks import AnswerEvent, DisconnectEvent, GatherEvent, InitiateEvent
from bxmlkit.models import Gather, Hangup, Response, SpeakSentence
from bxmlkit.webhooks import WebhookApp

log = logging.getLogger("ivr")

#: Where the example servers route deliveries (relative BXML URLs resolve against it).
CALLBACK_PATH = "/callbacks"

CHOICES = {"1": "sales", "2": "support"}


def build_app(username: str, password: str) -> WebhookApp:
    """The IVR as a framework-free WebhookApp."""
    app = WebhookApp(username=username, password=password)

    @app.on(InitiateEvent, AnswerEvent)
    def menu(event: InitiateEvent | AnswerEvent) -> Response:
        return Response(
            verbs=[
                SpeakSentence(content=["Thanks for calling."]),
                Gather(
                    prompts=[SpeakSentence(content=["For sales press 1, for support press 2."])],
                    gather_url=CALLBACK_PATH,
                    max_digits=1,
                    first_digit_timeout=5,
                ),
                SpeakSentence(content=["We did not get a key. Goodbye."]),
                Hangup(),
            ]
        )

    @app.on(GatherEvent)
    def chosen(event: GatherEvent) -> Response:
        team = CHOICES.get(event.digits or "")
        if team is None:
            return Response(
                verbs=[
                    SpeakSentence(content=["Sorry, that is not on the menu. Goodbye."]),
                    Hangup(),
                ]
            )
        return Response(
            verbs=[SpeakSentence(content=[f"Connecting you to {team}. Goodbye."]), Hangup()]
        )

    @app.on(DisconnectEvent)
    def ended(event: DisconnectEvent) -> None:
        log.info("call %s ended: %s", event.call_id, event.cause)

    return app


def app_from_environment() -> WebhookApp:
    """The IVR with the credentials from BW_WEBHOOK_USERNAME and BW_WEBHOOK_PASSWORD."""
    username = os.environ.get("BW_WEBHOOK_USERNAME", "")
    password = os.environ.get("BW_WEBHOOK_PASSWORD", "")
    if not username or not password:
        raise SystemExit(
            "set BW_WEBHOOK_USERNAME and BW_WEBHOOK_PASSWORD to the credentials you give "
            "Bandwidth for your callback URLs"
        )
    return build_app(username, password)

"""One webhook app and one list of deliveries, replayed through the core and each framework.

Each :class:`Case` is a request (method, query, headers, body) and what must come back:
status, content type, a phrase of the body, and a phrase of the ERROR log line if one is
expected.  ``tests/webhooks/test_<framework>.py`` send every case through the real
framework's test client; ``test_core.py`` sends them straight to ``WebhookApp.handle``.
"""

from __future__ import annotations

import base64
import json
import logging
from dataclasses import dataclass, field
from typing import Any

from bxmlkit.callbacks import (
    AnswerEvent,
    BridgeCompleteEvent,
    CallbackEvent,
    ConferenceCreatedEvent,
    ConferenceMemberJoinEvent,
    DisconnectEvent,
    GatherEvent,
    InitiateEvent,
    MessageDeliveredEvent,
    MessageEvent,
    RedirectEvent,
    TransferAnswerEvent,
    TransferCompleteEvent,
    UnknownVoiceEvent,
)
from bxmlkit.models import Bxml, Gather, Hangup, PhoneNumber, Response, SpeakSentence, Transfer
from bxmlkit.webhooks import WebhookApp

USER = "hook-user"
PASSWORD = "hook-pässword:with-colon"
PATH = "/callbacks"
MAX_BODY = 64 * 1024
XML = "application/xml"
TEXT = "text/plain; charset=utf-8"


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")


AUTH = {"Authorization": basic(USER, PASSWORD)}
JSON_AUTH = {**AUTH, "Content-Type": "application/json"}


@dataclass
class Recorder:
    """What the handlers saw, so tests can check the typed events arrived."""

    events: list[CallbackEvent] = field(default_factory=list)


def make_app(recorder: Recorder | None = None) -> WebhookApp:
    """The app every framework test serves: one handler per kind of outcome."""
    seen = recorder if recorder is not None else Recorder()
    app = WebhookApp(username=USER, password=PASSWORD, max_body=MAX_BODY)

    @app.on(AnswerEvent)
    def answer(event: AnswerEvent) -> Response:
        seen.events.append(event)
        return Response(verbs=[SpeakSentence(content=[f"Hello {event.from_}"]), Hangup()])

    @app.on(GatherEvent)
    def gather(event: GatherEvent) -> str:
        seen.events.append(event)
        return f"<Response><SpeakSentence>You pressed {event.digits}</SpeakSentence></Response>"

    @app.on(RedirectEvent)
    def redirect(event: RedirectEvent) -> str:
        return '<Response>\n  <Gather maxdigits="3"/>\n</Response>'  # a typo: not BXML

    @app.on(TransferCompleteEvent)
    def transfer_complete(event: TransferCompleteEvent) -> Response:
        return Bxml(verbs=[Hangup()])  # type: ignore[return-value]  # the update-call root

    @app.on(BridgeCompleteEvent)
    def bridge_complete(event: BridgeCompleteEvent) -> None:
        return None  # a BXML event answered with nothing

    @app.on(TransferAnswerEvent)
    def transfer_answer(event: TransferAnswerEvent) -> Response:
        # not allowed for the called party:
        return Response(verbs=[Transfer(targets=[PhoneNumber(number="+15553334444")])])

    @app.on(ConferenceCreatedEvent)
    def conference_created(event: ConferenceCreatedEvent) -> Response:
        return Response(verbs=[Gather(gather_url="/pin")])  # conference BXML allows no Gather

    @app.on(ConferenceMemberJoinEvent)
    def member_joined(event: ConferenceMemberJoinEvent) -> Response:
        return Response(verbs=[SpeakSentence(content=["Someone joined."])])

    @app.on(InitiateEvent)
    def initiate(event: InitiateEvent) -> Response:
        raise RuntimeError("database is down: secret-connection-string")

    @app.on(DisconnectEvent, MessageEvent, UnknownVoiceEvent)
    def record(event: DisconnectEvent | MessageEvent | UnknownVoiceEvent) -> None:
        seen.events.append(event)

    return app


@dataclass(frozen=True)
class Case:
    """One delivery and the reply it must get."""

    id: str
    method: str = "POST"
    query: str = ""
    headers: dict[str, str] = field(default_factory=lambda: dict(JSON_AUTH))
    body: bytes = b""
    status: int = 200
    content_type: str | None = None
    says: str = ""  # a phrase of the reply body
    logs: str = ""  # a phrase of an ERROR record of the bxmlkit.webhooks logger
    event: type[CallbackEvent] | None = None  # the event the handler must have received
    #: Frameworks route only GET and POST: for other methods they answer 405 themselves.
    framework_405: bool = False


def body(**fields: Any) -> bytes:
    return json.dumps(fields).encode()


ANSWER = body(eventType="answer", callId="c-1", **{"from": "+15551112222"}, to="+15553334444")

CASES: list[Case] = [
    Case(
        "post-sync-event",
        body=ANSWER,
        content_type=XML,
        says="Hello +15551112222",
        event=AnswerEvent,
    ),
    Case(
        "post-text-reply",
        body=body(eventType="gather", callId="c-1", digits="42"),
        content_type=XML,
        says="<SpeakSentence>You pressed 42</SpeakSentence>",
        event=GatherEvent,
    ),
    Case(
        "get-style-sync-event",
        method="GET",
        query="eventType=answer&callId=c-1&from=%2B15551112222",
        headers=dict(AUTH),
        content_type=XML,
        says="Hello +15551112222",
        event=AnswerEvent,
    ),
    Case(
        "get-style-async-event",
        method="GET",
        query="eventType=disconnect&callId=c-1&cause=hangup",
        headers=dict(AUTH),
        status=204,
        event=DisconnectEvent,
    ),
    Case(
        "async-event",
        body=body(eventType="disconnect", callId="c-1", cause="hangup"),
        status=204,
        event=DisconnectEvent,
    ),
    Case(
        "messaging-status-with-error-code-0",
        body=json.dumps(
            [
                {
                    "type": "message-delivered",
                    "errorCode": 0,
                    "to": "+15553334444",
                    "message": {"id": "m-1", "direction": "out"},
                }
            ]
        ).encode(),
        status=204,
        event=MessageDeliveredEvent,
    ),
    Case(
        "unknown-event-type",
        body=body(eventType="somethingNew", callId="c-1"),
        status=204,
        event=UnknownVoiceEvent,
    ),
    Case(
        "conference-event-with-allowed-verbs",
        body=body(eventType="conferenceMemberJoin", conferenceId="conf-1"),
        content_type=XML,
        says="Someone joined.",
    ),
    # ---------------------------------------------------------------- auth
    Case(
        "no-credentials",
        headers={"Content-Type": "application/json"},
        body=ANSWER,
        status=401,
        content_type=TEXT,
        says="unauthorized",
    ),
    Case(
        "wrong-password",
        headers={**JSON_AUTH, "Authorization": basic(USER, "guess")},
        body=ANSWER,
        status=401,
        content_type=TEXT,
        says="unauthorized",
    ),
    Case(
        "get-without-credentials",
        method="GET",
        query="eventType=answer",
        headers={},
        status=401,
        content_type=TEXT,
    ),
    # ---------------------------------------------------------------- hostile bodies
    Case(
        "huge-body",
        body=b'{"eventType": "answer", "pad": "' + b"x" * (MAX_BODY + 10) + b'"}',
        status=413,
        content_type=TEXT,
        says=f"the limit is {MAX_BODY} bytes",
    ),
    Case(
        "bad-json",
        body=b'{"eventType": "answer",',
        status=400,
        content_type=TEXT,
        says="not valid JSON",
    ),
    Case(
        "non-utf8",
        body=b'{"eventType": "answer", "tag": "\xff\xfe"}',
        status=400,
        content_type=TEXT,
        says="not UTF-8",
    ),
    Case(
        "deeply-nested",
        body=b"[" * 30_000 + b"]" * 30_000,
        status=400,
        content_type=TEXT,
        says="nests too deeply",
    ),
    Case(
        "wrong-types",
        body=body(eventType="answer", callId={"nested": ["object"]}, startTime=12),
        status=400,
        content_type=TEXT,
        says="callId",
    ),
    Case(
        "event-type-not-a-string",
        body=body(eventType=["answer"]),
        status=400,
        content_type=TEXT,
        says="eventType must be a string",
    ),
    Case(
        "contradictory-voice-and-messaging",
        body=body(eventType="answer", type="message-delivered"),
        status=400,
        content_type=TEXT,
        says="contradictory payload",
    ),
    Case(
        "json-content-type-with-form-body",
        body=b"eventType=answer&callId=c-1",
        status=400,
        content_type=TEXT,
        says="not a JSON object or array",
    ),
    Case("empty-body", body=b"", status=400, content_type=TEXT, says="the body is empty"),
    Case(
        "not-a-callback",
        body=body(hello="world"),
        status=400,
        content_type=TEXT,
        says="not a Bandwidth callback",
    ),
    Case(
        "get-without-query",
        method="GET",
        headers=dict(AUTH),
        status=400,
        content_type=TEXT,
        says="query string",
    ),
    Case(
        "several-events-one-wanting-bxml",
        body=json.dumps([{"eventType": "answer"}, {"eventType": "disconnect"}]).encode(),
        status=400,
        content_type=TEXT,
        says="one per delivery",
    ),
    Case("put", method="PUT", body=ANSWER, status=405, framework_405=True),
    # ---------------------------------------------------------------- replies refused
    Case(
        "invalid-reply-document",
        body=body(eventType="redirect", callId="c-9"),
        status=500,
        content_type=TEXT,
        says="see the log",
        logs=(
            "answered the 'redirect' event (call 'c-9') with a reply Bandwidth cannot run: "
            '<reply>:2:11: unknown attribute "maxdigits" on <Gather> '
            '(at /Response/Gather/@maxdigits); did you mean "maxDigits"?'
        ),
    ),
    Case(
        "bxml-root-where-response-needed",
        body=body(eventType="transferComplete", callId="c-9"),
        status=500,
        content_type=TEXT,
        logs="<reply>:1:39: a webhook reply needs a <Response> root",
    ),
    Case(
        "verb-not-allowed-in-conference",
        body=body(eventType="conferenceCreated", conferenceId="conf-1"),
        status=500,
        content_type=TEXT,
        logs="(conference 'conf-1') with a reply Bandwidth cannot run: <reply>:1:49: <Gather> is not allowed in conference BXML",
    ),
    Case(
        "verb-not-allowed-in-transfer-answer",
        body=body(eventType="transferAnswer", callId="c-2"),
        status=500,
        content_type=TEXT,
        logs="<Transfer> is not allowed in transfer-answer BXML",
    ),
    Case(
        "none-for-a-bxml-event",
        body=body(eventType="bridgeComplete", callId="c-3"),
        status=500,
        content_type=TEXT,
        logs="returned None for the 'bridgeComplete' event (call 'c-3'), which Bandwidth answers with a <Response> document",
    ),
    Case(
        "no-handler-for-a-bxml-event",
        body=body(eventType="recordingComplete", callId="c-4"),
        status=501,
        content_type=TEXT,
        says="register one with @app.on(RecordingCompleteEvent)",
        logs="no handler for 'recordingComplete' events",
    ),
    Case(
        "handler-raises",
        body=body(eventType="initiate", callId="c-5"),
        status=500,
        content_type=TEXT,
        says="the webhook handler failed",
        logs="raised RuntimeError on the 'initiate' event (call 'c-5')",
    ),
]

CASE_IDS = [case.id for case in CASES]


def check_reply(
    case: Case,
    status: int,
    headers: dict[str, str],
    reply_body: bytes,
    records: list[logging.LogRecord],
    recorder: Recorder,
) -> None:
    """Assert one reply (headers with lowercase names) against its case."""
    if case.framework_405 and status == 405:
        return
    assert status == case.status, (case.id, status, reply_body[:300])
    assert headers.get("content-type") == case.content_type, (case.id, headers)
    if status == 204:
        assert reply_body == b""
    if status == 401:
        assert (
            headers.get("www-authenticate") == 'Basic realm="bandwidth-webhooks", charset="UTF-8"'
        )
    text = reply_body.decode("utf-8")
    assert case.says in text, (case.id, text)
    assert "Traceback" not in text
    assert "secret-connection-string" not in text
    if case.content_type == XML:
        assert text.startswith('<?xml version="1.0" encoding="UTF-8"?><Response>')
    errors = [r for r in records if r.name == "bxmlkit.webhooks" and r.levelno >= logging.ERROR]
    if case.logs:
        assert len(errors) == 1, (case.id, [r.getMessage() for r in errors])
        assert case.logs in errors[0].getMessage(), errors[0].getMessage()
        if case.id == "handler-raises":
            assert errors[0].exc_info is not None
    else:
        assert errors == [], (case.id, [r.getMessage() for r in errors])
    if case.event is not None:
        assert [type(e) for e in recorder.events] == [case.event]
    elif status >= 400:
        assert recorder.events == []

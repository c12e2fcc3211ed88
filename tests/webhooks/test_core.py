"""The framework-free core: every scenario through WebhookApp.handle and handle_async, and
the rules no adapter can show (registration, async handlers, check_reply, limits)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import pytest

from bxmlkit.callbacks import (
    AnswerEvent,
    CallbackEvent,
    CallEvent,
    ConferenceCompletedEvent,
    DisconnectEvent,
    GatherEvent,
    InitiateEvent,
    RecordingAvailableEvent,
)
from bxmlkit.errors import BxmlStructureError, XmlLimitError, XmlSyntaxError
from bxmlkit.models import Bxml, Hangup, Response, SpeakSentence
from bxmlkit.webhooks import (
    MAX_REPLY_BYTES,
    WebhookApp,
    WebhookRequest,
    WebhookResponse,
    check_reply,
)
from tests.webhooks.scenarios import (
    AUTH,
    CASE_IDS,
    CASES,
    JSON_AUTH,
    PASSWORD,
    USER,
    XML,
    Case,
    Recorder,
    body,
    make_app,
)
from tests.webhooks.scenarios import (
    check_reply as check_case,
)


def _request(case: Case) -> WebhookRequest:
    return WebhookRequest(case.method, "/callbacks", case.query, case.headers, case.body)


def _headers(response: WebhookResponse) -> dict[str, str]:
    return {name.lower(): value for name, value in response.headers}


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_every_scenario_through_handle(case: Case, caplog: pytest.LogCaptureFixture) -> None:
    recorder = Recorder()
    app = make_app(recorder)
    with caplog.at_level(logging.INFO, logger="bxmlkit.webhooks"):
        response = app.handle(_request(case))
    check_case(case, response.status, _headers(response), response.body, caplog.records, recorder)
    if case.framework_405:
        assert response.status == 405
        assert response.header("Allow") == "GET, POST"


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_every_scenario_through_handle_async(case: Case, caplog: pytest.LogCaptureFixture) -> None:
    recorder = Recorder()
    app = make_app(recorder)
    with caplog.at_level(logging.INFO, logger="bxmlkit.webhooks"):
        response = asyncio.run(app.handle_async(_request(case)))
    check_case(case, response.status, _headers(response), response.body, caplog.records, recorder)


def _answer(app: WebhookApp, payload: bytes = b'{"eventType": "answer"}') -> WebhookResponse:
    return app.handle(WebhookRequest("POST", "/", "", AUTH, payload))


# --------------------------------------------------------------------------- registration


def test_the_most_specific_handler_wins() -> None:
    app = WebhookApp(username=USER, password=PASSWORD)
    seen: list[str] = []

    @app.on(CallbackEvent)
    def anything(event: CallbackEvent) -> None:
        seen.append("anything:" + event.declared_type)

    @app.on(CallEvent)
    def call_events(event: CallEvent) -> Response:
        seen.append("call:" + event.declared_type)
        return Response(verbs=[Hangup()])

    @app.on(AnswerEvent)
    def answer(event: AnswerEvent) -> Response:
        seen.append("answer")
        return Response(verbs=[SpeakSentence(content=["hi"])])

    assert app.handler_for(AnswerEvent) is answer
    assert app.handler_for(GatherEvent) is call_events
    assert app.handler_for(ConferenceCompletedEvent) is anything
    assert _answer(app).status == 200
    assert _answer(app, b'{"eventType": "gather"}').body.endswith(b"<Response><Hangup/></Response>")
    assert _answer(app, b'{"eventType": "conferenceCompleted"}').status == 204
    assert seen == ["answer", "call:gather", "anything:conferenceCompleted"]


def test_one_handler_per_event_class() -> None:
    app = WebhookApp(username=USER, password=PASSWORD)

    @app.on(AnswerEvent, InitiateEvent)
    def first(event: AnswerEvent | InitiateEvent) -> None: ...

    with pytest.raises(ValueError, match=r"AnswerEvent already has a handler \(.*first\)"):

        @app.on(AnswerEvent)
        def second(event: AnswerEvent) -> None: ...


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        pytest.param((), "at least one event class", id="nothing"),
        pytest.param(("answer",), "not 'answer'", id="a-name"),
        pytest.param((Response,), "event classes from bxmlkit.callbacks", id="a-model"),
    ],
)
def test_on_takes_event_classes(arguments: tuple[Any, ...], message: str) -> None:
    app = WebhookApp(username=USER, password=PASSWORD)
    with pytest.raises(TypeError, match=message):
        app.on(*arguments)


def test_credentials_come_in_pairs_and_their_absence_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with pytest.raises(ValueError, match="both username and password"):
        WebhookApp(username=USER)
    with caplog.at_level(logging.WARNING, logger="bxmlkit.webhooks"):
        app = WebhookApp()
    assert "without Basic auth" in caplog.text
    assert repr(app) == "<WebhookApp no auth, handlers for nothing>"
    # Without credentials configured, deliveries are not challenged.
    assert (
        app.handle(WebhookRequest("POST", "/", "", {}, b'{"eventType": "disconnect"}')).status
        == 204
    )


def test_repr_names_handlers_but_never_the_password() -> None:
    app = make_app()
    assert "AnswerEvent" in repr(app)
    assert PASSWORD not in repr(app) and USER not in repr(app)


# --------------------------------------------------------------------------- replies


def test_a_document_returned_for_an_asynchronous_event_is_not_sent(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = WebhookApp(username=USER, password=PASSWORD)

    @app.on(RecordingAvailableEvent)
    def available(event: RecordingAvailableEvent) -> Response:
        return Response(verbs=[Hangup()])

    with caplog.at_level(logging.WARNING, logger="bxmlkit.webhooks"):
        response = _answer(app, b'{"eventType": "recordingAvailable"}')
    assert (response.status, response.body) == (204, b"")
    assert "Bandwidth ignores any reply to it" in caplog.text


def test_optional_bxml_events_may_return_nothing() -> None:
    app = WebhookApp(username=USER, password=PASSWORD)
    assert _answer(app, b'{"eventType": "conferenceCreated"}').status == 204  # no handler
    assert _answer(app, b'{"eventType": "referComplete"}').status == 204


def test_bytes_replies_are_checked_and_sent_canonically() -> None:
    app = WebhookApp(username=USER, password=PASSWORD)

    @app.on(AnswerEvent)
    def answer(event: AnswerEvent) -> bytes:
        return b"<Response>\n  <Hangup />\n</Response>"

    response = _answer(app)
    assert response.status == 200
    assert response.content_type == XML
    assert response.body == b'<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>'


def test_a_reply_of_the_wrong_type_is_a_located_server_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = WebhookApp(username=USER, password=PASSWORD)

    @app.on(AnswerEvent)
    def answer(event: AnswerEvent) -> Any:
        return {"verbs": []}

    with caplog.at_level(logging.ERROR, logger="bxmlkit.webhooks"):
        assert _answer(app).status == 500
    assert (
        "returns a bxmlkit.models.Response, BXML as str or bytes, or None; not dict" in caplog.text
    )


def test_a_sync_entry_point_refuses_an_async_handler(caplog: pytest.LogCaptureFixture) -> None:
    app = WebhookApp(username=USER, password=PASSWORD)

    @app.on(AnswerEvent)
    async def answer(event: AnswerEvent) -> Response:
        return Response(verbs=[Hangup()])

    with caplog.at_level(logging.ERROR, logger="bxmlkit.webhooks"):
        assert _answer(app).status == 500
    assert "is async; it needs an async adapter" in caplog.text


def test_handle_async_awaits_async_handlers_and_runs_sync_ones_through_run_sync() -> None:
    app = WebhookApp(username=USER, password=PASSWORD)
    ran_through: list[str] = []

    @app.on(AnswerEvent)
    async def answer(event: AnswerEvent) -> Response:
        await asyncio.sleep(0)
        return Response(verbs=[SpeakSentence(content=["async"])])

    @app.on(DisconnectEvent)
    def disconnect(event: DisconnectEvent) -> None:
        ran_through.append("disconnect")

    async def run_sync(function: Callable[[], Any]) -> Any:
        ran_through.append("run_sync")
        return function()

    async def deliver(payload: bytes) -> WebhookResponse:
        request = WebhookRequest("POST", "/", "", JSON_AUTH, payload)
        return await app.handle_async(request, run_sync=run_sync)

    answered = asyncio.run(deliver(b'{"eventType": "answer"}'))
    assert answered.body.endswith(b"<SpeakSentence>async</SpeakSentence></Response>")
    assert asyncio.run(deliver(b'{"eventType": "disconnect"}')).status == 204
    assert ran_through == ["run_sync", "disconnect"]


# --------------------------------------------------------------------------- limits


def test_the_body_limit_holds_without_a_content_length() -> None:
    app = WebhookApp(username=USER, password=PASSWORD, max_body=100)
    payload = body(eventType="disconnect", tag="x" * 200)
    response = app.handle(WebhookRequest("POST", "/", "", AUTH, payload))
    assert response.status == 413
    assert len(payload) == 238
    assert response.body == b"payload too large: 238 bytes; the limit is 100 bytes\n"


@pytest.mark.parametrize(
    ("length", "status"),
    [("101", 413), ("abc", 400), ("-1", 400), ("100", 204)],
)
def test_content_length_is_checked_before_the_body_is_read(length: str, status: int) -> None:
    app = WebhookApp(username=USER, password=PASSWORD, max_body=100)
    headers = {**AUTH, "Content-Length": length}
    refused = app.precheck("POST", headers)
    assert (refused.status if refused else 204) == status


def test_unauthenticated_requests_are_refused_before_their_size_is_considered() -> None:
    app = WebhookApp(username=USER, password=PASSWORD, max_body=100)
    refused = app.precheck("POST", {"Content-Length": "100000"})
    assert refused is not None and refused.status == 401


def test_max_body_and_realm_are_checked() -> None:
    with pytest.raises(ValueError, match="max_body"):
        WebhookApp(username=USER, password=PASSWORD, max_body=0)
    with pytest.raises(ValueError, match="realm"):
        WebhookApp(username=USER, password=PASSWORD, realm='a"b')


def test_a_non_utf8_query_string_is_a_bad_request() -> None:
    app = make_app()
    response = app.handle(WebhookRequest("GET", "/", b"eventType=answer&tag=\xff", AUTH))
    assert response.status == 400
    assert b"query string is not UTF-8" in response.body


def test_request_headers_are_normalised() -> None:
    request = WebhookRequest("post", "/", "", [(b"Content-Type", b"application/json")], b"{}")
    assert request.method == "POST"
    assert request.headers == (("content-type", "application/json"),)
    assert request.header("CONTENT-TYPE") == "application/json"
    assert request.header("authorization") is None


# --------------------------------------------------------------------------- check_reply


def test_check_reply_returns_the_bytes_to_send() -> None:
    assert check_reply(Response(verbs=[Hangup()])) == (
        b'<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>'
    )


def test_check_reply_locates_a_bxml_root_in_text() -> None:
    with pytest.raises(BxmlStructureError) as caught:
        check_reply("<?xml version='1.0'?>\n\n  <Bxml><Hangup/></Bxml>")
    assert (caught.value.line, caught.value.column, caught.value.path) == (3, 3, "/Bxml")
    assert str(caught.value).startswith("<reply>:3:3: a webhook reply needs a <Response> root")
    with pytest.raises(BxmlStructureError, match="wrap the same verbs in Response"):
        check_reply(Bxml(verbs=[Hangup()]))


def test_check_reply_refuses_malformed_text_with_its_position() -> None:
    with pytest.raises(XmlSyntaxError) as caught:
        check_reply("<Response>\n<Hangup>\n</Response>")
    assert caught.value.source == "<reply>"
    assert caught.value.line == 3


def test_check_reply_refuses_documents_bandwidth_will_not_run() -> None:
    sentence = "x" * 2000
    big = Response(
        verbs=[SpeakSentence(content=[sentence]) for _ in range(MAX_REPLY_BYTES // 2000 + 1)]
    )
    with pytest.raises(XmlLimitError, match="Bandwidth executes at most 64 KB"):
        check_reply(big)


def test_check_reply_applies_the_event_context() -> None:
    from bxmlkit.callbacks import ConferenceMemberExitEvent
    from bxmlkit.models import Gather

    reply = Response(verbs=[SpeakSentence(content=["Bye"]), Gather(gather_url="/x")])
    assert check_reply(reply, AnswerEvent)  # fine on a call
    with pytest.raises(BxmlStructureError, match="not allowed in conference BXML") as caught:
        check_reply(reply, ConferenceMemberExitEvent)
    assert (caught.value.line, caught.value.column) == (1, 83)  # 38 (declaration) + 10 + 34 + 1


def test_read_limited_loops_over_short_reads_and_stops_past_the_limit() -> None:
    from bxmlkit.webhooks._http import read_limited

    class Trickle:
        """A stream that hands out at most 3 bytes per read."""

        def __init__(self, data: bytes) -> None:
            self.data = data
            self.asked: list[int] = []

        def read(self, size: int) -> bytes:
            self.asked.append(size)
            chunk, self.data = self.data[: min(size, 3)], self.data[min(size, 3) :]
            return chunk

    short = Trickle(b"0123456789")
    assert read_limited(short.read, 100) == b"0123456789"
    long = Trickle(b"x" * 1000)
    assert read_limited(long.read, 10) == b"x" * 11  # limit + 1: enough to refuse it
    assert long.asked == [11, 8, 5, 2] and len(long.data) == 989

"""The Starlette adapter, in FastAPI and in bare Starlette, through Starlette's TestClient."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from starlette.applications import Starlette
from starlette.testclient import TestClient

from bxmlkit.callbacks import AnswerEvent, DisconnectEvent
from bxmlkit.models import Response, SpeakSentence
from bxmlkit.webhooks import WebhookApp
from bxmlkit.webhooks.starlette import endpoint, route
from tests.webhooks.scenarios import (
    AUTH,
    CASE_IDS,
    CASES,
    JSON_AUTH,
    PASSWORD,
    PATH,
    USER,
    Case,
    Recorder,
    check_reply,
    make_app,
)


def _fastapi(app: WebhookApp) -> FastAPI:
    api = FastAPI()
    api.add_route(PATH, endpoint(app), methods=["GET", "POST"])
    return api


def _send(client: TestClient, case: Case) -> tuple[int, dict[str, str], bytes]:
    reply = client.request(
        case.method,
        PATH + ("?" + case.query if case.query else ""),
        headers=case.headers,
        content=case.body,
    )
    return reply.status_code, {k.lower(): v for k, v in reply.headers.items()}, reply.content


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_fastapi_scenario(case: Case, caplog: pytest.LogCaptureFixture) -> None:
    recorder = Recorder()
    with (
        TestClient(_fastapi(make_app(recorder))) as client,
        caplog.at_level(logging.INFO, logger="bxmlkit.webhooks"),
    ):
        status, headers, body = _send(client, case)
    headers.pop("content-length", None)
    check_reply(case, status, headers, body, caplog.records, recorder)


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_starlette_scenario(case: Case, caplog: pytest.LogCaptureFixture) -> None:
    recorder = Recorder()
    server = Starlette(routes=[route(make_app(recorder), PATH)])
    with TestClient(server) as client, caplog.at_level(logging.INFO, logger="bxmlkit.webhooks"):
        status, headers, body = _send(client, case)
    check_reply(case, status, headers, body, caplog.records, recorder)


def test_async_handlers_are_awaited_and_sync_ones_leave_the_event_loop() -> None:
    app = WebhookApp(username=USER, password=PASSWORD)
    threads: list[str] = []

    @app.on(AnswerEvent)
    async def answer(event: AnswerEvent) -> Response:
        await asyncio.sleep(0)
        threads.append("answer:" + threading.current_thread().name)
        return Response(verbs=[SpeakSentence(content=["from a coroutine"])])

    @app.on(DisconnectEvent)
    def disconnect(event: DisconnectEvent) -> None:
        threads.append("disconnect:" + threading.current_thread().name)

    with TestClient(_fastapi(app)) as client:
        answered = client.post(PATH, headers=JSON_AUTH, content=b'{"eventType": "answer"}')
        ended = client.post(PATH, headers=JSON_AUTH, content=b'{"eventType": "disconnect"}')
        loop_thread = client.portal.call(lambda: threading.current_thread().name)  # type: ignore[union-attr]
    assert answered.status_code == 200
    assert answered.headers["content-type"] == "application/xml"
    assert b"<SpeakSentence>from a coroutine</SpeakSentence>" in answered.content
    assert ended.status_code == 204
    assert threads[0] == "answer:" + loop_thread
    assert threads[1].startswith("disconnect:") and threads[1] != "disconnect:" + loop_thread


def test_a_streamed_body_is_not_read_past_the_limit() -> None:
    """No Content-Length (chunked): the adapter stops reading one byte past max_body."""
    sent: list[int] = []

    def chunks() -> Iterator[bytes]:
        yield b'{"eventType": "disconnect", "tag": "'
        for _ in range(100):  # 100 x 10 KB, far past the 64 KiB limit
            sent.append(1)
            yield b"x" * 10_000
        yield b'"}'

    with TestClient(Starlette(routes=[route(make_app(Recorder()), PATH)])) as client:
        reply = client.post(PATH, headers=AUTH, content=chunks())
    assert reply.status_code == 413
    assert b"the limit is 65536 bytes" in reply.content


def test_route_answers_get_deliveries_in_bare_starlette() -> None:
    with TestClient(Starlette(routes=[route(make_app(Recorder()), "/x")])) as client:
        reply = client.get("/x?eventType=answer&from=%2B15551112222", headers=AUTH)
    assert reply.status_code == 200
    assert b"Hello +15551112222" in reply.content

"""Real frameworks in-process (Flask over WSGI, FastAPI over ASGI) and a loopback server."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from fastapi import FastAPI, Request
from fastapi.responses import Response as HttpResponse
from flask import Flask
from flask import request as flask_request

from bxmlkit.callbacks import GatherEvent, parse_callback
from bxmlkit.codec import to_xml
from bxmlkit.models import Gather, Hangup, Response, SpeakSentence
from bxmlkit.sim import Simulator, press, silence
from tests.sim.apps import Recorder, bxml


def menu() -> bytes:
    return to_xml(
        Response(
            verbs=[
                Gather(
                    prompts=[SpeakSentence(content=["Press 1 or 2."])],
                    gather_url="/gather",
                    max_digits=1,
                )
            ]
        )
    )


def answer(digits: str) -> bytes:
    text = {"1": "Sales.", "2": "Support."}.get(digits, "Goodbye.")
    return to_xml(Response(verbs=[SpeakSentence(content=[text]), Hangup()]))


def flask_app() -> Flask:
    app = Flask(__name__)

    @app.post("/initiate")
    def initiate() -> tuple[bytes, int, dict[str, str]]:
        return menu(), 200, {"Content-Type": "application/xml"}

    @app.post("/gather")
    def gather() -> tuple[bytes, int, dict[str, str]]:
        event = parse_callback(flask_request.get_data())
        assert isinstance(event, GatherEvent)
        return answer(event.digits or ""), 200, {"Content-Type": "application/xml"}

    @app.post("/disconnect")
    def disconnect() -> tuple[str, int]:
        return "", 204

    return app


def fastapi_app() -> FastAPI:
    app = FastAPI()

    @app.post("/initiate")
    async def initiate() -> HttpResponse:
        return HttpResponse(menu(), media_type="application/xml")

    @app.post("/gather")
    async def gather(request: Request) -> HttpResponse:
        event = parse_callback(await request.body())
        assert isinstance(event, GatherEvent)
        return HttpResponse(answer(event.digits or ""), media_type="application/xml")

    @app.post("/disconnect")
    async def disconnect() -> HttpResponse:
        return HttpResponse(status_code=204)

    return app


def test_a_flask_app_runs_in_process() -> None:
    sim = Simulator(app=flask_app())
    result = sim.call(initiate_url="/initiate", disconnect_url="/disconnect", script=[press("2")])
    assert result.heard == ["Press 1 or 2.", "Support."]
    assert [d.status for d in result.webhooks] == [200, 200, 204]
    result.assert_ok()
    timeout = sim.call(initiate_url="/initiate", script=[silence()])
    assert timeout.heard == ["Press 1 or 2.", "Goodbye."]


def test_a_fastapi_app_runs_with_acall_and_call() -> None:
    sim = Simulator(asgi=fastapi_app())
    result = asyncio.run(
        sim.acall(initiate_url="/initiate", disconnect_url="/disconnect", script=[press("1")])
    )
    assert result.heard == ["Press 1 or 2.", "Sales."]
    result.assert_ok()
    assert Simulator(app=fastapi_app()).is_async  # an ASGI app given as app= is recognised
    again = sim.call(initiate_url="/initiate", disconnect_url="/disconnect", script=[press("1")])
    assert again.to_text() == result.to_text()


def test_call_inside_a_running_loop_asks_for_acall() -> None:
    async def inside() -> None:
        with pytest.raises(RuntimeError, match="acall"):
            Simulator(asgi=fastapi_app()).call(initiate_url="/initiate")

    asyncio.run(inside())


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def loopback() -> Iterator[tuple[str, Recorder]]:
    app = Recorder(
        {
            "/initiate": lambda p: bxml(
                '<Gather gatherUrl="/gather" maxDigits="1"><SpeakSentence>Hi.</SpeakSentence></Gather>'
            ),
            "/gather": lambda p: bxml(f"<SpeakSentence>Got {p['digits']}.</SpeakSentence>"),
        }
    )
    server: WSGIServer = make_server("127.0.0.1", 0, app, handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", app
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_a_running_server_at_a_url(loopback: tuple[str, Recorder]) -> None:
    url, app = loopback
    with Simulator(url=url) as sim:
        result = sim.call(initiate_url="/initiate", script=[press("7")])
    assert result.heard == ["Hi.", "Got 7."]
    assert result.webhooks[1].url == f"{url}/gather"
    assert app.paths() == ["/initiate", "/gather"]
    result.assert_ok()


def test_a_url_that_refuses_connections_is_a_callback_error() -> None:
    with Simulator(url="http://127.0.0.1:9") as sim:
        result = sim.call(initiate_url="/initiate")
    assert result.cause == "callback-error"

"""The Flask adapter, driven through Flask's own test client."""

from __future__ import annotations

import logging

import pytest
from flask import Flask

from bxmlkit.webhooks.flask import blueprint, view
from tests.webhooks.scenarios import (
    AUTH,
    CASE_IDS,
    CASES,
    PATH,
    Case,
    Recorder,
    check_reply,
    make_app,
)


def _server(recorder: Recorder) -> Flask:
    server = Flask(__name__)
    server.register_blueprint(blueprint(make_app(recorder), PATH))
    return server


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_flask_scenario(case: Case, caplog: pytest.LogCaptureFixture) -> None:
    recorder = Recorder()
    client = _server(recorder).test_client()
    with caplog.at_level(logging.INFO, logger="bxmlkit.webhooks"):
        reply = client.open(
            PATH, method=case.method, query_string=case.query, headers=case.headers, data=case.body
        )
    headers = {name.lower(): value for name, value in reply.headers.items()}
    check_reply(case, reply.status_code, headers, reply.get_data(), caplog.records, recorder)


def test_flask_view_routed_by_hand_and_two_blueprints() -> None:
    app = make_app()
    server = Flask(__name__)
    server.add_url_rule("/hand", view_func=view(app), methods=["GET", "POST"])
    server.register_blueprint(blueprint(app, "/a", name="first"))
    server.register_blueprint(blueprint(app, "/b", name="second"))
    client = server.test_client()
    for path in ("/hand", "/a", "/b"):
        reply = client.get(path, query_string="eventType=disconnect", headers=AUTH)
        assert reply.status_code == 204, path
        assert "Content-Type" not in reply.headers


def test_flask_body_is_not_read_past_the_limit() -> None:
    """A body without Content-Length (a stream) is read only up to max_body + 1 bytes."""
    import io

    stream = io.BytesIO(b'{"eventType": "disconnect", "tag": "' + b"x" * 1_000_000 + b'"}')
    client = _server(Recorder()).test_client()
    reply = client.post(
        PATH,
        headers={**AUTH, "Transfer-Encoding": "chunked"},
        input_stream=stream,
    )
    assert reply.status_code == 413
    assert stream.tell() < 200_000  # max_body is 64 KiB: never the whole 1 MB

"""The example servers in examples/webhooks/, imported and driven by each framework's test
client; the Flask and Django ones also through their own command lines."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from tests.webhooks.scenarios import basic

EXAMPLES = Path(__file__).parents[2] / "examples" / "webhooks"
USER, PASSWORD = "example-hook", "example secret"
AUTH = {"Authorization": basic(USER, PASSWORD)}

#: send(method, target, body, headers) -> (status, content type or "", body)
Send = Callable[[str, str, bytes, dict[str, str]], tuple[int, str, bytes]]


def _import(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.setenv("BW_WEBHOOK_USERNAME", USER)
    monkeypatch.setenv("BW_WEBHOOK_PASSWORD", PASSWORD)
    monkeypatch.syspath_prepend(str(EXAMPLES))
    for module in (name, "ivr"):
        monkeypatch.delitem(sys.modules, module, raising=False)
    return importlib.import_module(name)


def _call_flow(send: Send, caplog: pytest.LogCaptureFixture) -> None:
    """A caller presses 1, then hangs up; plus a delivery without credentials."""
    json_auth = {**AUTH, "Content-Type": "application/json"}
    answer = json.dumps({"eventType": "answer", "callId": "c-1"}).encode()
    status, content_type, body = send("POST", "/callbacks", answer, json_auth)
    assert (status, content_type) == (200, "application/xml")
    assert b'<Gather gatherUrl="/callbacks" maxDigits="1" firstDigitTimeout="5">' in body

    status, content_type, body = send("GET", "/callbacks?eventType=gather&digits=1", b"", AUTH)
    assert (status, content_type) == (200, "application/xml")
    assert b"<SpeakSentence>Connecting you to sales. Goodbye.</SpeakSentence><Hangup/>" in body

    status, _, body = send(
        "POST", "/callbacks", json.dumps({"eventType": "gather", "digits": "9"}).encode(), json_auth
    )
    assert status == 200 and b"not on the menu" in body

    ended = json.dumps({"eventType": "disconnect", "callId": "c-1", "cause": "hangup"}).encode()
    with caplog.at_level("INFO", logger="ivr"):
        status, content_type, body = send("POST", "/callbacks", ended, json_auth)
    assert (status, body) == (204, b"")
    assert "call c-1 ended: hangup" in caplog.text

    status, _, _ = send("POST", "/callbacks", answer, {"Content-Type": "application/json"})
    assert status == 401


def test_flask_example(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    client = _import("flask_app", monkeypatch).create_app().test_client()

    def send(
        method: str, target: str, body: bytes, headers: dict[str, str]
    ) -> tuple[int, str, bytes]:
        reply = client.open(target, method=method, data=body, headers=headers)
        return reply.status_code, reply.headers.get("Content-Type", ""), reply.get_data()

    _call_flow(send, caplog)


def test_fastapi_example(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    from starlette.testclient import TestClient

    with TestClient(_import("fastapi_app", monkeypatch).create_app()) as client:

        def send(
            method: str, target: str, body: bytes, headers: dict[str, str]
        ) -> tuple[int, str, bytes]:
            reply = client.request(method, target, content=body, headers=headers)
            return reply.status_code, reply.headers.get("content-type", ""), reply.content

        _call_flow(send, caplog)
        assert client.get("/healthz").json() == {"status": "ok"}


@pytest.mark.usefixtures("django_settings")
def test_django_example(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    from django.test import Client, override_settings

    module = _import("django_app", monkeypatch)
    client = Client()

    def send(
        method: str, target: str, body: bytes, headers: dict[str, str]
    ) -> tuple[int, str, bytes]:
        content_type = headers.get("Content-Type", "application/octet-stream")
        others = {k: v for k, v in headers.items() if k != "Content-Type"}
        reply = client.generic(method, target, data=body, content_type=content_type, headers=others)
        return reply.status_code, reply.headers.get("Content-Type", ""), reply.content

    with override_settings(ROOT_URLCONF=module):
        _call_flow(send, caplog)


def test_examples_refuse_to_start_without_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(EXAMPLES))
    monkeypatch.delitem(sys.modules, "ivr", raising=False)
    ivr = importlib.import_module("ivr")
    with pytest.raises(SystemExit, match="set BW_WEBHOOK_USERNAME and BW_WEBHOOK_PASSWORD"):
        ivr.app_from_environment()


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BW_WEBHOOK_USERNAME": USER, "BW_WEBHOOK_PASSWORD": PASSWORD}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, timeout=60, check=False
    )


def test_the_flask_example_runs_under_the_flask_command() -> None:
    done = _run("-m", "flask", "--app", str(EXAMPLES / "flask_app.py"), "routes")
    assert done.returncode == 0, done.stderr
    assert "bandwidth_webhooks.webhook" in done.stdout
    assert "/callbacks" in done.stdout


def test_the_django_example_runs_as_a_script() -> None:
    done = _run(str(EXAMPLES / "django_app.py"), "check")
    assert done.returncode == 0, done.stderr
    assert "System check identified no issues" in done.stdout

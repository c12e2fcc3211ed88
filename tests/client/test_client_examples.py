"""examples/webhook_server.py and examples/four_jobs.py, exercised against the fake server."""

from __future__ import annotations

import importlib.util
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fake_bandwidth import ACCOUNT, CLIENT_ID, CLIENT_SECRET, FakeBandwidth

from bxmlkit.callbacks import AnswerEvent, DisconnectEvent, InitiateEvent
from bxmlkit.codec import from_xml
from bxmlkit.models import Gather, Response, SpeakSentence

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
HOOK = ("hook-user", "hook-pa55-word")


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"example_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


webhook_server = _load("webhook_server")
four_jobs = _load("four_jobs")

INITIATE = {
    "eventType": "initiate",
    "eventTime": "2019-06-20T15:56:11.554Z",
    "accountId": "55555555",
    "applicationId": "7fc9698a-b04a-468b-9e8f-91238c0d0086",
    "from": "+15551112222",
    "to": "+15553334444",
    "direction": "inbound",
    "callId": "c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d",
    "callUrl": "https://voice.bandwidth.com/api/v2/accounts/55555555/calls/c-95ac8d6e",
    "startTime": "2019-06-20T15:54:22.234Z",
}


@pytest.fixture
def hook_server() -> Iterator[Any]:
    server = webhook_server.make_server("127.0.0.1", 0, username=HOOK[0], password=HOOK[1])
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_webhook_answers_an_incoming_call_with_bxml(hook_server: Any, fake: FakeBandwidth) -> None:
    reply = fake.deliver(f"{hook_server.url}/callbacks/initiate", INITIATE, auth=HOOK)
    assert reply.status == 200
    assert reply.content_type.startswith("application/xml")
    document = from_xml(reply.body)
    assert isinstance(document, Response)
    assert isinstance(document.verbs[0], SpeakSentence)
    assert isinstance(document.verbs[1], Gather)
    assert document.verbs[1].username == HOOK[0]  # the gather webhook carries the credentials
    assert len(document.verbs) == 2  # nothing after a Gather with a gatherUrl can run
    assert isinstance(hook_server.events[0], InitiateEvent)


def test_webhook_answer_delivered_as_a_get_query(hook_server: Any, fake: FakeBandwidth) -> None:
    event = {**INITIATE, "eventType": "answer", "direction": "outbound"}
    reply = fake.deliver(f"{hook_server.url}/callbacks/answer", event, method="GET", auth=HOOK)
    assert reply.status == 200
    assert isinstance(from_xml(reply.body), Response)
    assert isinstance(hook_server.events[0], AnswerEvent)


def test_webhook_reads_back_gathered_digits(hook_server: Any, fake: FakeBandwidth) -> None:
    event = {**INITIATE, "eventType": "gather", "digits": "7", "terminatingDigit": ""}
    reply = fake.deliver(f"{hook_server.url}/callbacks/gather", event, auth=HOOK)
    assert reply.status == 200
    assert b"You pressed 7" in reply.body


@pytest.mark.parametrize(
    "auth",
    [
        pytest.param(None, id="no-credentials"),
        pytest.param((HOOK[0], "wrong"), id="wrong-password"),
        pytest.param(("someone", HOOK[1]), id="wrong-user"),
    ],
)
def test_webhook_refuses_bad_credentials(
    auth: tuple[str, str] | None, hook_server: Any, fake: FakeBandwidth
) -> None:
    reply = fake.deliver(f"{hook_server.url}/callbacks/initiate", INITIATE, auth=auth)
    assert reply.status == 401
    assert hook_server.events == []


def test_webhook_says_204_when_no_bxml_is_expected(hook_server: Any, fake: FakeBandwidth) -> None:
    event = {**INITIATE, "eventType": "disconnect", "cause": "hangup"}
    reply = fake.deliver(f"{hook_server.url}/callbacks/disconnect", event, auth=HOOK)
    assert (reply.status, reply.body) == (204, b"")
    assert isinstance(hook_server.events[0], DisconnectEvent)


def test_webhook_refuses_contradictory_payloads(hook_server: Any, fake: FakeBandwidth) -> None:
    event = {**INITIATE, "eventType": "recordingAvailable", "channels": "two"}
    reply = fake.deliver(f"{hook_server.url}/callbacks/x", event, auth=HOOK)
    assert reply.status == 400
    assert b"channels" in reply.body


def test_webhook_needs_credentials() -> None:
    with pytest.raises(ValueError, match="BW_WEBHOOK_USERNAME"):
        webhook_server.make_server("127.0.0.1", 0, username="", password="")


def test_webhook_main_without_credentials(capsys: pytest.CaptureFixture[str]) -> None:
    assert webhook_server.main(["--port", "0"]) == 2
    assert "BW_WEBHOOK_USERNAME" in capsys.readouterr().err


# --------------------------------------------------------------------------- four jobs


@pytest.fixture
def platform() -> Iterator[FakeBandwidth]:
    """A fake that also calls back, as Bandwidth does: answer, then disconnect."""
    server = FakeBandwidth(auto_callbacks=True).start()
    try:
        yield server
    finally:
        server.stop()
    assert not server.errors, server.errors


def test_four_jobs_against_the_fake(
    platform: FakeBandwidth, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BW_ACCOUNT_ID", ACCOUNT)
    monkeypatch.setenv("BW_CLIENT_ID", CLIENT_ID)
    monkeypatch.setenv("BW_CLIENT_SECRET", CLIENT_SECRET)
    monkeypatch.setenv("BW_TOKEN_URL", platform.token_url)
    monkeypatch.setenv("BW_VOICE_APPLICATION_ID", "04e88489-df02-4e34-a0ee-27a91849555f")
    monkeypatch.setenv("BW_MESSAGING_APPLICATION_ID", "93de2206-9669-4e07-948d-329f4b722ee2")
    monkeypatch.setenv("BW_FROM_NUMBER", "+15551112222")
    status = four_jobs.main(
        ["--base-url", platform.voice_url, "--to", "+15553334444", "--callback-timeout", "5"]
    )
    out = capsys.readouterr().out
    assert status == 0, out
    lines = out.splitlines()
    assert lines[0].startswith("job 1: sent message ")
    assert lines[1].startswith("job 2: created call c-")
    assert lines[2].startswith("job 4: received answer callback for c-")
    assert lines[3].startswith("job 3: spoke on c-")
    assert lines[4] == "job 4: received disconnect callback (cause hangup)"
    # What the platform saw: one token, one message, one call, one BXML replacement.
    assert [(r.method, r.path.rsplit("/", 1)[-1]) for r in platform.requests] == [
        ("POST", "token"),
        ("POST", "messages"),
        ("POST", "calls"),
        ("PUT", "bxml"),
    ]
    (bxml,) = next(iter(platform.bxml.values()))
    assert b"<SpeakSentence>This call was placed with bxmlkit. Goodbye!</SpeakSentence>" in bxml
    # The example returns as soon as its server has the disconnect callback; the fake records
    # the delivery when the answer reaches it, a moment later (a race that CI once lost).
    assert [d.status for d in platform.wait_for_deliveries(2)] == [200, 204]


def test_four_jobs_reports_missing_settings(capsys: pytest.CaptureFixture[str]) -> None:
    assert four_jobs.main([]) == 2
    assert "--voice-application" in capsys.readouterr().err

"""The simulator's payloads and its sync/async table, pinned to the callback reference.

``tests/callbacks/data/events.json`` is extracted from the shared reference
(``voice-callbacks-v2.json``): every event's field names and whether its reply is BXML.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bxmlkit.callbacks import VOICE_EVENTS
from bxmlkit.sim import Simulator, callee, hangup, press, say, silence
from bxmlkit.sim.payloads import FIELDS, SPEECH_FIELDS
from tests.sim.apps import Recorder, bxml

REFERENCE = json.loads(
    (Path(__file__).parents[1] / "callbacks" / "data" / "events.json").read_text()
)["voice"]
BY_TYPE: dict[str, dict[str, Any]] = {e["eventType"]: e for e in REFERENCE}


@pytest.mark.parametrize("event_type", sorted(FIELDS))
def test_every_field_the_simulator_sends_is_a_reference_field(event_type: str) -> None:
    reference = BY_TYPE[event_type]["fields"]
    assert set(FIELDS[event_type]) <= set(reference), set(FIELDS[event_type]) - set(reference)
    assert len(FIELDS[event_type]) == len(set(FIELDS[event_type]))


def test_the_simulator_covers_every_event_a_bxml_verb_can_cause() -> None:
    # machineDetectionComplete (createCall), conferenceRedirect (REST), the rejected/available
    # real-time events (service-side) are not caused by BXML the simulator runs
    not_from_bxml = {
        "machineDetectionComplete",
        "conferenceRedirect",
        "mediaStreamRejected",
        "realTimeTranscriptionRejected",
        "realTimeTranscriptionAvailable",
    }
    assert set(BY_TYPE) - set(FIELDS) == not_from_bxml


@pytest.mark.parametrize("event_type", sorted(BY_TYPE))
def test_the_sync_async_table_is_the_reference(event_type: str) -> None:
    cls = VOICE_EVENTS[event_type]
    assert cls.expects_bxml == BY_TYPE[event_type]["expects_bxml"]
    assert cls.bxml_optional == BY_TYPE[event_type]["bxml_optional"]


def _everything() -> Recorder:
    """An app whose flow causes nearly every event, replying BXML to all of them."""
    reply = bxml("<SpeakSentence>ok</SpeakSentence>")
    routes: dict[str, Any] = {
        "/i": lambda p: bxml(
            '<StartGather dtmfUrl="/any"/><StartRecording recordingAvailableUrl="/any" '
            'transcribe="true" transcriptionAvailableUrl="/any"/>'
            '<StartStream name="s" destination="wss://x.example" streamEventUrl="/any"/>'
            '<StartTranscription name="t" transcriptionEventUrl="/any"/>'
            '<Pause duration="2"/><Gather gatherUrl="/g" maxDigits="1" input="dtmf_speech" partialResultCallback="/any"/>'
        ),
        "/g": lambda p: bxml(
            '<Record recordCompleteUrl="/r" recordingAvailableUrl="/any" transcribe="true" '
            'transcriptionAvailableUrl="/any"/>'
        ),
        "/r": lambda p: bxml('<Redirect redirectUrl="/t"/>'),
        "/t": lambda p: bxml(
            '<Transfer transferCompleteUrl="/b"><PhoneNumber transferAnswerUrl="/any" '
            'transferDisconnectUrl="/any">+15554443333</PhoneNumber></Transfer>'
        ),
        "/b": lambda p: bxml(
            '<Bridge bridgeCompleteUrl="/rf" bridgeTargetCompleteUrl="/any">c-1</Bridge>'
        ),
        "/rf": lambda p: bxml(
            '<Refer referCompleteUrl="/c"><SipUri>sip:x@y.example</SipUri></Refer>'
        ),
        "/c": lambda p: bxml('<Conference conferenceEventUrl="/conf">room</Conference>'),
        "/conf": lambda p: (
            bxml('<StartRecording recordingAvailableUrl="/any"/>')
            if p["eventType"] == "conferenceCreated"
            else None
        ),
        "/any": lambda p: reply,
        "/d": lambda p: None,
    }
    return Recorder(routes)


def test_every_emitted_payload_uses_only_reference_names_and_parses_to_its_event() -> None:
    app = _everything()
    result = Simulator(app=app).call(
        initiate_url="/i",
        disconnect_url="/d",
        script=[
            press("5", after=1),  # during the Pause, to StartGather: a dtmf event
            say("yes"),
            say("a message"),
            silence(),
            callee(talk=5),
            callee(talk=5),
            callee(outcome="reject"),
            callee(answer_after=1, talk=2),
            hangup(after=30),
        ],
    )
    seen = {d.event_type for d in result.webhooks}
    assert seen == {
        "initiate",
        "dtmf",
        "partialgather",
        "gather",
        "recordingComplete",
        "recordingAvailable",
        "transcriptionAvailable",
        "redirect",
        "transferAnswer",
        "transferDisconnect",
        "transferComplete",
        "bridgeComplete",
        "referComplete",
        "conferenceCreated",
        "conferenceMemberJoin",
        "conferenceMemberExit",
        "conferenceCompleted",
        "conferenceRecordingAvailable",
        "mediaStreamStarted",
        "mediaStreamStopped",
        "realTimeTranscriptionStarted",
        "realTimeTranscriptionStopped",
        "disconnect",
    }, result.to_text()
    for delivery in result.webhooks:
        body = delivery.event.model_extra or {}
        extra = set(body) - set(SPEECH_FIELDS)
        assert not extra, (delivery.event_type, extra)
    for request in app.requests:
        if request["method"] != "POST":
            continue
        payload = request["payload"]
        event_type = payload["eventType"]
        allowed = set(BY_TYPE[event_type]["fields"])
        if event_type == "gather":
            allowed |= set(SPEECH_FIELDS)
        assert set(payload) <= allowed, (event_type, set(payload) - allowed)
        assert set(payload) >= {"eventType", "eventTime"}
    for delivery in result.webhooks:
        assert type(delivery.event) is VOICE_EVENTS[delivery.event_type]

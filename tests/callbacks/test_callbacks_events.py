"""Every callback event type parses to its model; unknown, extra, GET-style and contradictory
payloads behave as documented."""

from __future__ import annotations

import base64
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

import bxmlkit.callbacks as cb
from bxmlkit.callbacks import (
    AnswerEvent,
    CallbackError,
    DisconnectEvent,
    GatherEvent,
    MachineDetectionCompleteEvent,
    MediaStreamRejectedEvent,
    MessageDeliveredEvent,
    MessageFailedEvent,
    MessageReceivedEvent,
    RealTimeTranscriptionStoppedEvent,
    RecordingCompleteEvent,
    ReferCompleteEvent,
    UnknownMessageEvent,
    UnknownVoiceEvent,
    check_basic_auth,
    parse_callback,
    parse_callbacks,
)
from bxmlkit.errors import BxmlError

DATA = json.loads((Path(__file__).parent / "data" / "events.json").read_text())
VOICE = {e["eventType"]: e for e in DATA["voice"]}
#: Bandwidth's reference facts, copied into the repository (tests/data/reference/README.md).
REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"


def _wire_names(cls: type[cb.CallbackEvent]) -> set[str]:
    return {info.alias or name for name, info in cls.model_fields.items()}


def _example(event_type: str) -> dict[str, Any]:
    example = dict(VOICE[event_type]["example"])
    example.setdefault("eventType", event_type)
    return example


# --------------------------------------------------------------------------- every event


@pytest.mark.parametrize("event_type", sorted(VOICE), ids=str)
def test_every_voice_event_parses_to_its_own_model(event_type: str) -> None:
    example = _example(event_type)
    event = parse_callback(example)
    cls = cb.VOICE_EVENTS[event_type]
    assert type(event) is cls
    assert event.event_type == example["eventType"]
    assert event.kind == "voice"


@pytest.mark.parametrize("event_type", sorted(VOICE), ids=str)
def test_models_declare_every_documented_field(event_type: str) -> None:
    entry = VOICE[event_type]
    documented = set(entry["fields"]) | set(entry["example"])
    missing = documented - _wire_names(cb.VOICE_EVENTS[event_type])
    assert not missing, f"{event_type} model lacks {missing}"


@pytest.mark.parametrize("event_type", sorted(VOICE), ids=str)
def test_expects_bxml_comes_from_the_reference(event_type: str) -> None:
    entry = VOICE[event_type]
    cls = cb.VOICE_EVENTS[event_type]
    assert cls.expects_bxml is entry["expects_bxml"]
    assert cls.bxml_optional is entry["bxml_optional"]
    assert cls.in_spec is entry["in_spec"]


@pytest.mark.parametrize("event_type", sorted(VOICE), ids=str)
def test_every_voice_event_also_arrives_as_a_get_query(event_type: str) -> None:
    example = _example(event_type)
    query = urlencode(
        {k: json.dumps(v) if isinstance(v, (dict, list)) else str(v) for k, v in example.items()}
    )
    from_get = parse_callback(query)
    from_post = parse_callback(example)
    assert from_get == from_post


def test_fixture_data_matches_the_shared_reference() -> None:
    path = REFERENCE / "voice-callbacks-v2.json"
    reference = json.loads(path.read_text())
    names = [e["eventType"] for e in reference["events"]]
    names += [e["eventType"] for e in reference["documented_only_events_not_in_current_spec"]]
    assert sorted(names) == sorted(VOICE)
    for event in reference["events"]:
        assert VOICE[event["eventType"]]["fields"] == [f["name"] for f in event["fields"]]


def test_every_known_name_is_registered() -> None:
    assert set(cb.VOICE_EVENTS) == set(VOICE) | {"recordComplete"}
    assert set(cb.MESSAGE_EVENTS) == set(DATA["messaging"]["status_types"]) | set(
        DATA["messaging"]["inbound_types"]
    )


def test_record_complete_has_two_spellings() -> None:
    for spelling in ("recordComplete", "recordingComplete", "RECORDCOMPLETE"):
        event = parse_callback({"eventType": spelling, "recordingId": "r-1"})
        assert isinstance(event, RecordingCompleteEvent)
        assert event.event_type == spelling


def test_partialgather_is_matched_case_insensitively() -> None:
    event = parse_callback({"eventType": "partialGather", "callId": "c-1", "transcript": "hel"})
    assert type(event) is cb.PartialGatherEvent
    assert event.get("transcript") == "hel"


def test_typed_values() -> None:
    event = parse_callback(_example("disconnect"))
    assert isinstance(event, DisconnectEvent)
    assert event.from_ == "+15551112222"
    assert event.end_time == datetime(2019, 6, 20, 15, 55, 54, 123000, tzinfo=timezone.utc)
    assert event.cause == "busy"
    amd = parse_callback(_example("machineDetectionComplete"))
    assert isinstance(amd, MachineDetectionCompleteEvent)
    assert amd.machine_detection_result is not None
    assert amd.machine_detection_result.value == "answering-machine"
    stopped = parse_callback(_example("realTimeTranscriptionStopped"))
    assert isinstance(stopped, RealTimeTranscriptionStoppedEvent)
    assert stopped.stream is not None
    assert stopped.stream.tracks == ["inbound", "outbound"]
    rejected = parse_callback(_example("mediaStreamRejected"))
    assert isinstance(rejected, MediaStreamRejectedEvent)
    assert rejected.original_media_stream is not None
    assert rejected.original_media_stream.name == "example_stream"


def test_refer_complete_accepts_null_sip_codes_and_unknown_status() -> None:
    event = parse_callback(
        {
            "eventType": "referComplete",
            "referCallStatus": "partial",
            "referSipResponseCode": None,
            "notifySipResponseCode": 200,
        }
    )
    assert isinstance(event, ReferCompleteEvent)
    assert event.refer_call_status == "partial"
    assert event.notify_sip_response_code == 200


# --------------------------------------------------------------------------- tolerance


def test_unknown_voice_event_is_generic_not_an_error() -> None:
    event = parse_callback({"eventType": "holographicCall", "callId": "c-1", "depth": 3})
    assert isinstance(event, UnknownVoiceEvent)
    assert event.event_type == "holographicCall"
    assert event.get("depth") == 3
    assert event.expects_bxml is False


def test_unknown_message_event_is_generic() -> None:
    event = parse_callback([{"type": "message-teleported", "to": "+15553334444"}])
    assert isinstance(event, UnknownMessageEvent)
    assert event.event_type == "message-teleported"


def test_extra_fields_and_values_are_kept() -> None:
    payload = {
        **_example("answer"),
        "brandNewField": {"x": 1},
        "direction": "sideways",
        "machineDetectionResult": {"value": "robot-dog", "confidence": 0.2},
    }
    event = parse_callback(payload)
    assert isinstance(event, AnswerEvent)
    assert event.model_extra == {"brandNewField": {"x": 1}}
    assert event.direction == "sideways"
    assert event.machine_detection_result is not None
    assert event.machine_detection_result.value == "robot-dog"
    assert event.machine_detection_result.model_extra == {"confidence": 0.2}


def test_nulls_and_missing_fields_are_fine() -> None:
    event = parse_callback({"eventType": "answer", "answerTime": None, "tag": None})
    assert isinstance(event, AnswerEvent)
    assert event.call_id is None


def test_sip_headers_keep_their_lowercase_keys() -> None:
    event = parse_callback(
        {"eventType": "initiate", "sipHeaders": {"x-custom-header": "v", "x-session-id": "s"}}
    )
    assert isinstance(event, cb.InitiateEvent)
    assert event.sip_headers == {"x-custom-header": "v", "x-session-id": "s"}


# --------------------------------------------------------------------------- GET style


def test_get_query_values_are_strings_converted_to_types() -> None:
    event = parse_callback(
        "?eventType=recordingAvailable&channels=2&startTime=2019-09-13T16%3A48%3A29.235Z"
        "&answerTime=&fileFormat=wav&status=complete"
    )
    assert isinstance(event, cb.RecordingAvailableEvent)
    assert event.channels == 2
    assert event.start_time is not None
    assert event.start_time.year == 2019
    assert event.answer_time is None


def test_get_query_dotted_keys_build_nested_objects() -> None:
    event = parse_callback(
        "eventType=mediaStreamStarted&mediaStream.id=s-1&mediaStream.tracks=inbound"
        "&mediaStream.tracks=outbound&mediaStream.startTime=2022-06-30T18%3A55%3A02.489Z"
    )
    assert isinstance(event, cb.MediaStreamStartedEvent)
    assert event.media_stream is not None
    assert event.media_stream.id == "s-1"
    assert event.media_stream.tracks == ["inbound", "outbound"]


def test_get_query_as_a_framework_mapping() -> None:
    args = {"eventType": "gather", "digits": "123", "terminatingDigit": "#", "callId": "c-9"}
    event = parse_callback(args)
    assert isinstance(event, GatherEvent)
    assert (event.digits, event.terminating_digit) == ("123", "#")


def test_a_json_looking_tag_stays_text() -> None:
    event = parse_callback(urlencode({"eventType": "answer", "tag": '{"order": 7}'}))
    assert isinstance(event, AnswerEvent)
    assert event.tag == '{"order": 7}'


def test_bytes_body_and_bom() -> None:
    body = "\ufeff" + json.dumps(_example("gather"))
    assert isinstance(parse_callback(body.encode()), GatherEvent)


# --------------------------------------------------------------------------- contradictions


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        pytest.param(
            {"eventType": "recordingAvailable", "channels": "two"},
            "channels",
            id="channels-not-a-number",
        ),
        pytest.param(
            {"eventType": "answer", "machineDetectionResult": "human"},
            "machineDetectionResult",
            id="object-field-given-text",
        ),
        pytest.param(
            {"eventType": "disconnect", "sipResponseCode": "busy"},
            "sipResponseCode",
            id="sip-code-not-a-number",
        ),
        pytest.param(
            {"eventType": "gather", "eventTime": "yesterday"}, "eventTime", id="bad-timestamp"
        ),
        pytest.param(
            {"eventType": "initiate", "sipHeaders": ["x-a"]}, "sipHeaders", id="headers-a-list"
        ),
        pytest.param(
            {"eventType": "answer", "type": "message-received"},
            "contradictory",
            id="voice-and-messaging-types",
        ),
        pytest.param(
            [{"type": "message-received", "message": {"direction": "out"}}],
            "direction",
            id="inbound-message-going-out",
        ),
        pytest.param(
            [{"type": "message-delivered", "message": {"direction": "in"}}],
            "direction",
            id="status-for-an-inbound-message",
        ),
        pytest.param(
            [{"type": "message-delivered", "errorCode": 4432}],
            "errorCode",
            id="error-code-on-delivered",
        ),
        pytest.param(
            [{"type": "message-failed", "message": {"segmentCount": "many"}}],
            "segmentCount",
            id="segment-count-not-a-number",
        ),
    ],
)
def test_contradictory_payloads_are_errors(payload: Any, fragment: str) -> None:
    with pytest.raises(CallbackError) as caught:
        parse_callback(payload)
    assert fragment in str(caught.value)
    assert isinstance(caught.value, BxmlError)
    assert isinstance(caught.value, ValueError)


def test_a_model_refuses_a_foreign_event_type() -> None:
    with pytest.raises(ValueError, match="not a GatherEvent"):
        GatherEvent.model_validate({"eventType": "answer"})


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        pytest.param("{not json", "not valid JSON", id="broken-json"),
        pytest.param(b"\xff\xfe\x00", "not UTF-8", id="not-utf8"),
        pytest.param({"callId": "c-1"}, "no eventType", id="no-type"),
        pytest.param("", "no eventType", id="empty"),
        pytest.param("[1, 2]", "not an object", id="array-of-numbers"),
        pytest.param({"eventType": 7}, "must be a string", id="numeric-type"),
    ],
)
def test_not_a_callback(payload: Any, fragment: str) -> None:
    with pytest.raises(CallbackError, match=fragment):
        parse_callback(payload)


def test_wrong_argument_type() -> None:
    with pytest.raises(TypeError):
        parse_callback(42)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- messaging


def _message_event(kind: str, direction: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": kind,
        "time": "2024-05-01T10:00:00.000Z",
        "description": "ok",
        "to": "+15553334444",
        "message": {
            "id": "1589228074636lm4k2je7j7jklbn2",
            "owner": "+15553334444",
            "applicationId": "93de2206-9669-4e07-948d-329f4b722ee2",
            "time": "2024-05-01T10:00:00.000Z",
            "segmentCount": 1,
            "direction": direction,
            "to": ["+15553334444"],
            "from": "+15551112222",
            "text": "hello",
        },
        **extra,
    }


@pytest.mark.parametrize("kind", DATA["messaging"]["status_types"], ids=str)
def test_every_status_callback(kind: str) -> None:
    extra = {"errorCode": 9902} if kind == "message-failed" else {}
    event = parse_callback([_message_event(kind, "out", **extra)])
    assert type(event) is cb.MESSAGE_EVENTS[kind]
    assert event.kind == "messaging"
    assert event.expects_bxml is False


@pytest.mark.parametrize("kind", DATA["messaging"]["inbound_types"], ids=str)
def test_every_inbound_callback(kind: str) -> None:
    event = parse_callback(json.dumps([_message_event(kind, "in")]))
    assert type(event) is cb.MESSAGE_EVENTS[kind]


def test_message_models_declare_the_documented_fields() -> None:
    names = _wire_names(MessageReceivedEvent)
    assert set(DATA["messaging"]["status_fields"]) <= names
    assert set(DATA["messaging"]["inbound_fields"]) <= names


def test_message_received_details() -> None:
    event = parse_callback([_message_event("message-received", "in", carrierName="Carrier")])
    assert isinstance(event, MessageReceivedEvent)
    assert event.message is not None
    assert event.message.from_ == "+15551112222"
    assert event.message.segment_count == 1
    assert event.carrier_name == "Carrier"


def test_message_failed_keeps_its_error_code() -> None:
    event = parse_callback([_message_event("message-failed", "out", errorCode=4432)])
    assert isinstance(event, MessageFailedEvent)
    assert event.error_code == 4432


def test_several_messaging_events_in_one_delivery() -> None:
    body = json.dumps(
        [_message_event("message-delivered", "out"), _message_event("message-sent", "out")]
    )
    events = parse_callbacks(body)
    assert [type(e) for e in events] == [MessageDeliveredEvent, cb.MessageSentEvent]
    with pytest.raises(CallbackError, match="parse_callbacks"):
        parse_callback(body)


# --------------------------------------------------------------------------- basic auth


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


@pytest.mark.parametrize(
    ("headers", "ok"),
    [
        pytest.param({"Authorization": _basic("hook", "pa:ss")}, True, id="right"),
        pytest.param({"authorization": _basic("hook", "pa:ss")}, True, id="lowercase-name"),
        pytest.param([("AUTHORIZATION", _basic("hook", "pa:ss"))], True, id="pairs"),
        pytest.param({"Authorization": _basic("hook", "pa:sS")}, False, id="wrong-password"),
        pytest.param({"Authorization": _basic("Hook", "pa:ss")}, False, id="wrong-user"),
        pytest.param({"Authorization": _basic("hook", "pa:ss")[6:]}, False, id="no-scheme"),
        pytest.param({"Authorization": "Bearer abc"}, False, id="bearer"),
        pytest.param({"Authorization": "Basic !!!"}, False, id="not-base64"),
        pytest.param(
            {"Authorization": "Basic " + base64.b64encode(b"nocolon").decode()},
            False,
            id="no-colon",
        ),
        pytest.param({}, False, id="missing"),
    ],
)
def test_check_basic_auth(headers: Any, ok: bool) -> None:
    assert check_basic_auth(headers, "hook", "pa:ss") is ok


def test_check_basic_auth_with_http_server_headers() -> None:
    from email.message import Message

    message = Message()
    message["Authorization"] = _basic("hook", "pw")
    assert check_basic_auth(message, "hook", "pw")


def test_check_basic_auth_refuses_empty_expectations() -> None:
    with pytest.raises(ValueError, match="empty"):
        check_basic_auth({}, "", "")


def test_check_basic_auth_compares_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    import hmac

    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    check_basic_auth({"Authorization": _basic("x", "y")}, "hook", "pw")
    check_basic_auth({}, "hook", "pw")
    # Both parts are always compared, as fixed-length digests, whatever was sent.
    assert len(calls) == 4
    assert all(len(a) == len(b) == 32 for a, b in calls)


def test_public_names_are_sorted_and_complete() -> None:
    assert cb.__all__ == sorted(cb.__all__, key=lambda n: (not n.isupper(), n))
    for name in cb.__all__:
        assert hasattr(cb, name), name
    event_classes = {
        obj
        for obj in vars(cb).values()
        if isinstance(obj, type) and issubclass(obj, cb.CallbackEvent)
    }
    exported = {n for n in cb.__all__ if isinstance(getattr(cb, n), type)}
    assert {c.__name__ for c in event_classes} <= exported

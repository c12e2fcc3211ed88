"""Request limits from the reference, tolerant responses, messages, and the public surface."""

from __future__ import annotations

import typing
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from fake_bandwidth import FakeBandwidth
from pydantic import BaseModel, SecretStr, ValidationError

import bxmlkit.client as client_module
from bxmlkit.client import (
    BandwidthClient,
    CallState,
    CreateCall,
    CreateCallResponse,
    ListCallsQuery,
    MachineDetectionConfiguration,
    Message,
    MessageRequest,
    UpdateCall,
    _fields,
)
from bxmlkit.client import models as models_module
from bxmlkit.client._fields import CreateCallFields, ListCallsFields, UpdateCallFields

BASE = {
    "to": "+15553334444",
    "from": "+15551112222",
    "applicationId": "app",
    "answerUrl": "https://example.com/answer",
}


def _create(**changes: Any) -> CreateCall:
    return CreateCall.model_validate({**BASE, **changes})


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"to": "sip:alice@sip.example"}, id="to-sip-uri"),
        pytest.param({"callTimeout": 1}, id="call-timeout-min"),
        pytest.param({"callTimeout": 300}, id="call-timeout-max"),
        pytest.param({"callTimeout": 12.5}, id="call-timeout-decimal"),
        pytest.param({"callbackTimeout": 25}, id="callback-timeout-max"),
        pytest.param({"priority": 1}, id="priority-min"),
        pytest.param({"tag": "t" * 4096}, id="tag-max"),
        pytest.param({"displayName": "d" * 256}, id="display-name-max"),
        pytest.param({"privacy": True, "displayName": "Anonymous"}, id="privacy-name"),
        pytest.param({"uui": "aGVsbG8;encoding=base64,abc;encoding=jwt"}, id="uui"),
        pytest.param({"answerUrl": "https://e.com/" + "a" * 2030}, id="url-2048"),
        pytest.param(
            {"username": "u", "password": "p", "answerUrl": "https://e.com/a"}, id="creds-https"
        ),
        pytest.param({"answerUrl": "http://e.com/a"}, id="http-without-creds"),
        pytest.param({"answerMethod": "GET", "disconnectMethod": "POST"}, id="methods"),
        pytest.param({"machineDetection": {"mode": "sync", "detectionTimeout": 5}}, id="amd"),
    ],
)
def test_create_call_accepts(changes: dict[str, Any]) -> None:
    _create(**changes)


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        pytest.param({"to": "5553334444"}, "E.164", id="to-not-e164"),
        pytest.param({"from": "sip:me@x"}, "E.164", id="from-sip"),
        pytest.param({"callTimeout": 0.5}, "greater than or equal to 1", id="call-timeout-low"),
        pytest.param({"callTimeout": 301}, "less than or equal to 300", id="call-timeout-high"),
        pytest.param({"callbackTimeout": 26}, "less than or equal to 25", id="callback-timeout"),
        pytest.param({"priority": 6}, "less than or equal to 5", id="priority-high"),
        pytest.param({"priority": 0}, "greater than or equal to 1", id="priority-low"),
        pytest.param({"tag": "t" * 4097}, "4096", id="tag-long"),
        pytest.param({"displayName": "d" * 257}, "256", id="display-name-long"),
        pytest.param({"displayName": "a\nb"}, "control characters", id="display-name-newline"),
        pytest.param({"privacy": True, "displayName": "Bob"}, "Restricted", id="privacy-name"),
        pytest.param({"uui": "aGVsbG8"}, "encoding", id="uui-no-encoding"),
        pytest.param({"uui": "a;encoding=rot13"}, "encoding", id="uui-bad-encoding"),
        pytest.param({"uui": "x" * 340 + ";encoding=hex"}, "350", id="uui-long"),
        pytest.param({"answerMethod": "PUT"}, "GET", id="method-enum"),
        pytest.param({"answerMethod": "post"}, "GET", id="method-case"),
        pytest.param({"answerUrl": "ftp://e.com"}, "http", id="url-scheme"),
        pytest.param({"answerUrl": "/relative"}, "absolute", id="url-relative"),
        pytest.param({"answerUrl": "https://e.com/a b"}, "whitespace", id="url-space"),
        pytest.param({"answerUrl": "https://e.com/" + "a" * 2040}, "2048", id="url-long"),
        pytest.param(
            {"username": "u", "password": "p", "answerUrl": "http://e.com/a"},
            "https",
            id="creds-over-http",
        ),
        pytest.param(
            {"fallbackPassword": "p", "answerFallbackUrl": "http://e.com/f"},
            "answer_fallback_url must use https",
            id="fallback-creds-over-http",
        ),
        pytest.param({"username": "u" * 1025}, "1024", id="username-long"),
        pytest.param({"password": "p" * 1025}, "1024", id="password-long"),
        pytest.param({"unknownField": 1}, "unknownField", id="unknown-field"),
        pytest.param({"applicationId": ""}, "at least 1", id="empty-application"),
        pytest.param({"machineDetection": {"mode": "maybe"}}, "sync", id="amd-mode"),
        pytest.param(
            {"machineDetection": {"callbackUrl": "nope"}}, "absolute", id="amd-callback-url"
        ),
    ],
)
def test_create_call_refuses(changes: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _create(**changes)
    assert fragment in str(caught.value)


def test_required_create_call_fields() -> None:
    with pytest.raises(ValidationError) as caught:
        CreateCall.model_validate({})
    text = str(caught.value)
    for name in ("to", "from", "applicationId", "answerUrl"):
        assert name in text


def test_snake_case_and_camel_case_both_build() -> None:
    snake = CreateCall(
        to="+15553334444",
        from_="+15551112222",
        application_id="app",
        answer_url="https://example.com/answer",
    )
    assert snake == _create()
    assert snake.wire() == BASE


def test_wire_reveals_and_recorded_masks_passwords() -> None:
    request = _create(password="pw-1", fallbackPassword="pw-2")
    assert request.wire()["password"] == "pw-1"
    assert request.recorded()["password"] == "*****"
    assert request.recorded()["fallbackPassword"] == "*****"
    assert "pw-1" not in repr(request)
    assert isinstance(request.password, SecretStr)


@pytest.mark.parametrize(
    ("fields", "ok"),
    [
        ({"redirectUrl": "https://e.com"}, True),
        ({"state": "active", "redirectUrl": "https://e.com", "tag": "t"}, True),
        ({"state": "completed"}, True),
        ({"state": "completed", "username": "u", "password": "p"}, True),
        ({}, False),
        ({"state": "active"}, False),
        ({"state": "completed", "tag": ""}, False),
        ({"state": "completed", "redirectMethod": "GET"}, False),
        ({"state": "completed", "redirectFallbackMethod": "GET"}, False),
        ({"state": "paused"}, False),
        ({"redirectUrl": "https://e.com", "redirectMethod": "DELETE"}, False),
    ],
    ids=str,
)
def test_update_call_rules(fields: dict[str, Any], ok: bool) -> None:
    if ok:
        UpdateCall.model_validate(fields)
    else:
        with pytest.raises(ValidationError):
            UpdateCall.model_validate(fields)


def test_list_calls_query_params() -> None:
    query = ListCallsQuery(
        from_="+15551112222",
        min_start_time=datetime(2024, 5, 1, tzinfo=timezone.utc),
        max_start_time="2024-05-02T00:00:00Z",
        page_size=500,
    )
    assert query.params() == {
        "from": "+15551112222",
        "minStartTime": "2024-05-01T00:00:00Z",
        "maxStartTime": "2024-05-02T00:00:00Z",
        "pageSize": "500",
    }


# --------------------------------------------------------------------------- responses


def test_responses_tolerate_unknown_fields_and_values() -> None:
    state = CallState.model_validate(
        {"callId": "c-1", "state": "teleporting", "direction": "sideways", "newThing": [1]}
    )
    assert state.state == "teleporting"
    assert state.model_extra == {"newThing": [1]}
    message = Message.model_validate({"id": "m", "direction": "both", "priority": "urgent"})
    assert message.priority == "urgent"


def test_create_call_response_masks_echoed_passwords() -> None:
    response = CreateCallResponse.model_validate(
        {
            "applicationId": "a",
            "accountId": "1",
            "callId": "c",
            "to": "+1",
            "from": "+2",
            "callUrl": "u",
            "answerUrl": "https://a",
            "password": "*****",
        }
    )
    assert response.location is None
    assert isinstance(response.password, SecretStr)


# --------------------------------------------------------------------------- messages


def test_send_message(client: BandwidthClient, fake: FakeBandwidth) -> None:
    expires = datetime.now(timezone.utc) + timedelta(hours=1)
    message = client.messages.send_message(
        "+15551112222",
        "+15553334444",
        application_id="93de2206-9669-4e07-948d-329f4b722ee2",
        text="Hello from bxmlkit",
        media=["https://example.com/cat.png"],
        tag="t-1",
        priority="high",
        expiration=expires,
    )
    assert isinstance(message, Message)
    assert message.id
    assert message.direction == "out"
    (sent,) = fake.seen("POST", "/messages$")
    assert sent.path == "/api/v2/users/9900000/messages"
    body = sent.json()
    assert body["to"] == ["+15553334444"]
    assert body["from"] == "+15551112222"
    assert body["applicationId"] == "93de2206-9669-4e07-948d-329f4b722ee2"
    assert body["priority"] == "high"
    assert body["media"] == ["https://example.com/cat.png"]
    assert datetime.fromisoformat(body["expiration"].replace("Z", "+00:00")) == expires


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        pytest.param({"text": "x" * 2049}, "2048", id="text-long"),
        pytest.param({"text": ""}, "text or media", id="nothing-to-send"),
        pytest.param({"text": "x", "to": []}, "at least 1", id="no-recipient"),
        pytest.param({"text": "x", "to": ["+1555", "+1555"]}, "distinct", id="duplicates"),
        pytest.param({"text": "x", "to": ["5553334444"]}, "E.164", id="to-not-e164"),
        pytest.param({"text": "x", "from_": "TooLongSenderId"}, "sender id", id="sender-long"),
        pytest.param({"text": "x", "from_": "12345"}, "sender id", id="sender-digits"),
        pytest.param({"text": "x", "from_": "Shop!"}, "sender id", id="sender-char"),
        pytest.param({"media": ["https://e.com/" + "m" * 4090]}, "4096", id="media-long"),
        pytest.param({"media": ["file:///etc/passwd"]}, "http", id="media-scheme"),
        pytest.param({"text": "x", "tag": "t" * 1025}, "1024", id="tag-long"),
        pytest.param({"text": "x", "priority": "urgent"}, "default", id="priority"),
        pytest.param(
            {"text": "x", "expiration": datetime(2020, 1, 1, tzinfo=timezone.utc)},
            "future",
            id="expired",
        ),
        pytest.param(
            {"text": "x", "expiration": datetime(2999, 1, 1)}, "timezone", id="naive-expiry"
        ),
    ],
)
def test_send_message_refuses_before_sending(
    kwargs: dict[str, Any], fragment: str, client: BandwidthClient, fake: FakeBandwidth
) -> None:
    args = {"from_": "+15551112222", "to": ["+15553334444"], "application_id": "a", **kwargs}
    with pytest.raises(ValidationError) as caught:
        client.messages.send_message(**args)
    assert fragment in str(caught.value)
    assert fake.requests == []


def test_alphanumeric_sender_id() -> None:
    request = MessageRequest.model_validate(
        {"applicationId": "a", "to": "+15553334444", "from": "Shop & Co", "text": "x"}
    )
    assert request.to == ["+15553334444"]


# --------------------------------------------------------------------------- public surface


def test_keyword_typeddicts_mirror_the_models() -> None:
    pairs: list[tuple[object, type[BaseModel]]] = [
        (CreateCallFields, CreateCall),
        (UpdateCallFields, UpdateCall),
        (ListCallsFields, ListCallsQuery),
        (_fields.UpdateConferenceFields, models_module.UpdateConference),
        (_fields.UpdateConferenceMemberFields, models_module.UpdateConferenceMember),
        (_fields.ListConferencesFields, models_module.ListConferencesQuery),
        (_fields.TranscribeRecordingFields, models_module.TranscribeRecording),
        (_fields.ListAccountCallRecordingsFields, models_module.ListAccountCallRecordingsQuery),
        (_fields.MessageRequestFields, models_module.MessageRequest),
        (_fields.ListMessagesFields, models_module.ListMessagesQuery),
    ]
    for typed, model in pairs:
        assert set(typing.get_type_hints(typed)) == set(model.model_fields), typed
    assert set(MachineDetectionConfiguration.model_fields) >= {"mode", "callback_url"}


def test_client_all_is_sorted_and_complete() -> None:
    names = client_module.__all__
    assert names == sorted(names, key=lambda n: (not n.isupper(), n))
    for name in names:
        assert hasattr(client_module, name), name
    from bxmlkit.client import errors

    for name in errors.__all__:
        if name[0].isupper():
            assert name in names, name


def test_import_is_reasonably_light() -> None:
    import subprocess
    import sys

    code = (
        "import sys, bxmlkit.client, bxmlkit.callbacks; "
        "heavy = ('lxml', 'bxmlkit.models', 'bxmlkit.codec'); "
        "print(','.join(m for m in heavy if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert out.stdout.strip() == ""

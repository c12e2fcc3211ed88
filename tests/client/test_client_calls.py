"""Every calls method against the fake server: real HTTP on loopback."""

from __future__ import annotations

import json

import pytest
from fake_bandwidth import ACCOUNT, FakeBandwidth, Fault
from pydantic import ValidationError

from bxmlkit.client import (
    BandwidthClient,
    CallState,
    ConflictError,
    CreateCall,
    CreateCallResponse,
    InvalidResponseError,
    NotFoundError,
    UpdateCall,
)

CALL = {
    "to": "+15553334444",
    "from_": "+15551112222",
    "application_id": "04e88489-df02-4e34-a0ee-27a91849555f",
    "answer_url": "https://example.com/webhooks/answer",
}


def test_create_call_returns_the_body_and_keeps_the_location(
    client: BandwidthClient, fake: FakeBandwidth
) -> None:
    call = client.calls.create_call(**CALL, call_timeout=25, tag="order-7")  # type: ignore[arg-type]
    assert isinstance(call, CreateCallResponse)
    assert call.call_id.startswith("c-")
    assert call.location == f"{fake.voice_url}/accounts/{ACCOUNT}/calls/{call.call_id}"
    assert call.call_url == call.location
    assert call.from_ == "+15551112222"
    assert call.call_timeout == 25
    (sent,) = fake.seen("POST", "/calls$")
    assert sent.headers["Content-Type"] == "application/json"
    assert sent.json() == {
        "to": "+15553334444",
        "from": "+15551112222",
        "applicationId": "04e88489-df02-4e34-a0ee-27a91849555f",
        "answerUrl": "https://example.com/webhooks/answer",
        "callTimeout": 25.0,
        "tag": "order-7",
    }


def test_create_call_with_a_model(client: BandwidthClient, fake: FakeBandwidth) -> None:
    request = CreateCall.model_validate(
        {**CALL, "machine_detection": {"mode": "async", "callbackUrl": "https://e.com/amd"}}
    )
    call = client.calls.create_call(request)
    assert call.to == "+15553334444"
    assert fake.seen("POST", "/calls$")[0].json()["machineDetection"] == {
        "mode": "async",
        "callbackUrl": "https://e.com/amd",
    }


def test_create_call_sends_webhook_password_but_never_shows_it(
    client: BandwidthClient, fake: FakeBandwidth
) -> None:
    call = client.calls.create_call(
        **CALL,  # type: ignore[arg-type]
        username="hook-user",
        password="hook-pa55word",
    )
    assert fake.seen("POST", "/calls$")[0].json()["password"] == "hook-pa55word"
    assert "hook-pa55word" not in repr(call)
    assert call.password is not None  # the API echoes it masked


def test_create_call_model_or_fields_not_both(client: BandwidthClient) -> None:
    with pytest.raises(TypeError, match="not both"):
        client.calls.create_call(CreateCall.model_validate(CALL), tag="x")
    with pytest.raises(TypeError, match="expects a CreateCall"):
        client.calls.create_call(UpdateCall(state="completed"))  # type: ignore[arg-type]


def test_create_call_refuses_bad_arguments_before_sending(
    client: BandwidthClient, fake: FakeBandwidth
) -> None:
    with pytest.raises(ValidationError, match=r"callTimeout|call_timeout"):
        client.calls.create_call(**CALL, call_timeout=301)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="answr_url"):
        client.calls.create_call(**CALL, answr_url="https://x.example")  # type: ignore[call-arg]
    assert fake.requests == []


def test_get_call(client: BandwidthClient, fake: FakeBandwidth) -> None:
    call_id = fake.add_call(state="answered", newField="kept", direction="sideways")
    state = client.calls.get_call(call_id)
    assert isinstance(state, CallState)
    assert state.call_id == call_id
    assert state.state == "answered"
    assert state.direction == "sideways"  # unknown enum values are tolerated
    assert state.model_extra == {"newField": "kept"}
    assert state.start_time is not None


def test_get_call_unknown_is_not_found(client: BandwidthClient, fake: FakeBandwidth) -> None:
    with pytest.raises(NotFoundError) as caught:
        client.calls.get_call("c-nope")
    error = caught.value
    assert error.status_code == 404
    assert error.error_type == "validation"
    assert error.description == "Call [c-nope] not found"
    assert "GET " in str(error)
    assert "7 days" in str(error)
    assert len(fake.requests) == 1  # a 404 is never retried


def test_call_ids_are_path_segments(client: BandwidthClient, fake: FakeBandwidth) -> None:
    with pytest.raises(NotFoundError):
        client.calls.get_call("../../users/x?y=1")
    assert fake.requests[0].path == f"/api/v2/accounts/{ACCOUNT}/calls/..%2F..%2Fusers%2Fx%3Fy%3D1"
    with pytest.raises(ValueError, match="call_id"):
        client.calls.get_call("  ")


def test_list_calls_follows_next_links_lazily(client: BandwidthClient, fake: FakeBandwidth) -> None:
    ids = [fake.add_call(to="+15550000001") for _ in range(5)]
    fake.add_call(to="+15559999999")
    calls = client.calls.list_calls(to="+15550000001", page_size=2)
    assert fake.requests == []  # nothing is fetched before iteration
    first = next(calls)
    assert first.call_id == ids[0]
    assert len(fake.requests) == 1
    rest = list(calls)
    assert [c.call_id for c in [first, *rest]] == ids
    pages = fake.seen("GET", "/calls$")
    assert len(pages) == 3
    assert pages[0].query == {"to": ["+15550000001"], "pageSize": ["2"]}
    assert pages[2].query["pageToken"] == ["4"]
    assert pages[2].query["to"] == ["+15550000001"]


def test_list_calls_empty(client: BandwidthClient) -> None:
    assert list(client.calls.list_calls()) == []


def test_list_calls_checks_filters_at_once(client: BandwidthClient) -> None:
    with pytest.raises(ValidationError, match="10000"):
        client.calls.list_calls(page_size=10001)


def test_list_calls_refuses_a_next_link_to_another_host(
    client: BandwidthClient, fake: FakeBandwidth
) -> None:
    fake.inject(
        "GET",
        "/calls$",
        Fault(
            "status",
            200,
            {"Content-Type": "application/json", "Link": '<https://evil.example/x>; rel="next"'},
            b"[]",
        ),
    )
    with pytest.raises(InvalidResponseError, match="another origin"):
        list(client.calls.list_calls())
    assert len(fake.requests) == 1


def test_list_calls_body_must_be_an_array(client: BandwidthClient, fake: FakeBandwidth) -> None:
    fake.inject("GET", "/calls$", Fault.status(200, body={"calls": []}))
    with pytest.raises(InvalidResponseError, match="array"):
        list(client.calls.list_calls())


def test_update_call_redirects(client: BandwidthClient, fake: FakeBandwidth) -> None:
    call_id = fake.add_call()
    client.calls.update_call(
        call_id,
        redirect_url="https://example.com/next",
        redirect_method="GET",
        password="hook-secret",
    )
    sent = fake.seen("POST", call_id)[0]
    assert sent.json() == {
        "redirectUrl": "https://example.com/next",
        "redirectMethod": "GET",
        "password": "hook-secret",
    }


def test_update_call_rules_are_checked_first(client: BandwidthClient, fake: FakeBandwidth) -> None:
    with pytest.raises(ValidationError, match="redirect_url is required"):
        client.calls.update_call("c-1", tag="x")
    with pytest.raises(ValidationError, match="not allowed with state='completed'"):
        client.calls.update_call("c-1", state="completed", redirect_url="https://e.com")
    assert fake.requests == []


def test_hangup_then_conflict(client: BandwidthClient, fake: FakeBandwidth) -> None:
    call_id = fake.add_call()
    client.calls.hangup(call_id)
    assert fake.calls[call_id]["state"] == "disconnected"
    assert fake.seen("POST", call_id)[0].json() == {"state": "completed"}
    with pytest.raises(ConflictError) as caught:
        client.calls.hangup(call_id)
    assert caught.value.status_code == 409
    assert caught.value.error_id is None
    assert "cannot be modified" in caught.value.description


def test_update_call_with_a_model(client: BandwidthClient, fake: FakeBandwidth) -> None:
    call_id = fake.add_call()
    client.calls.update_call(call_id, UpdateCall(state="completed"))
    assert json.loads(fake.requests[0].body) == {"state": "completed"}

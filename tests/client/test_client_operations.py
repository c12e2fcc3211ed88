"""Every operation of the reference has a client method, sync and async, and every request
it sends matches the reference: method, path, query, headers and body (table-driven, through
the loopback fake server)."""

from __future__ import annotations

import asyncio
import inspect
import json
import re
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from fake_bandwidth import ACCOUNT, CLIENT_ID, CLIENT_SECRET, FakeBandwidth, Recorded
from reference_ops import load

from bxmlkit.client import AsyncBandwidthClient, BandwidthClient, models
from bxmlkit.client._operations import SPECS, Downloaded

REFERENCE = load()
NAMESPACES = ("calls", "conferences", "recordings", "transcriptions", "statistics", "messages",
              "media")  # fmt: skip


def snake(camel: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", camel).lower()


def test_the_reference_has_34_operations() -> None:
    assert len(REFERENCE) == 34
    assert sum(op["api"] == "voice" for op in REFERENCE.values()) == 28


@pytest.mark.parametrize("op_id", sorted(REFERENCE))
def test_each_operation_is_defined_once_as_the_reference_says(op_id: str) -> None:
    ref, spec = REFERENCE[op_id], SPECS[op_id]
    assert (spec.method, spec.path, spec.api) == (ref["method"], ref["path"], ref["api"])
    assert sorted(spec.expected) == ref["success"]
    assert spec.namespace in NAMESPACES


def test_no_operation_beyond_the_reference() -> None:
    assert set(SPECS) == set(REFERENCE)


@pytest.mark.parametrize("op_id", sorted(REFERENCE))
def test_every_operation_has_a_sync_and_an_async_method(op_id: str) -> None:
    namespace, name = SPECS[op_id].namespace, snake(op_id)
    with BandwidthClient(account_id="1", username="u", password="p") as bw:
        sync = getattr(getattr(bw, namespace), name)
    twin = AsyncBandwidthClient(account_id="1", username="u", password="p")
    try:
        async_method = getattr(getattr(twin, namespace), name)
    finally:
        asyncio.run(twin.close())
    assert not inspect.iscoroutinefunction(sync)
    assert (
        inspect.signature(sync).parameters.keys()
        == inspect.signature(async_method).parameters.keys()
    )
    assert sync.__doc__ and async_method.__doc__


# --------------------------------------------------------------------------- the requests


@dataclass
class Case:
    """How to call one operation against the fake, and what it must return."""

    setup: Callable[[FakeBandwidth], tuple[tuple[Any, ...], dict[str, Any]]]
    returns: type | None
    calls: int = 1
    check: Callable[[FakeBandwidth], None] = field(default=lambda fake: None)


def _call(fake: FakeBandwidth) -> str:
    return fake.add_call()


def _rec(fake: FakeBandwidth) -> tuple[str, str]:
    call_id = fake.add_call()
    return call_id, fake.add_recording(call_id=call_id, size=70_000)


def _conf(fake: FakeBandwidth) -> tuple[str, str]:
    member = fake.add_call()
    return fake.add_conference(member), member


def _conf_rec(fake: FakeBandwidth) -> tuple[str, str]:
    conf, _ = _conf(fake)
    return conf, fake.add_recording(conference_id=conf, size=1000)


def _transcribed(fake: FakeBandwidth) -> tuple[str, str]:
    call_id, rec = _rec(fake)
    fake.recordings[rec]["_transcript"] = {"transcripts": [], "clips": []}
    return call_id, rec


def _rtt(fake: FakeBandwidth) -> tuple[str, str]:
    call_id = fake.add_call()
    fake.real_time.append((call_id, "t-1"))
    return call_id, "t-1"


def _messages(fake: FakeBandwidth) -> FakeBandwidth:
    for n in range(3):
        fake.messages.append({"id": f"m-{n}", "from": "+15551112222", "to": ["+15553334444"],
                              "time": "2024-05-01T10:00:00.000Z"})  # fmt: skip
    return fake


def _media(fake: FakeBandwidth) -> FakeBandwidth:
    for name in ("a.png", "b.png", "c.png"):
        fake.media[name] = ("image/png", b"\x89PNG" + name.encode())
    return fake


CASES: dict[str, Case] = {
    "listCalls": Case(
        lambda f: (_call(f), ((), {"to": "+15553334444", "page_size": 100}))[1], models.CallState
    ),
    "createCall": Case(
        lambda f: ((), {"to": "+15553334444", "from_": "+15551112222", "application_id": "a",
                        "answer_url": "https://example.com/answer", "call_timeout": 30,
                        "username": "u", "password": "pw"}),
        models.CreateCallResponse,
    ),
    "getCallState": Case(lambda f: ((_call(f),), {}), models.CallState),
    "updateCall": Case(lambda f: ((_call(f),), {"redirect_url": "https://e.example/r"}), None),
    "updateCallBxml": Case(lambda f: ((_call(f), "<Bxml><Hangup/></Bxml>"), {}), None),
    "listConferences": Case(
        lambda f: (_conf(f), ((), {"name": "my-conference-name", "page_size": 10}))[1],
        models.Conference,
    ),
    "getConference": Case(lambda f: ((_conf(f)[0],), {}), models.Conference),
    "updateConference": Case(lambda f: ((_conf(f)[0],), {"status": "completed"}), None),
    "updateConferenceBxml": Case(
        lambda f: ((_conf(f)[0], "<Bxml><StopRecording/></Bxml>"), {}), None
    ),
    "getConferenceMember": Case(lambda f: (_conf(f), {}), models.ConferenceMember),
    "updateConferenceMember": Case(lambda f: (_conf(f), {"mute": True}), None),
    "listConferenceRecordings": Case(
        lambda f: ((_conf_rec(f)[0],), {}), models.ConferenceRecordingMetadata
    ),
    "getConferenceRecording": Case(lambda f: (_conf_rec(f), {}), models.ConferenceRecordingMetadata),
    "downloadConferenceRecording": Case(lambda f: (_conf_rec(f), {}), bytes),
    "listAccountCallRecordings": Case(
        lambda f: (_rec(f), ((), {"to": "+15553334444"}))[1], models.CallRecordingMetadata
    ),
    "updateCallRecordingState": Case(lambda f: ((_call(f), "paused"), {}), None),
    "listCallRecordings": Case(lambda f: ((_rec(f)[0],), {}), models.CallRecordingMetadata),
    "getCallRecording": Case(lambda f: (_rec(f), {}), models.CallRecordingMetadata),
    "deleteRecording": Case(lambda f: (_rec(f), {}), None),
    "downloadCallRecording": Case(lambda f: (_rec(f), {}), bytes),
    "deleteRecordingMedia": Case(lambda f: (_rec(f), {}), None),
    "getRecordingTranscription": Case(lambda f: (_transcribed(f), {}), models.RecordingTranscriptions),
    "transcribeCallRecording": Case(
        lambda f: (_rec(f), {"callback_url": "https://e.example/t", "detect_language": True}), None
    ),
    "deleteRecordingTranscription": Case(lambda f: (_transcribed(f), {}), None),
    "getStatistics": Case(lambda f: ((), {}), models.AccountStatistics),
    "listRealTimeTranscriptions": Case(
        lambda f: ((_rtt(f)[0],), {}), models.CallTranscriptionMetadata
    ),
    "getRealTimeTranscription": Case(lambda f: (_rtt(f), {}), models.CallTranscriptionResponse),
    "deleteRealTimeTranscription": Case(lambda f: (_rtt(f), {}), None),
    "createMessage": Case(
        lambda f: ((), {"from_": "+15551112222", "to": ["+15553334444"], "application_id": "a",
                        "text": "hi", "tag": "t"}),
        models.Message,
    ),
    "listMessages": Case(
        lambda f: (_messages(f), ((), {"source_tn": "+15551112222", "limit": 2}))[1],
        models.ListMessageItem,
        calls=2,
    ),
    "listMedia": Case(lambda f: (_media(f), ((), {}))[1], models.Media, calls=2),
    "getMedia": Case(lambda f: (_media(f), (("a.png",), {}))[1], bytes),
    "uploadMedia": Case(
        lambda f: (("pic.png", b"\x89PNG-data"), {"cache_control": "no-cache"}), None
    ),
    "deleteMedia": Case(lambda f: (_media(f), (("b.png",), {}))[1], None),
}  # fmt: skip


def test_every_operation_has_a_case() -> None:
    assert set(CASES) == set(REFERENCE)


def _template(path: str) -> re.Pattern[str]:
    pattern = re.sub(r"\\\{accountId\\\}", ACCOUNT, re.escape(path))
    return re.compile("/api/v2" + re.sub(r"\\\{\w+\\\}", "[^/]+", pattern))


def check_request(op_id: str, sent: Recorded) -> None:
    """One recorded request against the reference."""
    ref = REFERENCE[op_id]
    assert sent.method == ref["method"]
    assert _template(ref["path"]).fullmatch(sent.path), (sent.path, ref["path"])
    assert set(sent.query) <= set(ref["query"]), set(sent.query) - set(ref["query"])
    headers = {k.lower(): v for k, v in sent.headers.items()}
    assert headers["authorization"].startswith(("Basic ", "Bearer "))
    assert headers["user-agent"].startswith("bxmlkit/")
    assert headers["accept"] in ("application/json", "*/*")
    documented = {h.lower() for h in ref["headers"]}
    extra = {"content-type", "cache-control", "continuation-token"}
    for name in headers:
        if name in extra:
            assert name in documented or (name == "content-type" and ref["body"]), name
    body = ref["body"]
    if body is None:
        assert sent.body == b""
        assert "content-type" not in headers
        return
    if body["content_type"] == "application/json":
        assert headers["content-type"] == "application/json"
        data = json.loads(sent.body)
        assert set(data) <= set(body["fields"]), set(data) - set(body["fields"])
        assert set(body["required"]) <= set(data)
    elif body["content_type"] == "application/xml":
        assert headers["content-type"].startswith("application/xml")
        assert sent.body.lstrip().startswith(b"<?xml")
    else:
        assert headers["content-type"]
        assert sent.body


def _collect(result: Any) -> Any:
    if isinstance(result, Iterator):
        items = list(result)
        return b"".join(items) if items and isinstance(items[0], bytes) else items
    return result


async def _acollect(result: Any) -> Any:
    if inspect.isawaitable(result):
        return await result
    if isinstance(result, AsyncIterator):
        items = [item async for item in result]
        return b"".join(items) if items and isinstance(items[0], bytes) else items
    return result


def _assert_returns(case: Case, result: Any) -> None:
    if case.returns is None:
        assert result is None
    elif case.returns is bytes:
        assert isinstance(result, bytes) and len(result) > 0
    elif isinstance(result, list):
        assert result and all(isinstance(item, case.returns) for item in result)
    else:
        assert isinstance(result, case.returns)


@pytest.mark.parametrize("op_id", sorted(CASES))
def test_each_request_matches_the_reference(op_id: str, fake: FakeBandwidth) -> None:
    case = CASES[op_id]
    args, kwargs = case.setup(fake)
    spec = SPECS[op_id]
    with BandwidthClient(
        account_id=ACCOUNT,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        voice_base_url=fake.voice_url,
        messaging_base_url=fake.messaging_url,
        token_url=fake.token_url,
    ) as bw:
        result = _collect(getattr(getattr(bw, spec.namespace), snake(op_id))(*args, **kwargs))
    _assert_returns(case, result)
    sent = [r for r in fake.requests if r.operation == op_id]
    assert len(sent) == case.calls
    for request in sent:
        check_request(op_id, request)
    assert [r for r in fake.requests if not r.operation and "oauth2" not in r.path] == []


@pytest.mark.parametrize("op_id", sorted(CASES))
def test_each_async_request_matches_the_reference(op_id: str, fake: FakeBandwidth) -> None:
    case = CASES[op_id]
    args, kwargs = case.setup(fake)
    spec = SPECS[op_id]

    async def main() -> Any:
        async with AsyncBandwidthClient(
            account_id=ACCOUNT,
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            voice_base_url=fake.voice_url,
            messaging_base_url=fake.messaging_url,
            token_url=fake.token_url,
        ) as bw:
            method = getattr(getattr(bw, spec.namespace), snake(op_id))
            return await _acollect(method(*args, **kwargs))

    result = asyncio.run(main())
    _assert_returns(case, result)
    sent = [r for r in fake.requests if r.operation == op_id]
    assert len(sent) == case.calls
    for request in sent:
        check_request(op_id, request)


def test_downloads_report_what_they_wrote(fake: FakeBandwidth, client: BandwidthClient,
                                          tmp_path: Any) -> None:  # fmt: skip
    call_id, rec = _rec(fake)
    done = client.recordings.download_call_recording(call_id, rec, tmp_path / "r.wav")
    assert isinstance(done, Downloaded)
    assert done.size == 70_000 and done.content_type == "audio/vnd.wave"
    assert (tmp_path / "r.wav").stat().st_size == 70_000

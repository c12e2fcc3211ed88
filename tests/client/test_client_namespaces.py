"""The namespaces beyond calls: conference BXML under the conference rules, token pagination
of messages and media, the generated sync client, and the old method names."""

from __future__ import annotations

import httpx
import pytest
from fake_bandwidth import ACCOUNT, FakeBandwidth, Fault
from pydantic import ValidationError

from bxmlkit.client import BandwidthClient, InvalidResponseError
from bxmlkit.client._unasync import SOURCE, TARGET, formatted, unasync
from bxmlkit.errors import BxmlStructureError
from bxmlkit.models import Bxml, PlayAudio, SpeakSentence, StartRecording


def test_the_sync_client_is_generated_from_the_async_one() -> None:
    assert TARGET.read_text() == formatted(unasync(SOURCE.read_text())), (
        "stale: run python bxmlkit/client/_unasync.py"
    )


# --------------------------------------------------------------------------- conference BXML


def test_conference_bxml_is_checked_and_put(fake: FakeBandwidth, client: BandwidthClient) -> None:
    conf = fake.add_conference()
    client.conferences.update_conference_bxml(
        conf, Bxml(verbs=[SpeakSentence(content=["Recording starts now."]), StartRecording()])
    )
    (sent,) = fake.seen("PUT", f"/conferences/{conf}/bxml$")
    assert sent.headers["Content-Type"] == "application/xml; charset=utf-8"
    assert b"<StartRecording/>" in fake.conference_bxml[conf][0]


@pytest.mark.parametrize(
    ("document", "line", "column", "verb"),
    [
        pytest.param(
            "<Bxml>\n  <SpeakSentence>hi</SpeakSentence>\n  <Gather/>\n</Bxml>",
            3,
            3,
            "Gather",
            id="text-located",
        ),
        pytest.param(
            b"<Bxml><Transfer><PhoneNumber>+15551112222</PhoneNumber></Transfer></Bxml>",
            1,
            7,
            "Transfer",
            id="bytes",
        ),
    ],
)
def test_conference_bxml_refuses_verbs_the_conference_context_forbids(
    document: str | bytes,
    line: int,
    column: int,
    verb: str,
    fake: FakeBandwidth,
    client: BandwidthClient,
) -> None:
    conf = fake.add_conference()
    with pytest.raises(BxmlStructureError) as caught:
        client.conferences.update_conference_bxml(conf, document)
    error = caught.value
    assert (error.line, error.column) == (line, column)
    assert f"<{verb}> is not allowed in conference BXML" in str(error)
    assert "update_conference_bxml()" in str(error)
    assert fake.seen("PUT") == []
    # The same document is fine for a call: the rules are the conference's.
    call_id = fake.add_call()
    client.calls.update_call_bxml(call_id, document)


def test_conference_bxml_model_with_a_forbidden_verb_is_refused(
    fake: FakeBandwidth, client: BandwidthClient
) -> None:
    from bxmlkit.models import Hangup

    with pytest.raises(BxmlStructureError, match="<Hangup> is not allowed in conference"):
        client.conferences.update_conference_bxml(
            "conf-1", Bxml(verbs=[PlayAudio(url="https://a.b/x.wav"), Hangup()])
        )
    assert fake.requests == []


def test_conference_bxml_is_never_sent_twice(fake: FakeBandwidth, client: BandwidthClient) -> None:
    conf = fake.add_conference()
    fake.inject("PUT", "/bxml$", Fault.drop())
    with pytest.raises(Exception, match="may or may not have acted") as caught:
        client.conferences.update_conference_bxml(conf, "<Bxml><StopRecording/></Bxml>")
    assert getattr(caught.value, "request_sent", None) is True
    assert len(fake.seen("PUT", "/bxml$")) == 1


def test_update_conference_rules_are_checked_first(client: BandwidthClient) -> None:
    with pytest.raises(ValidationError, match="not allowed with status='completed'"):
        client.conferences.update_conference(
            "conf-1", status="completed", redirect_url="https://e.example/r"
        )
    with pytest.raises(ValidationError, match="redirect_url is required"):
        client.conferences.update_conference("conf-1")
    with pytest.raises(ValidationError, match="an empty update does nothing"):
        client.conferences.update_conference_member("conf-1", "c-1")
    with pytest.raises(ValidationError, match="paused"):
        client.recordings.update_call_recording_state("c-1", "stopped")  # type: ignore[arg-type]


def test_a_conference_member_update_reaches_the_member(
    fake: FakeBandwidth, client: BandwidthClient
) -> None:
    member = fake.add_call()
    conf = fake.add_conference(member)
    client.conferences.update_conference_member(conf, member, hold=True, call_ids_to_coach=["c-9"])
    state = client.conferences.get_conference_member(conf, member)
    assert (state.hold, state.mute, state.call_ids_to_coach) == (True, False, ["c-9"])
    (sent,) = fake.seen("PUT", "/members/")
    assert sent.json() == {"hold": True, "callIdsToCoach": ["c-9"]}


# --------------------------------------------------------------------------- token pages


def _message(n: int) -> dict[str, object]:
    return {"id": f"m-{n}", "from": "+15551112222", "to": ["+15553334444"],
            "time": "2024-05-01T10:00:00.000Z"}  # fmt: skip


def test_messages_follow_page_tokens(fake: FakeBandwidth, client: BandwidthClient) -> None:
    fake.messages.extend(_message(n) for n in range(5))
    found = [m.message_id for m in client.messages.list_messages(limit=2)]
    assert found == ["m-0", "m-1", "m-2", "m-3", "m-4"]
    tokens = [r.query.get("pageToken") for r in fake.seen("GET", "/messages$")]
    assert tokens == [None, ["2"], ["4"]]


def test_a_repeating_page_token_stops(fake: FakeBandwidth, client: BandwidthClient) -> None:
    page = {"totalCount": 9, "pageInfo": {"nextPageToken": "same"},
            "messages": [{"messageId": "m-1"}]}  # fmt: skip
    fake.inject("GET", "/messages$", Fault.status(200, body=page), Fault.status(200, body=page))
    items = client.messages.list_messages()
    assert next(items).message_id == "m-1"
    assert next(items).message_id == "m-1"
    with pytest.raises(InvalidResponseError, match="leads back to page 2"):
        next(items)


def test_media_follow_continuation_tokens(fake: FakeBandwidth, client: BandwidthClient) -> None:
    for name in ("a.png", "b.png", "c.png", "d.png", "e.png"):
        fake.media[name] = ("image/png", name.encode())
    assert [m.media_name for m in client.media.list_media()] == [
        "a.png", "b.png", "c.png", "d.png", "e.png"
    ]  # fmt: skip
    tokens = [r.headers.get("Continuation-Token") for r in fake.seen("GET", "/media$")]
    assert tokens == [None, "2", "4"]


def test_a_repeating_continuation_token_stops(fake: FakeBandwidth, client: BandwidthClient) -> None:
    item = [{"content": "https://x/m", "contentLength": 1, "mediaName": "m"}]
    for _ in range(3):
        fault = Fault.status(200, body=item)
        fault.headers["Continuation-Token"] = "t-1"
        fake.inject("GET", "/media$", fault)
    with pytest.raises(InvalidResponseError, match="Continuation-Token: t-1"):
        list(client.media.list_media())
    assert len(fake.seen("GET", "/media$")) == 2


# --------------------------------------------------------------------------- old names


def test_old_names_still_work(fake: FakeBandwidth, client: BandwidthClient) -> None:
    call_id = fake.add_call()
    assert client.calls.get_call(call_id) == client.calls.get_call_state(call_id)
    old = client.messages.send_message("+15551112222", "+15553334444", application_id="a",
                                       text="hi")  # fmt: skip
    new = client.messages.create_message(from_="+15551112222", to=["+15553334444"],
                                         application_id="a", text="hi")  # fmt: skip
    first, second = (r.json() for r in fake.seen("POST", "/messages$"))
    assert first == second
    assert old.id != new.id


def test_every_namespace_uses_the_same_account_and_hosts(fake: FakeBandwidth) -> None:
    with BandwidthClient(account_id=ACCOUNT, username="u", password="p",
                         voice_base_url="https://voice.example/api/v2",
                         messaging_base_url="https://msg.example/api/v2",
                         transport=httpx.MockTransport(lambda r: httpx.Response(
                             200, json={"currentCallQueueSize": 3}))) as bw:  # fmt: skip
        assert bw.statistics.get_statistics().current_call_queue_size == 3


def test_an_undocumented_empty_2xx_reads_as_an_empty_model(
    fake: FakeBandwidth, client: BandwidthClient
) -> None:
    fake.inject("GET", "/statistics$", Fault.status(204, raw=b""))
    fake.inject("GET", "/recordings$", Fault.status(204, raw=b""))
    assert client.statistics.get_statistics().current_call_queue_size is None
    assert client.recordings.list_account_call_recordings() == []
    fake.inject("GET", "/statistics$", Fault.status(200, raw=b""))  # documented 200: not empty
    with pytest.raises(InvalidResponseError, match="not valid JSON"):
        client.statistics.get_statistics()

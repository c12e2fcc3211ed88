"""update_call_bxml: checked before sending, PUT as application/xml, 204."""

from __future__ import annotations

import pytest
from fake_bandwidth import FakeBandwidth

from bxmlkit.client import BandwidthClient, ConflictError, NotFoundError
from bxmlkit.codec import from_xml
from bxmlkit.errors import BxmlParseError, BxmlStructureError, XmlLimitError, XmlSyntaxError
from bxmlkit.models import Bxml, Hangup, Pause, Response, SpeakSentence


def test_a_model_is_serialised_and_put(client: BandwidthClient, fake: FakeBandwidth) -> None:
    call_id = fake.add_call()
    client.calls.update_call_bxml(
        call_id, Bxml(SpeakSentence("This is a test."), Pause(duration=1))
    )
    (sent,) = fake.seen("PUT", call_id)
    assert sent.path.endswith(f"/calls/{call_id}/bxml")
    assert sent.headers["Content-Type"] == "application/xml; charset=utf-8"
    assert from_xml(sent.body) == Bxml(SpeakSentence("This is a test."), Pause(duration=1))
    assert sent.body.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')


@pytest.mark.parametrize(
    "document",
    [
        pytest.param("<Bxml><SpeakSentence>Hi</SpeakSentence><Hangup/></Bxml>", id="str"),
        pytest.param(b"<?xml version='1.0'?>\n<Bxml>\n  <Hangup/>\n</Bxml>", id="bytes"),
        pytest.param("<Bxml/>", id="empty-root"),
    ],
)
def test_text_is_checked_then_put(
    document: str | bytes, client: BandwidthClient, fake: FakeBandwidth
) -> None:
    call_id = fake.add_call()
    client.calls.update_call_bxml(call_id, document)
    (sent,) = fake.seen("PUT", call_id)
    assert from_xml(sent.body) == from_xml(document)


def test_the_reference_example(client: BandwidthClient, fake: FakeBandwidth) -> None:
    call_id = fake.add_call()
    client.calls.update_call_bxml(
        call_id,
        '<?xml version="1.0" encoding="UTF-8"?>\n<Bxml>\n'
        '  <Redirect redirectUrl="https://test.example" redirectMethod="GET"/>\n</Bxml>',
    )
    assert b'redirectUrl="https://test.example"' in fake.bxml[call_id][0]


@pytest.mark.parametrize(
    ("document", "error", "fragment"),
    [
        pytest.param(
            "<Response><Hangup/></Response>", BxmlStructureError, "<Bxml>", id="response-text"
        ),
        pytest.param(
            Response(Hangup()), BxmlStructureError, "webhook replies", id="response-model"
        ),
        pytest.param("<Bxml><Hangup>", XmlSyntaxError, "", id="not-well-formed"),
        pytest.param("<Bxml><Hnagup/></Bxml>", BxmlStructureError, "Hangup", id="typo"),
        pytest.param(
            "<Bxml><Pause duration='soon'/></Bxml>", BxmlStructureError, "duration", id="bad-value"
        ),
        pytest.param('<!DOCTYPE x [<!ENTITY e "boom">]><Bxml/>', XmlSyntaxError, "", id="doctype"),
    ],
)
def test_bad_documents_are_refused_and_nothing_is_sent(
    document: object,
    error: type[BxmlParseError],
    fragment: str,
    client: BandwidthClient,
    fake: FakeBandwidth,
) -> None:
    call_id = fake.add_call()
    with pytest.raises(error) as caught:
        client.calls.update_call_bxml(call_id, document)  # type: ignore[arg-type]
    assert fragment in str(caught.value)
    assert fake.requests == []


def test_response_refusal_explains_the_fix(client: BandwidthClient) -> None:
    with pytest.raises(BxmlStructureError) as caught:
        client.calls.update_call_bxml("c-1", "<Response/>")
    error = caught.value
    assert (error.expected, error.actual) == ("Bxml", "Response")
    assert "Bxml(" in error.hint


def test_other_types_are_a_type_error(client: BandwidthClient, fake: FakeBandwidth) -> None:
    with pytest.raises(TypeError, match="Bxml"):
        client.calls.update_call_bxml("c-1", {"verbs": []})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        client.calls.update_call_bxml("c-1", SpeakSentence("hi"))  # type: ignore[arg-type]
    assert fake.requests == []


def test_api_errors_after_the_check(client: BandwidthClient, fake: FakeBandwidth) -> None:
    with pytest.raises(NotFoundError):
        client.calls.update_call_bxml("c-gone", Bxml(Hangup()))
    call_id = fake.add_call()
    client.calls.update_call_bxml(call_id, Bxml(Hangup()))  # the fake hangs up on <Hangup/>
    with pytest.raises(ConflictError):
        client.calls.update_call_bxml(call_id, Bxml(Hangup()))


def test_documents_over_64_kb_are_refused(client: BandwidthClient, fake: FakeBandwidth) -> None:
    big = Bxml(*[SpeakSentence("x" * 1000) for _ in range(70)])
    with pytest.raises(XmlLimitError, match="64 KB"):
        client.calls.update_call_bxml("c-1", big)
    assert fake.requests == []

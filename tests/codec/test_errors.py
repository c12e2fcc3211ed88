"""Every kind of parse error: line, column, path, message, expected and hint asserted."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bxmlkit import Bridge, Comment, Response
from bxmlkit.codec import from_xml
from bxmlkit.errors import (
    BxmlError,
    BxmlParseError,
    BxmlStructureError,
    SourceError,
    XmlLimitError,
    XmlSyntaxError,
)

CASES = [
    pytest.param(
        '<Response>\n  <Gather maxdigits="3"/>\n</Response>',
        BxmlStructureError, 2, 11, "/Response/Gather/@maxdigits",
        'unknown attribute "maxdigits" on <Gather>', 'did you mean "maxDigits"?',
        id="unknown-attribute-case-slip",
    ),
    pytest.param(
        '<Response><StartStream destination="wss://x" destination_username="u"/></Response>',
        BxmlStructureError, 1, 46, "/Response/StartStream/@destination_username",
        'unknown attribute "destination_username"', 'did you mean "destinationUsername"?',
        id="unknown-attribute-snake-case",
    ),
    pytest.param(
        "<Response>\n\n    <SpeakSentance>Hi</SpeakSentance>\n</Response>",
        BxmlStructureError, 3, 5, "/Response/SpeakSentance",
        "unknown element <SpeakSentance> inside <Response>", "did you mean <SpeakSentence>?",
        id="unknown-element",
    ),
    pytest.param(
        '<Response><Hangup/><Gather maxDigits="1"/><Gather maxDigits="0"/></Response>',
        BxmlStructureError, 1, 51, "/Response/Gather[2]/@maxDigits",
        'Gather attribute maxDigits="0" is invalid: expected an integer from 1 to 50', "",
        id="out-of-range",
    ),
    pytest.param(
        '<Response><Gather gatherMethod="PUT"/></Response>',
        BxmlStructureError, 1, 19, "/Response/Gather/@gatherMethod",
        "expected one of GET, POST", "",
        id="bad-enum",
    ),
    pytest.param(
        '<Response><Ring answerCall="True"/></Response>',
        BxmlStructureError, 1, 17, "/Response/Ring/@answerCall",
        "expected true or false (lowercase)", 'BXML booleans are lowercase: write "true"',
        id="python-boolean",
    ),
    pytest.param(
        '<Response><Pause duration="two"/></Response>',
        BxmlStructureError, 1, 18, "/Response/Pause/@duration",
        'Pause attribute duration="two" is invalid: expected a decimal number from 0.1 to 86400', "",
        id="not-a-number",
    ),
    pytest.param(
        "<Response>\n<Gather>\n  <Hangup/>\n</Gather></Response>",
        BxmlStructureError, 3, 3, "/Response/Gather/Hangup",
        "<Hangup> is not allowed inside <Gather>", "allowed: SpeakSentence, PlayAudio",
        id="illegal-nesting",
    ),
    pytest.param(
        "<Response><Redirect/></Response>",
        BxmlStructureError, 1, 11, "/Response/Redirect",
        "<Redirect> is missing required attribute redirectUrl",
        "redirectUrl: the URL that returns the next BXML",
        id="missing-required",
    ),
    pytest.param(
        "<Verbs><Hangup/></Verbs>",
        BxmlStructureError, 1, 1, "/Verbs",
        "the root element must be <Response> or <Bxml>, not <Verbs>",
        "<Response> answers a webhook, <Bxml> is the body of an update-call request",
        id="wrong-root",
    ),
    pytest.param(
        '<?xml version="1.0"?>\n<xml><Response><Hangup/></Response></xml>',
        BxmlStructureError, 2, 1, "/xml",
        "the root element must be <Response> or <Bxml>, not <xml>", "remove the <xml> wrapper",
        id="xml-wrapper",
    ),
    pytest.param(
        "<Response><Transfer><PhoneNumber>555-0100</PhoneNumber></Transfer></Response>",
        BxmlStructureError, 1, 21, "/Response/Transfer/PhoneNumber",
        '<PhoneNumber> text "555-0100" is invalid: expected an E.164 phone number such as +15555551212', "",
        id="bad-phone-number",
    ),
    pytest.param(
        "<Response><SendDtmf>12x</SendDtmf></Response>",
        BxmlStructureError, 1, 11, "/Response/SendDtmf",
        '<SendDtmf> text "12x" is invalid', '"x" is not DTMF',
        id="bad-dtmf",
    ),
    pytest.param(
        "<Response><SpeakSentence>  </SpeakSentence></Response>",
        BxmlStructureError, 1, 11, "/Response/SpeakSentence",
        "<SpeakSentence> has no text to speak", "write the words inside it",
        id="empty-sentence",
    ),
    pytest.param(
        "<Response><Transfer/></Response>",
        BxmlStructureError, 1, 11, "/Response/Transfer",
        "<Transfer> needs at least 1 PhoneNumber or SipUri child",
        "add <PhoneNumber> or <SipUri> (1 to 8 in all)",
        id="too-few-children",
    ),
    pytest.param(
        "<Response>Hello<Hangup/></Response>",
        BxmlStructureError, 1, 1, "/Response",
        'unexpected text "Hello" inside <Response>', "text to speak goes inside <SpeakSentence>",
        id="stray-text",
    ),
    pytest.param(
        '<Response><Refer><SipUri uui="x">sip:a@b</SipUri></Refer></Response>',
        BxmlStructureError, 1, 26, "/Response/Refer/SipUri/@uui",
        'unknown attribute "uui" on <SipUri>', "<SipUri> inside <Refer> takes no attributes",
        id="refer-sipuri-attribute",
    ),
    pytest.param(
        "<Response><Hangup></Response>",
        XmlSyntaxError, 1, 19, "", "not well-formed XML: </Response> on line 1 does not close <Hangup>", "",
        id="not-well-formed",
    ),
    pytest.param(
        '<!DOCTYPE Response [<!ENTITY x "boom">]><Response><SpeakSentence>&x;</SpeakSentence></Response>',
        XmlSyntaxError, 1, 1, "", "a DOCTYPE is not allowed in BXML", "",
        id="doctype",
    ),
    pytest.param(
        '<Response><?php echo 1 ?><Hangup/></Response>',
        XmlSyntaxError, 1, 11, "", "a processing instruction is not allowed", "",
        id="processing-instruction",
    ),
    pytest.param(
        "", XmlSyntaxError, 1, 1, "", "the document is empty", "",
        id="empty",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("xml", "kind", "line", "column", "path", "message", "hint"), CASES)
def test_parse_errors_are_located_and_explained(
    xml: str, kind: type[BxmlParseError], line: int, column: int, path: str, message: str, hint: str
) -> None:
    with pytest.raises(kind) as info:
        from_xml(xml)
    error = info.value
    assert (error.line, error.column) == (line, column)
    assert error.path == path
    assert message in error.message
    assert hint in error.hint
    assert error.source == "<string>"
    assert str(error).startswith(f"<string>:{line}:{column}: ")


def test_namespaced_attributes_are_named_with_their_prefix() -> None:
    xml = '<Response xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="b.xsd"/>'
    with pytest.raises(
        BxmlStructureError, match='unknown attribute "xsi:noNamespaceSchemaLocation"'
    ):
        from_xml(xml)


def test_expected_and_actual_are_filled() -> None:
    with pytest.raises(BxmlStructureError) as info:
        from_xml('<Response><Gather input="voice"/></Response>')
    assert info.value.expected == "one of dtmf, speech, dtmf_speech"
    assert info.value.actual == "voice"


def test_every_parse_error_is_a_bxml_error_and_a_value_error() -> None:
    for kind in (XmlSyntaxError, XmlLimitError, BxmlStructureError):
        assert issubclass(kind, BxmlParseError)
        assert issubclass(kind, BxmlError)
        assert issubclass(kind, ValueError)


def test_file_sources_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "reply.xml"
    bad.write_text('<Response>\n<Pause duration="0"/>\n</Response>')
    with pytest.raises(BxmlStructureError) as info:
        from_xml(bad)
    assert info.value.source == str(bad)
    assert str(info.value).startswith(f"{bad}:2:8: ")


def test_sources_of_every_kind(tmp_path: Path) -> None:
    xml = "<Response><Hangup/></Response>"
    path = tmp_path / "ok.xml"
    path.write_text(xml)
    expected = from_xml(xml)
    assert from_xml(xml.encode()) == expected
    assert from_xml(path) == expected
    assert from_xml(io.BytesIO(xml.encode())) == expected


def test_missing_file_and_directory_are_source_errors(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        from_xml(tmp_path / "missing.xml")
    with pytest.raises(SourceError, match="is a directory"):
        from_xml(tmp_path)


def test_limits_have_their_own_errors() -> None:
    with pytest.raises(XmlLimitError, match="over the limit of 100 bytes"):
        from_xml("<Response>" + " " * 200 + "</Response>", max_bytes=100)
    deep = (
        "<Response>"
        + "<SpeakSentence>"
        + "<p>" * 70
        + "x"
        + "</p>" * 70
        + "</SpeakSentence></Response>"
    )
    with pytest.raises(XmlLimitError, match="nested deeper than the limit of 64"):
        from_xml(deep)


def test_comments_and_whitespace_between_elements_are_allowed() -> None:
    doc = from_xml(
        "<!-- greeting -->\n<Response>\n  <!-- say hi -->\n  <Bridge>\n    c-123\n  </Bridge>\n</Response>"
    )
    assert doc == Response(
        Comment(" say hi "), Bridge("c-123"), leading_comments=[Comment(" greeting ")]
    )


def test_str_that_looks_like_a_path_is_explained() -> None:
    with pytest.raises(XmlSyntaxError):
        from_xml("reply.xml")


def test_encoded_documents_are_read(tmp_path: Path) -> None:
    xml = '<?xml version="1.0" encoding="UTF-16"?><Response><SpeakSentence>Grüße 👋</SpeakSentence></Response>'
    doc = from_xml(xml.encode("utf-16"))
    assert doc.verbs[0].text == "Grüße 👋"  # type: ignore[union-attr]
    assert from_xml(xml) == doc  # a str keeps its declaration but is read as text


def test_every_pattern_a_model_uses_is_described_in_words() -> None:
    from bxmlkit.models import ELEMENTS
    from bxmlkit.models._base import field_constraints
    from bxmlkit.models._types import PATTERN_WORDS

    for cls in ELEMENTS.values():
        for name, info in cls.model_fields.items():
            pattern = field_constraints(info).pattern
            if pattern is not None:
                assert pattern in PATTERN_WORDS, (cls.xml_tag, name, pattern)


def test_forward_target_message_names_what_is_allowed() -> None:
    with pytest.raises(BxmlStructureError) as info:
        from_xml('<Response><Forward to="5550100"/></Response>')
    assert (
        info.value.expected == "an E.164 phone number such as +15555551212, or a sip: or sips: URI"
    )

"""Hints where the fix is elsewhere (issue 14 item 3): each message quoted whole."""

from __future__ import annotations

import pytest

from bxmlkit.lint import lint

Found = list[tuple[str, int, int, str]]

CASES: list[tuple[str, str, Found]] = [
    (
        "attribute-of-the-child",
        '<Response>\n  <Transfer transferAnswerUrl="https://example.com/answer">\n    <PhoneNumber>+15555551212</PhoneNumber>\n  </Transfer>\n</Response>\n',
        [
            (
                "BX103",
                2,
                13,
                'unknown attribute "transferAnswerUrl" on <Transfer>; it belongs on <PhoneNumber> or <SipUri>: move it there',
            )
        ],
    ),
    (
        "speak-wrapper",
        '<Response>\n  <SpeakSentence><speak>Hello <break time="1s"/> there</speak></SpeakSentence>\n</Response>\n',
        [
            (
                "BX102",
                2,
                18,
                "unknown element <speak> inside <SpeakSentence>; <SpeakSentence> is already the SSML root: drop the <speak> and </speak> tags and keep what is between them",
            )
        ],
    ),
    (
        "v1-sentence-attribute",
        '<Response>\n  <SpeakSentence sentence="Hello"/>\n</Response>\n',
        [
            (
                "BX402",
                2,
                18,
                'unknown attribute "sentence" on <SpeakSentence>; a BXML v1 attribute with no v2 equivalent: move the text inside the element: <SpeakSentence>text</SpeakSentence> (the v1 SDKs wrote it as an attribute)',
            )
        ],
    ),
    (
        "host-without-scheme",
        '<Response>\n  <Redirect redirectUrl="ivr.example.com/next"/>\n</Response>\n',
        [
            (
                "BX209",
                2,
                13,
                "redirectUrl 'ivr.example.com/next' has no scheme, so it is a path relative to the URL that returned this BXML, not the host 'ivr.example.com'; write 'https://ivr.example.com/next'",
            )
        ],
    ),
]


@pytest.mark.parametrize(("xml", "expected"), [pytest.param(x, e, id=n) for n, x, e in CASES])
def test_exact_diagnostics(xml: str, expected: Found) -> None:
    assert [(d.code, d.line, d.column, d.message) for d in lint(xml)] == expected

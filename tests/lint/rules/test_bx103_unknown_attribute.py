"""BX103 unknown-attribute."""

from __future__ import annotations

from typing import Any

import pytest

from bxmlkit.lint import lint
from bxmlkit.lint.fix import apply_fixes


@pytest.mark.parametrize(
    ("xml", "problem", "words"),
    [
        pytest.param(
            '<Response><Gather maxdigits="4"/></Response>',
            (1, 19, "BX103"),
            'did you mean "maxDigits"',
            id="case-slip",
        ),
        pytest.param(
            '<Response><StartStream destination="wss://x" destination_username="u"/></Response>',
            (1, 46, "BX103"),
            '"destinationUsername"',
            id="snake-case",
        ),
        pytest.param(
            '<Response><Record recordCompleteFallback_url="https://x"/></Response>',
            (1, 19, "BX103"),
            '"recordCompleteFallbackUrl"',
            id="python-sdk-leak",
        ),
        pytest.param(
            '<Response><Gather timeout="5"/></Response>',
            (1, 19, "BX103"),
            "firstDigitTimeout",
            id="gather-timeout",
        ),
        pytest.param(
            '<Response><Gather inputType="dtmf"/></Response>',
            (1, 19, "BX103"),
            "input=",
            id="gather-inputType",
        ),
        pytest.param(
            '<Response><Gather maxWaitTime="5"/></Response>',
            (1, 19, "BX103"),
            "firstDigitTimeout",
            id="gather-maxWaitTime",
        ),
        pytest.param(
            (
                '<Response><Transfer timeLimit="60"><PhoneNumber>+15555550100'
                "</PhoneNumber></Transfer></Response>"
            ),
            (1, 21, "BX103"),
            "BXML has no limit",
            id="transfer-timeLimit",
        ),
        pytest.param(
            '<Response><StartStream url="wss://x"/></Response>',
            [(1, 11, "BX106"), (1, 24, "BX103")],  # and destination is missing
            "destination=",
            id="stream-url",
        ),
        pytest.param(
            '<Response><Record callbackUrl="https://x"/></Response>',
            (1, 19, "BX103"),
            "recordCompleteUrl",
            id="record-callbackUrl",
        ),
        pytest.param(
            '<Response><Bridge targetCall="c-1">c-1</Bridge></Response>',
            (1, 19, "BX103"),
            "text content",
            id="bridge-targetCall",
        ),
        pytest.param(
            '<Response><StartRecording uploadCompleteUrl="https://x"/></Response>',
            (1, 27, "BX103"),
            "recordingAvailableUrl",
            id="old-name",
        ),
        pytest.param(
            '<Response><Hangup frobnicate="1"/></Response>',
            (1, 19, "BX103"),
            'unknown attribute "frobnicate" on <Hangup>',
            id="nonsense",
        ),
    ],
)
def test_unknown_attribute(xml: str, problem: Any, words: str, check: Any, messages: Any) -> None:
    diagnostics = check(xml, problem=problem)
    assert words in messages(diagnostics, "BX103")[0]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ('<Gather maxdigits="4"/>', '<Gather maxDigits="4"/>'),
        (
            "<StartStream destination='wss://x' destination_username='u'/>",
            "<StartStream destination='wss://x' destinationUsername='u'/>",
        ),
    ],
)
def test_slips_are_fixed(before: str, after: str) -> None:
    source = f"<Response>\n  {before} <!-- keep -->\n</Response>\n"
    fixed, applied = apply_fixes(source, lint(source))
    assert applied == 1
    assert fixed == f"<Response>\n  {after} <!-- keep -->\n</Response>\n"


def test_habits_are_not_fixed() -> None:
    (diagnostic,) = lint('<Response><Gather timeout="5"/></Response>')
    assert (diagnostic.line, diagnostic.column, diagnostic.code) == (1, 19, "BX103")
    assert diagnostic.fix is None


def test_sipuri_inside_refer_takes_no_attributes(check: Any, messages: Any) -> None:
    xml = '<Response><Refer><SipUri uui="x">sip:a@example.com</SipUri></Refer></Response>'
    diagnostics = check(xml, problem=(1, 26, "BX103"), also=[(1, 26, "BX110")])
    assert messages(diagnostics, "BX103") == [
        'unknown attribute "uui" on <SipUri>; <SipUri> inside <Refer> takes no attributes'
    ]


def test_legacy_attributes_are_left_to_bx402(check: Any) -> None:
    check('<Response><Pause length="2"/></Response>', clean="BX103", also=[(1, 18, "BX402")])


def test_known_attributes_are_clean(check: Any) -> None:
    check('<Response><Gather maxDigits="4" firstDigitTimeout="5"/></Response>', clean="BX103")

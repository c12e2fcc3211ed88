"""BX201 unreachable-verb."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("ender", "words"),
    [
        pytest.param("<Hangup/>", "the <Hangup> on line 2 ends the call", id="hangup"),
        pytest.param(
            '<Redirect redirectUrl="/next"/>', "the <Redirect> on line 2 replaces", id="redirect"
        ),
        pytest.param('<Forward to="+15555550100"/>', "the <Forward> on line 2 hands", id="forward"),
        pytest.param(
            '<Gather gatherUrl="/g"/>',
            "the <Gather> on line 2 ends, the BXML returned by its gatherUrl",
            id="gather-url",
        ),
        pytest.param(
            '<Record recordCompleteUrl="/r"/>',
            "the <Record> on line 2 ends, the BXML returned by its recordCompleteUrl",
            id="record-url",
        ),
        pytest.param(
            '<Bridge bridgeCompleteUrl="/b">c-1</Bridge>',
            "the <Bridge> on line 2 ends, the BXML returned by its bridgeCompleteUrl",
            id="bridge-url",
        ),
        pytest.param(
            '<Transfer transferCompleteUrl="/t"><PhoneNumber>+15555550100</PhoneNumber></Transfer>',
            "the <Transfer> on line 2 ends, the BXML returned by its transferCompleteUrl",
            id="transfer-url",
        ),
        pytest.param(
            '<Refer referCompleteUrl="/r"><SipUri>sip:a@b.c</SipUri></Refer>',
            "the <Refer> on line 2 ends, the BXML returned by its referCompleteUrl",
            id="refer-url",
        ),
    ],
)
def test_unreachable(ender: str, words: str, check: Any, messages: Any) -> None:
    xml = f"<Response>\n  {ender}\n  <SpeakSentence>never</SpeakSentence>\n  <Hangup/>\n</Response>"
    diagnostics = check(xml, problem=(3, 3, "BX201"))
    assert words in messages(diagnostics, "BX201")[0]
    assert "and the 1 verb after it" in messages(diagnostics, "BX201")[0]
    assert len(messages(diagnostics, "BX201")) == 1


@pytest.mark.parametrize(
    "verb",
    [
        pytest.param("<Gather/>", id="gather-without-url"),
        pytest.param("<Record/>", id="record-without-url"),
        pytest.param("<Refer><SipUri>sip:a@b.c</SipUri></Refer>", id="refer-without-url"),
        pytest.param("<Conference>c</Conference>", id="conference"),
    ],
)
def test_execution_continues(verb: str, check: Any) -> None:
    check(f"<Response>{verb}<Hangup/></Response>", clean="BX201")


def test_last_verb_is_fine(check: Any) -> None:
    check("<Response><SpeakSentence>bye</SpeakSentence><Hangup/></Response>", clean="BX201")

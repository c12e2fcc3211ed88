"""BX107 invalid-text."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("xml", "problem", "words"),
    [
        pytest.param(
            "<Response><SpeakSentence>  </SpeakSentence></Response>",
            (1, 11, "BX107"),
            "<SpeakSentence> has no text to speak",
            id="blank-sentence",
        ),
        pytest.param(
            "<Response><SpeakSentence><break time='1s'/></SpeakSentence></Response>",
            (1, 11, "BX107"),
            "no text to speak",
            id="ssml-only",
        ),
        pytest.param(
            "<Response><Transfer><PhoneNumber>555-0123</PhoneNumber></Transfer></Response>",
            (1, 21, "BX107"),
            '<PhoneNumber> text "555-0123" is invalid',
            id="phone",
        ),
        pytest.param(
            "<Response><SendDtmf>12x#</SendDtmf></Response>",
            (1, 11, "BX107"),
            '"x" is not DTMF',
            id="dtmf",
        ),
        pytest.param(
            "<Response><Conference>my conference</Conference></Response>",
            (1, 11, "BX107"),
            "letters, digits",
            id="conference-name",
        ),
        pytest.param(
            "<Response><Hangup>now</Hangup></Response>",
            (1, 11, "BX107"),
            "takes no text",
            id="text-in-empty-verb",
        ),
    ],
)
def test_invalid_text(
    xml: str, problem: tuple[int, int, str], words: str, check: Any, messages: Any
) -> None:
    diagnostics = check(xml, problem=problem)
    assert words in messages(diagnostics, "BX107")[0]


def test_valid_text_is_clean(check: Any) -> None:
    check(
        "<Response><SpeakSentence>Hi <break time='1s'/></SpeakSentence><SendDtmf>12w#</SendDtmf>"
        "<Transfer><PhoneNumber>+15555550123</PhoneNumber></Transfer></Response>",
        clean="BX107",
    )

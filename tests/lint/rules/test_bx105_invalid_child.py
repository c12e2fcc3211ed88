"""BX105 invalid-child."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("xml", "problem", "words"),
    [
        pytest.param(
            "<Response><Gather><Record/></Gather></Response>",
            (1, 19, "BX105"),
            "<Record> is not allowed inside <Gather>",
            id="record-in-gather",
        ),
        pytest.param(
            "<Response><PhoneNumber>+15555550100</PhoneNumber></Response>",
            (1, 11, "BX105"),
            "inside <Transfer>",
            id="noun-in-root",
        ),
        pytest.param(
            "<Response><Transfer><PhoneNumber>+15555550100</PhoneNumber><SpeakSentence>hi</SpeakSentence></Transfer></Response>",
            (1, 60, "BX105"),
            "BXML v1",
            id="v1-prompt-in-transfer",
        ),
        pytest.param(
            "<Response><Hangup><Pause/></Hangup></Response>",
            (1, 19, "BX105"),
            "<Pause> is not allowed inside <Hangup>",
            id="child-of-empty-verb",
        ),
    ],
)
def test_invalid_child(
    xml: str, problem: tuple[int, int, str], words: str, check: Any, messages: Any
) -> None:
    diagnostics = check(xml, problem=problem)
    assert words in messages(diagnostics, "BX105")[0]


def test_allowed_nesting_is_clean(check: Any) -> None:
    check(
        "<Response><Gather><SpeakSentence>a</SpeakSentence><PlayAudio>b.wav</PlayAudio>"
        "</Gather></Response>",
        clean="BX105",
    )

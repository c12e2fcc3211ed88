"""BX102 unknown-element."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("xml", "problem", "words"),
    [
        pytest.param(
            "<Response><Say>Hi</Say></Response>",
            (1, 11, "BX102"),
            "<SpeakSentence>",
            id="twiml-say",
        ),
        pytest.param(
            "<Response>\n  <speakSentence>Hi</speakSentence>\n</Response>",
            (2, 3, "BX102"),
            "did you mean <SpeakSentence>",
            id="case-slip",
        ),
        pytest.param(
            "<Response><Dial>+15555550100</Dial></Response>",
            (1, 11, "BX102"),
            "<Transfer>",
            id="twiml-dial",
        ),
        pytest.param(
            "<Response><Frobnicate/></Response>",
            (1, 11, "BX102"),
            "unknown element <Frobnicate>",
            id="nonsense",
        ),
    ],
)
def test_unknown_element(
    xml: str, problem: tuple[int, int, str], words: str, check: Any, messages: Any
) -> None:
    diagnostics = check(xml, problem=problem)
    assert words in messages(diagnostics, "BX102")[0]


def test_every_unknown_element_is_reported_not_only_the_first(check: Any) -> None:
    check(
        "<Response><Say>a</Say><Play>b</Play><SendDtmf>1x</SendDtmf></Response>",
        problem=[(1, 11, "BX102"), (1, 23, "BX102"), (1, 37, "BX107")],
    )


def test_legacy_verbs_are_left_to_bx401(check: Any) -> None:
    check(
        "<Response><SendMessage from='a' to='b'>x</SendMessage></Response>",
        clean="BX102",
        also=[(1, 11, "BX401")],
    )


def test_known_elements_are_clean(check: Any) -> None:
    check("<Response><SpeakSentence>Hi</SpeakSentence><Hangup/></Response>", clean="BX102")

"""BX501 unknown-voice."""

from __future__ import annotations

from typing import Any

import pytest

from bxmlkit.lint import Severity


@pytest.mark.parametrize(
    ("voice", "words"),
    [
        pytest.param("Julie", "write 'julie'", id="case"),
        pytest.param("salli", "retired", id="retired"),
        pytest.param("Sophia", "documented voices for en_US", id="unknown"),
        pytest.param("Emily", "documented voices", id="emily"),
        pytest.param("julia", "did you mean 'julie'", id="typo"),
    ],
)
def test_unknown_voice(voice: str, words: str, check: Any, messages: Any) -> None:
    diagnostics = check(
        f'<Response><SpeakSentence voice="{voice}">hi</SpeakSentence></Response>',
        problem=(1, 26, "BX501"),
    )
    assert words in messages(diagnostics, "BX501")[0]
    assert {d.severity for d in diagnostics if d.code == "BX501"} == {Severity.WARNING}


def test_known_voice_is_clean(check: Any) -> None:
    check('<Response><SpeakSentence voice="julie">hi</SpeakSentence></Response>', clean="BX501")


def test_extra_voices_option_and_severity(check: Any) -> None:
    xml = '<Response><SpeakSentence voice="newvoice">hi</SpeakSentence></Response>'
    check(xml, {"rules": {"BX501": {"extra-voices": ["newvoice"]}}}, clean="BX501")
    diagnostics = check(xml, {"severity": {"unknown-voice": "error"}}, problem=(1, 26, "BX501"))
    assert diagnostics[0].severity is Severity.ERROR

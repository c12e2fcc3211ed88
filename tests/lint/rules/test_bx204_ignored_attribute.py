"""BX204 ignored-attribute."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("xml", "problem", "words"),
    [
        pytest.param(
            '<Response><SpeakSentence voice="julie" gender="male">a</SpeakSentence></Response>',
            (1, 40, "BX204"),
            "gender='male' is ignored",
            id="voice-gender",
        ),
        pytest.param(
            '<Response><SpeakSentence voice="julie" locale="fr">a</SpeakSentence></Response>',
            (1, 40, "BX204"),
            "locale='fr' is ignored",
            id="voice-locale",
        ),
        pytest.param(
            '<Response><Gather hints="yes no"/></Response>',
            (1, 19, "BX204"),
            "speech input",
            id="speech-attr-dtmf-default",
        ),
        pytest.param(
            '<Response><Gather input="dtmf" speechTimeout="3"/></Response>',
            (1, 32, "BX204"),
            "speech input",
            id="speech-attr-dtmf",
        ),
        pytest.param(
            '<Response><Record detectLanguage="true"/></Response>',
            (1, 19, "BX204"),
            "transcribe",
            id="detect-language",
        ),
        pytest.param(
            (
                '<Response><Transfer diversionReason="away"><PhoneNumber>+15555550100'
                "</PhoneNumber></Transfer></Response>"
            ),
            (1, 21, "BX204"),
            "stack",
            id="diversion",
        ),
        pytest.param(
            '<Response><Gather gatherMethod="GET"/></Response>',
            (1, 19, "BX204"),
            "without gatherUrl",
            id="method-without-url",
        ),
        pytest.param(
            '<Response><Redirect redirectUrl="/a" redirectFallbackUrl="/b" '
            'fallbackUsername="u"/></Response>',
            None,
            "",
            id="fallback-ok",
        ),
        pytest.param(
            '<Response><Gather gatherFallbackUrl="/b"/></Response>',
            (1, 19, "BX204"),
            "gatherUrl is not set",
            id="fallback-without-primary",
        ),
        pytest.param(
            '<Response><SpeakSentence>On <say-as interpret-as="cardinal" format="dmy">1</say-as>'
            "</SpeakSentence></Response>",
            (1, 61, "BX204"),
            "interpret-as",
            id="say-as-format",
        ),
        pytest.param(
            '<Response><StartTranscription stabilized="false"/></Response>',
            (1, 31, "BX204"),
            "destination",
            id="stabilized",
        ),
    ],
)
def test_ignored(
    xml: str, problem: tuple[int, int, str] | None, words: str, check: Any, messages: Any
) -> None:
    diagnostics = check(xml, problem=problem)
    if problem is None:
        assert not messages(diagnostics, "BX204")
    else:
        assert words in messages(diagnostics, "BX204")[0]


def test_speech_attributes_with_speech_input_are_used(check: Any) -> None:
    check(
        '<Response><Gather input="speech" hints="yes" speechTimeout="3"/></Response>', clean="BX204"
    )


def test_voice_alone_is_clean(check: Any) -> None:
    check('<Response><SpeakSentence voice="julie">a</SpeakSentence></Response>', clean="BX204")

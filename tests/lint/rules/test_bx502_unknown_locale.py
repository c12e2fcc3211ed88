"""BX502 unknown-locale."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        pytest.param("en_GB", "did you mean 'en_UK'", id="en-gb"),
        pytest.param("en-US", "did you mean 'en_US'", id="hyphen"),
        pytest.param("en_us", "did you mean 'en_US'", id="case"),
        pytest.param("xx_YY", "documented:", id="unknown"),
    ],
)
def test_unknown_locale(locale: str, words: str, check: Any, messages: Any) -> None:
    diagnostics = check(
        f'<Response><SpeakSentence locale="{locale}">hi</SpeakSentence></Response>',
        problem=(1, 26, "BX502"),
    )
    assert words in messages(diagnostics, "BX502")[0]


def test_known_locale_is_clean(check: Any) -> None:
    check('<Response><SpeakSentence locale="en_UK">hi</SpeakSentence></Response>', clean="BX502")
    check(
        '<Response><SpeakSentence locale="pt_BR">oi</SpeakSentence></Response>',
        {"rules": {"BX502": {"extra-locales": ["pt_BR"]}}},
        clean="BX502",
    )

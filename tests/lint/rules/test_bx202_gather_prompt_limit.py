"""BX202 gather-prompt-limit."""

from __future__ import annotations

from typing import Any

_TWO = "<SpeakSentence>a</SpeakSentence><PlayAudio>b.wav</PlayAudio>"


def test_over_the_limit(check: Any, messages: Any) -> None:
    diagnostics = check(
        f'<Response><Gather repeatCount="11">{_TWO}</Gather></Response>', problem=(1, 19, "BX202")
    )
    assert "22 prompts" in messages(diagnostics, "BX202")[0]


def test_twenty_one_prompts_without_repeat(check: Any) -> None:
    check(
        f"<Response><Gather>{'<SpeakSentence>a</SpeakSentence>' * 21}</Gather></Response>",
        problem=(1, 11, "BX202"),
    )


def test_at_the_limit_is_clean(check: Any) -> None:
    check(f'<Response><Gather repeatCount="10">{_TWO}</Gather></Response>', clean="BX202")


def test_option_changes_the_limit(check: Any) -> None:
    config = {"rules": {"gather-prompt-limit": {"max-prompts": 4}}}
    check(
        f'<Response><Gather repeatCount="3">{_TWO}</Gather></Response>',
        config,
        problem=(1, 19, "BX202"),
    )

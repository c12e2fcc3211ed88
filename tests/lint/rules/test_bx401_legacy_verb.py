"""BX401 legacy-verb."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("verb", "words"),
    [
        pytest.param(
            '<SendMessage from="+15555550100" to="+15555550123">Hi</SendMessage>',
            "Messaging API",
            id="send-message",
        ),
        pytest.param('<Reject reason="busy"/>', "<Hangup/>", id="reject"),
        pytest.param('<Call from="+15555550100" to="+15555550123"/>', "Voice API", id="call"),
    ],
)
def test_legacy_verb(verb: str, words: str, check: Any, messages: Any) -> None:
    diagnostics = check(f"<Response>\n  {verb}\n</Response>", problem=(2, 3, "BX401"))
    assert words in messages(diagnostics, "BX401")[0]


def test_v2_verbs_are_clean(check: Any) -> None:
    check("<Response><Hangup/></Response>", clean="BX401")

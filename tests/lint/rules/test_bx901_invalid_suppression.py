"""BX901 invalid-suppression."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("comment", "words"),
    [
        pytest.param(
            "<!-- bxmlkit: disable=BX999 -->", "unknown rule code 'BX999'", id="unknown-code"
        ),
        pytest.param("<!-- bxmlkit: disable-lines=BX201 -->", "unknown scope", id="unknown-scope"),
        pytest.param("<!-- bxmlkit: disable -->", "needs explicit codes", id="no-codes"),
        pytest.param("<!-- bxmlkit: context=phone -->", "unknown context", id="context"),
        pytest.param("<!-- bxmlkit: !!! -->", "malformed", id="malformed"),
    ],
)
def test_invalid_suppression(comment: str, words: str, check: Any, messages: Any) -> None:
    diagnostics = check(
        f"<Response>\n  {comment}\n  <Hangup/>\n</Response>", problem=(2, 3, "BX901")
    )
    assert words in messages(diagnostics, "BX901")[0]


def test_valid_comment_is_clean(check: Any) -> None:
    check("<Response>\n  <!-- bxmlkit: disable=BX201 -->\n  <Hangup/>\n</Response>", clean="BX901")


def test_ordinary_comments_are_ignored(check: Any) -> None:
    check("<Response><!-- bxmlkit rocks --><Hangup/></Response>", clean="BX901")

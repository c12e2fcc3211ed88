"""BX106 missing-attribute."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("xml", "problem", "words"),
    [
        pytest.param(
            "<Response><Redirect/></Response>",
            (1, 11, "BX106"),
            "attribute redirectUrl",
            id="redirect",
        ),
        pytest.param(
            "<Response>\n  <StartStream name='s'/>\n</Response>",
            (2, 3, "BX106"),
            "attribute destination",
            id="stream",
        ),
        pytest.param(
            "<Response><Forward/></Response>", (1, 11, "BX106"), "attribute to;", id="forward"
        ),
    ],
)
def test_missing_attribute(
    xml: str, problem: tuple[int, int, str], words: str, check: Any, messages: Any
) -> None:
    diagnostics = check(xml, problem=problem)
    assert words in messages(diagnostics, "BX106")[0]


def test_present_is_clean(check: Any) -> None:
    check('<Response><Redirect redirectUrl="/next"/></Response>', clean="BX106")

"""BX109 child-count."""

from __future__ import annotations

from typing import Any

import pytest

_PARAM = '<StreamParam name="a" value="b"/>'


@pytest.mark.parametrize(
    ("xml", "problem", "words"),
    [
        pytest.param(
            "<Response><Transfer/></Response>",
            (1, 11, "BX109"),
            "needs at least 1",
            id="transfer-empty",
        ),
        pytest.param(
            "<Response><Transfer>"
            + "<PhoneNumber>+15555550100</PhoneNumber>" * 9
            + "</Transfer></Response>",
            (1, 333, "BX109"),
            "at most 8",
            id="transfer-nine",
        ),
        pytest.param(
            f'<Response><StartStream destination="wss://x">{_PARAM * 13}</StartStream></Response>',
            (1, 442, "BX109"),
            "at most 12",
            id="stream-params",
        ),
        pytest.param(
            "<Response><Connect/></Response>", (1, 11, "BX109"), "<Endpoint>", id="connect"
        ),
    ],
)
def test_child_count(
    xml: str, problem: tuple[int, int, str], words: str, check: Any, messages: Any
) -> None:
    diagnostics = check(xml, problem=problem)
    assert words in messages(diagnostics, "BX109")[0]


def test_within_bounds_is_clean(check: Any) -> None:
    check(
        f'<Response><StartStream destination="wss://x">{_PARAM * 12}</StartStream></Response>',
        clean="BX109",
    )

"""BX301 credentials-over-http."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("xml", "problem"),
    [
        pytest.param(
            '<Response><Gather gatherUrl="http://e.com/g" username="u" password="p"/></Response>',
            (1, 19, "BX301"),
            id="gather",
        ),
        pytest.param(
            (
                '<Response><Redirect redirectUrl="https://e.com" '
                'redirectFallbackUrl="http://e.com/f" fallbackPassword="p"/>'
                "</Response>"
            ),
            (1, 49, "BX301"),
            id="fallback",
        ),
        pytest.param(
            '<Response><PlayAudio username="u" password="p">http://e.com/a.wav</PlayAudio></Response>',
            (1, 48, "BX301"),
            id="play-audio-text",
        ),
        pytest.param(
            '<Response><StartStream destination="ws://e.com/s" destinationPassword="p"/>'
            "</Response>",
            (1, 24, "BX301"),
            id="websocket",
        ),
    ],
)
def test_credentials_over_http(
    xml: str, problem: tuple[int, int, str], check: Any, messages: Any
) -> None:
    diagnostics = check(xml, problem=problem)
    assert "clear text" in messages(diagnostics, "BX301")[0]


@pytest.mark.parametrize(
    ("xml", "others"),
    [
        (
            '<Response><Gather gatherUrl="https://e.com/g" username="u" password="p"/></Response>',
            [],
        ),
        ('<Response><Gather gatherUrl="/relative" username="u" password="p"/></Response>', []),
        ('<Response><Gather gatherUrl="http://e.com/g"/></Response>', [(1, 19, "BX303")]),
    ],
)
def test_clean(xml: str, others: list[tuple[int, int, str]], check: Any) -> None:
    check(xml, clean="BX301", also=others)

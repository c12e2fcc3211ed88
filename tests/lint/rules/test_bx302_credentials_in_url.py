"""BX302 credentials-in-url."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("xml", "problem"),
    [
        pytest.param(
            '<Response><Redirect redirectUrl="https://app:s3cret@e.com/next"/></Response>',
            (1, 21, "BX302"),
            id="redirect",
        ),
        pytest.param(
            "<Response><PlayAudio>https://u:p@e.com/a.wav</PlayAudio></Response>",
            (1, 22, "BX302"),
            id="audio",
        ),
        pytest.param(
            '<Response><StartStream destination="wss://u:p@e.com/s"/></Response>',
            (1, 24, "BX302"),
            id="stream",
        ),
    ],
)
def test_credentials_in_url(xml: str, problem: tuple[int, int, str], check: Any) -> None:
    check(xml, problem=problem)


@pytest.mark.parametrize(
    "url",
    ["https://e.com/next?email=a@b.c", "/next", "https://e.com/@user"],
)
def test_at_sign_elsewhere_is_clean(url: str, check: Any) -> None:
    check(f'<Response><Redirect redirectUrl="{url}"/></Response>', clean="BX302")

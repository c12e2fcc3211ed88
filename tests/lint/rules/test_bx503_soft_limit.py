"""BX503 soft-limit."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("element", "limit", "position"),
    [
        pytest.param('<Forward to="+15555550100" uui="{}"/>', 256, (1, 38), id="forward"),
        pytest.param(
            '<Transfer><SipUri uui="{}">sip:a@b.c</SipUri></Transfer>', 256, (1, 29), id="sipuri"
        ),
        pytest.param(
            '<Transfer><PhoneNumber uui="{}">+15555550100</PhoneNumber></Transfer>',
            350,
            (1, 34),
            id="phonenumber",
        ),
    ],
)
def test_soft_limit(element: str, limit: int, position: tuple[int, int], check: Any) -> None:
    over = element.format("a" * (limit + 1))
    # a warning, never a hard error: the exact list has no BX104 (BX110 is about the missing
    # ;encoding= parameter of these test values, not about their length)
    missing_encoding = [(*position, "BX110")]
    check(f"<Response>{over}</Response>", problem=(*position, "BX503"), also=missing_encoding)
    check(
        f"<Response>{element.format('a' * limit)}</Response>",
        clean="BX503",
        also=missing_encoding,
    )

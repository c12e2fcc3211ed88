"""BX602 response-root-in-update."""

from __future__ import annotations

from typing import Any


def test_response_root_in_update(check: Any) -> None:
    check("<Response><Hangup/></Response>", context="update-call", problem=(1, 1, "BX602"))
    check(
        "<!-- bxmlkit: context=update-call -->\n<Response><Hangup/></Response>",
        problem=(2, 1, "BX602"),
    )


def test_clean(check: Any) -> None:
    check("<Response><Hangup/></Response>", clean="BX602")
    check("<Bxml><Hangup/></Bxml>", context="update-call", clean="BX602")

"""BX206 empty-response."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize("xml", ["<Response/>", "<Response>\n  <!-- nothing -->\n</Response>"])
def test_empty_response(xml: str, check: Any) -> None:
    check(xml, problem=(1, 1, "BX206"))


@pytest.mark.parametrize("context", ["conference", "transfer-answer"])
def test_empty_reply_is_normal_in_some_contexts(context: str, check: Any) -> None:
    check("<Response/>", context=context, clean="BX206")


def test_empty_bxml_is_not_reported(check: Any) -> None:
    check("<Bxml/>", clean="BX206")


def test_explicit_hangup_is_clean(check: Any) -> None:
    check("<Response><Hangup/></Response>", clean="BX206")

"""BX601 bxml-root-in-webhook-reply."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize("context", ["webhook", "transfer-answer"])
def test_bxml_root_in_webhook_reply(context: str, check: Any) -> None:
    check("<Bxml><Hangup/></Bxml>", context=context, problem=(1, 1, "BX601"))


@pytest.mark.parametrize("context", [None, "update-call", "conference"])
def test_clean(context: str | None, check: Any) -> None:
    check("<Bxml><SpeakSentence>hi</SpeakSentence></Bxml>", context=context, clean="BX601")

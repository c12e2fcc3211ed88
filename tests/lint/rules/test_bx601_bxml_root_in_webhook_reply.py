"""BX601 bxml-root-in-webhook-reply."""

from __future__ import annotations

import pytest

from .._helpers import check


@pytest.mark.parametrize("context", ["webhook", "transfer-answer"])
def test_bxml_root_in_webhook_reply(context: str) -> None:
    check("<Bxml><Hangup/></Bxml>", context=context, problem=(1, 1, "BX601"))


@pytest.mark.parametrize("context", [None, "update-call", "conference"])
def test_clean(context: str | None) -> None:
    check("<Bxml><SpeakSentence>hi</SpeakSentence></Bxml>", context=context, clean="BX601")

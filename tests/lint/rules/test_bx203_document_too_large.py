"""BX203 document-too-large."""

from __future__ import annotations

from typing import Any

from bxmlkit.lint import lint


def test_over_64_kb(check: Any) -> None:
    xml = "<Response><SpeakSentence>" + "a" * 70_000 + "</SpeakSentence></Response>"
    check(xml, problem=(1, 1, "BX203"))


def test_exactly_64_kb_is_fine(check: Any) -> None:
    head, tail = "<Response><SpeakSentence>", "</SpeakSentence></Response>\n"
    xml = head + "a" * (65536 - len(head) - len(tail)) + tail
    assert len(xml.encode()) == 65536
    check(xml, clean="BX203")


def test_reported_even_when_not_well_formed() -> None:
    diagnostics = lint("<Response>" + "a" * 70_000)
    assert [(d.line, d.column, d.code) for d in diagnostics] == [
        (1, 1, "BX100"),
        (1, 1, "BX203"),
    ]


def test_option(check: Any) -> None:
    check(
        "<Response><Hangup/></Response>",
        {"rules": {"BX203": {"max-bytes": 10}}},
        problem=(1, 1, "BX203"),
    )

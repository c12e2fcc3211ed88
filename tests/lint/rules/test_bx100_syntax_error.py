"""BX100 syntax-error."""

from __future__ import annotations

from typing import Any

import pytest

from bxmlkit.lint import lint


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        pytest.param(
            "<Response>\n  <Hangup>\n</Response>",
            (3, 1, "not well-formed XML: </Response> on line 3 does not close <Hangup>, opened on "
             "line 2: add </Hangup> before </Response>, or correct the tag names"),
            id="unclosed-tag",
        ),
        pytest.param(
            "<Response><SpeakSentence>a & b</SpeakSentence></Response>",
            (1, 28, 'not well-formed XML: unescaped "&" in text: in XML a literal "&" is written '
             '"&amp;" (or say "and"); write "a &amp; b"'),
            id="bare-ampersand",
        ),
        pytest.param("", (1, 1, "the document is empty"), id="empty"),
        pytest.param(
            "<Response attr='x></Response>",
            (1, 16, "not well-formed XML: the value of attr opened with ' on line 1 is never "
             "closed: add the closing '"),
            id="unclosed-quote",
        ),
    ],
)  # fmt: skip
def test_reports_not_well_formed(xml: str, expected: tuple[int, int, str]) -> None:
    found = [(d.code, d.line, d.column, d.message) for d in lint(xml)]
    assert found == [("BX100", *expected)]


def test_well_formed_is_clean(check: Any) -> None:
    check("<Response><Hangup/></Response>", clean="BX100")


def test_no_other_rule_runs_without_a_tree() -> None:
    diagnostics = lint("<Response><Pause length='1'>")
    assert [(d.line, d.column, d.code) for d in diagnostics] == [(1, 11, "BX100")]


def test_undecodable_bytes() -> None:
    diagnostics = lint(b"\xff\xfe\x00<\x00R")
    assert [(d.line, d.column, d.code) for d in diagnostics] == [(1, 1, "BX100")]

"""BX100 syntax-error."""

from __future__ import annotations

from typing import Any

import pytest

from bxmlkit.lint import lint


@pytest.mark.parametrize(
    ("xml", "problem"),
    [
        pytest.param("<Response>\n  <Hangup>\n</Response>", (3, 12, "BX100"), id="unclosed-tag"),
        pytest.param(
            "<Response><SpeakSentence>a & b</SpeakSentence></Response>",
            (1, 29, "BX100"),
            id="bare-ampersand",
        ),
        pytest.param("", (1, 1, "BX100"), id="empty"),
        pytest.param("<Response attr='x></Response>", (1, 19, "BX100"), id="unclosed-quote"),
    ],
)
def test_reports_not_well_formed(xml: str, problem: tuple[int, int, str]) -> None:
    diagnostics = lint(xml)
    assert [(d.line, d.column, d.code) for d in diagnostics][:1] == [problem]
    assert "not well-formed" in diagnostics[0].message or "empty" in diagnostics[0].message


def test_well_formed_is_clean(check: Any) -> None:
    check("<Response><Hangup/></Response>", clean="BX100")


def test_no_other_rule_runs_without_a_tree() -> None:
    assert {d.code for d in lint("<Response><Pause length='1'>")} == {"BX100"}


def test_undecodable_bytes() -> None:
    assert {d.code for d in lint(b"\xff\xfe\x00<\x00R")} <= {"BX100"}

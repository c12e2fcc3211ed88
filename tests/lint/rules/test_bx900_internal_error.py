"""BX900 internal-error."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bxmlkit.lint import lint
from bxmlkit.lint.rule import Context, Finding
from bxmlkit.lint.rules.empty_response import EmptyResponseRule


def test_a_crashing_rule_becomes_a_diagnostic(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(self: object, ctx: Context, options: object) -> Iterator[Finding]:
        raise RuntimeError("boom")

    monkeypatch.setattr(EmptyResponseRule, "check", boom)
    diagnostics = lint("<Response/>")
    assert [(d.code, d.line) for d in diagnostics] == [("BX900", 1)]
    assert "BX206" in diagnostics[0].message
    assert "boom" in diagnostics[0].message


def test_no_crash_no_diagnostic() -> None:
    assert lint("<Response><Hangup/></Response>") == []

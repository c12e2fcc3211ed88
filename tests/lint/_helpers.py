"""The linter tests' helper: ``check(xml, config, problem=(line, col, code))``."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any

from bxmlkit.lint import Diagnostic, lint


def check(
    xml: str,
    config: Mapping[str, Any] | None = None,
    problem: tuple[int, int, str] | None = None,
    *,
    clean: str | None = None,
    context: str | None = None,
) -> list[Diagnostic]:
    """Lint ``xml`` (dedented).  ``problem`` must be reported; rule ``clean`` must not be."""
    diagnostics = lint(textwrap.dedent(xml).strip() + "\n", config=config, context=context)
    found = [(d.line, d.column, d.code) for d in diagnostics]
    if problem is not None:
        assert problem in found, f"{problem} not in {[str(d) for d in diagnostics]}"
    if clean is not None:
        assert clean not in {d.code for d in diagnostics}, [str(d) for d in diagnostics]
    return diagnostics


def messages(diagnostics: list[Diagnostic], code: str) -> list[str]:
    """The messages of the diagnostics with ``code``."""
    return [d.message for d in diagnostics if d.code == code]

"""Fixtures for the linter tests, and the helper every rule test uses:

def test_something(check):
    check(xml, config, problem=(line, col, code))   # exactly this one diagnostic
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping
from typing import Any

import pytest

from bxmlkit.lint import Diagnostic, lint

Problem = tuple[int, int, str]


def _check(
    xml: str,
    config: Mapping[str, Any] | None = None,
    problem: Problem | list[Problem] | None = None,
    *,
    clean: str | None = None,
    also: list[Problem] | None = None,
    context: str | None = None,
) -> list[Diagnostic]:
    """Lint ``xml`` (dedented) and compare the whole answer, as yamllint's rule tests do.

    ``problem`` (one ``(line, column, code)`` or a list of them) and ``also`` (the other
    rules' findings on the same document) together must be exactly what is reported, in
    order: an extra or a duplicated diagnostic fails the test.  ``clean=CODE`` documents that
    rule CODE stays silent; the document must then report exactly ``also`` (default nothing).
    """
    diagnostics = lint(textwrap.dedent(xml).strip() + "\n", config=config, context=context)
    found = [(d.line, d.column, d.code) for d in diagnostics]
    expected = [] if problem is None else [problem] if isinstance(problem, tuple) else problem
    expected = sorted([*expected, *(also or [])])
    assert found == expected, [str(d) for d in diagnostics]
    if clean is not None:
        assert clean not in {d.code for d in diagnostics}, [str(d) for d in diagnostics]
    return diagnostics


def _messages(diagnostics: list[Diagnostic], code: str) -> list[str]:
    """The messages of the diagnostics with ``code``."""
    return [d.message for d in diagnostics if d.code == code]


@pytest.fixture
def check() -> Callable[..., list[Diagnostic]]:
    """``check(xml, config=None, problem=(line, col, code), *, clean=CODE, also=[...],
    context=None)``: the exact list of diagnostics (see ``_check``)."""
    return _check


@pytest.fixture
def messages() -> Callable[[list[Diagnostic], str], list[str]]:
    """``messages(diagnostics, code)``: the messages of the diagnostics with that code."""
    return _messages


@pytest.fixture(autouse=True)
def _no_terminal_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Output must not depend on the developer's terminal or CI settings."""
    for name in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "TERM"):
        monkeypatch.delenv(name, raising=False)

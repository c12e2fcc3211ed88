"""Output formats: pure functions from lint results to text, one module per format.

Each module has ``render(report: Report) -> str``.  ``FORMATS`` is the explicit registry.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from bxmlkit.lint.diagnostic import Diagnostic, Severity
from bxmlkit.lint.engine import FileResult

__all__ = ["FORMATS", "Report", "render"]


class Report(NamedTuple):
    """Everything a format may show: per-file results and how the run was made."""

    results: Sequence[FileResult]
    color: bool = False
    #: Number of fixes applied by ``--fix`` (0 without it).
    fixed: int = 0
    #: Number of paths that could not be linted (missing, unreadable, no documents in them);
    #: the command line reported them, the summary must not call the run clean.
    unreadable: int = 0
    #: Codes of the rules that ran (SARIF lists their metadata).
    rule_codes: Sequence[str] = ()

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Every diagnostic of the run, sorted."""
        return sorted(d for result in self.results for d in result.diagnostics)

    def counts(self) -> dict[Severity, int]:
        """Number of diagnostics per severity."""
        counts = dict.fromkeys(Severity, 0)
        for diagnostic in self.diagnostics:
            counts[diagnostic.severity] += 1
        return counts


def _text(report: Report) -> str:
    from bxmlkit.lint.output import text

    return text.render(report)


def _json(report: Report) -> str:
    from bxmlkit.lint.output import json_report

    return json_report.render(report)


def _sarif(report: Report) -> str:
    from bxmlkit.lint.output import sarif

    return sarif.render(report)


def _github(report: Report) -> str:
    from bxmlkit.lint.output import github

    return github.render(report)


#: Format name -> renderer (``auto`` is resolved by the command line).
FORMATS: dict[str, Callable[[Report], str]] = {
    "text": _text,
    "json": _json,
    "sarif": _sarif,
    "github": _github,
}


def render(report: Report, format: str = "text") -> str:
    """Render ``report`` in ``format``."""
    return FORMATS[format](report)

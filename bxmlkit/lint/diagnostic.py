"""The value objects the linter produces: severities, fixes and diagnostics.

A :class:`Diagnostic` is small, frozen and sortable (by path, line, column, code), so that
results from parallel workers can be merged and compared in tests without ceremony.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple

__all__ = ["Diagnostic", "Edit", "Fix", "Severity"]


class Severity(str, Enum):
    """How serious a finding is.  ``error`` fails the run by default (see ``--fail-on``)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for info: compare severities with this."""
        return _RANK[self.value]

    def __str__(self) -> str:
        return self.value


_RANK = {"error": 2, "warning": 1, "info": 0}


class Edit(NamedTuple):
    """Replace ``text[start:end]`` (offsets into the decoded source text) with ``replacement``."""

    start: int
    end: int
    replacement: str


class Fix(NamedTuple):
    """A safe, mechanical correction: one or more non-overlapping edits of the source text."""

    description: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding of the linter.

    ``line`` and ``column`` are 1-based (0 when a position is unknown).  ``code`` is the stable
    rule code such as ``BX103``; ``name`` its kebab-case name.  ``fix`` is set when ``--fix``
    can correct the finding mechanically.  ``fix_withheld`` says why a rule's fix is not
    applied by ``--fix`` (it would reveal another problem, ...): then ``fix`` is None.
    """

    path: str
    line: int
    column: int
    code: str
    name: str = field(compare=False)
    severity: Severity = field(compare=False)
    message: str = field(compare=True)
    fix: Fix | None = field(default=None, compare=False)
    fix_withheld: str = field(default="", compare=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.code} {self.message}"

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready dict (the shape of ``--format json``)."""
        result: dict[str, object] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "fix": None if self.fix is None else {"description": self.fix.description},
        }
        if self.fix_withheld:
            result["fix_withheld"] = self.fix_withheld
        return result

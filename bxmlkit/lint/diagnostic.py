"""The value objects the linter produces: severities, fixes and diagnostics.

A :class:`Diagnostic` is small, frozen and sortable (by path, line, column, code), so that
results from parallel workers can be merged and compared in tests without ceremony.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, ClassVar, Final, NamedTuple

from bxmlkit._frozen import Frozen

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


class Diagnostic(Frozen):
    """One finding of the linter.

    ``line`` and ``column`` are 1-based (0 when a position is unknown).  ``code`` is the stable
    rule code such as ``BX103``; ``name`` its kebab-case name.  ``fix`` is set when ``--fix``
    can correct the finding mechanically.  ``fix_withheld`` says why a rule's fix is not
    applied by ``--fix`` (it would reveal another problem, ...): then ``fix`` is None.

    Immutable; ``==``, ``hash()`` and ordering use ``(path, line, column, code, message)``.
    ``replace(**changes)`` makes a changed copy.
    """

    _fields: ClassVar = (
        "path", "line", "column", "code", "name", "severity", "message", "fix", "fix_withheld",
    )  # fmt: skip
    __slots__ = _fields

    def __init__(
        self,
        path: str,
        line: int,
        column: int,
        code: str,
        name: str,
        severity: Severity,
        message: str,
        fix: Fix | None = None,
        fix_withheld: str = "",
    ) -> None:
        self.path: Final = path
        self.line: Final = line
        self.column: Final = column
        self.code: Final = code
        self.name: Final = name
        self.severity: Final = severity
        self.message: Final = message
        self.fix: Final = fix
        self.fix_withheld: Final = fix_withheld

    def _key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)

    def __lt__(self, other: Any) -> bool:
        if other.__class__ is self.__class__:
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other: Any) -> bool:
        if other.__class__ is self.__class__:
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other: Any) -> bool:
        if other.__class__ is self.__class__:
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other: Any) -> bool:
        if other.__class__ is self.__class__:
            return self._key() >= other._key()
        return NotImplemented

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

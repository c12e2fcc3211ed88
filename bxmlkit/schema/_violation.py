"""``Violation``: one way a document breaks the XSD, and the kinds of violation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

__all__ = ["VIOLATION_KINDS", "Violation", "ViolationKind"]

ViolationKind = Literal[
    "unknown-element",
    "unknown-attribute",
    "invalid-value",
    "missing-attribute",
    "invalid-child",
    "too-many-children",
    "too-few-children",
    "invalid-text",
    "wrong-root",
]

#: Every ``Violation.kind``, in a stable order.
VIOLATION_KINDS: Final[tuple[ViolationKind, ...]] = (
    "unknown-element",
    "unknown-attribute",
    "invalid-value",
    "missing-attribute",
    "invalid-child",
    "too-many-children",
    "too-few-children",
    "invalid-text",
    "wrong-root",
)


@dataclass(frozen=True)
class Violation:
    """One way a document breaks the XSD.

    ``line`` and ``column`` are 1-based and point at the element's ``<`` or at the attribute's
    name; ``path`` is like ``/Response/Gather[2]/@maxDigits``; ``element`` is the element's
    name as written; ``attribute``, ``value`` and ``expected`` are filled in when they apply.
    """

    line: int
    column: int
    path: str
    message: str
    kind: ViolationKind
    element: str
    attribute: str | None = None
    value: str | None = None
    expected: str | None = None

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.message}"

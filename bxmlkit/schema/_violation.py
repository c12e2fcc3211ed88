"""``Violation``: one way a document breaks the XSD, and the kinds of violation."""

from __future__ import annotations

from typing import ClassVar, Final, Literal

from bxmlkit._frozen import Frozen

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


class Violation(Frozen):
    """One way a document breaks the XSD.

    ``line`` and ``column`` are 1-based and point at the element's ``<`` or at the attribute's
    name; ``path`` is like ``/Response/Gather[2]/@maxDigits``; ``element`` is the element's
    name as written; ``attribute``, ``value`` and ``expected`` are filled in when they apply.
    Immutable, compared by all fields; ``replace(**changes)`` makes a changed copy.
    """

    _fields: ClassVar = (
        "line", "column", "path", "message", "kind", "element", "attribute", "value", "expected",
    )  # fmt: skip
    __slots__ = _fields

    def __init__(
        self,
        line: int,
        column: int,
        path: str,
        message: str,
        kind: ViolationKind,
        element: str,
        attribute: str | None = None,
        value: str | None = None,
        expected: str | None = None,
    ) -> None:
        self.line: Final = line
        self.column: Final = column
        self.path: Final = path
        self.message: Final = message
        self.kind: Final = kind
        self.element: Final = element
        self.attribute: Final = attribute
        self.value: Final = value
        self.expected: Final = expected

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.message}"

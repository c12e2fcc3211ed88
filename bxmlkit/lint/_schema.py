"""The linter's one door to the XSD (``bxmlkit.schema``): violations and the element catalogue.

The XSD is the single source of truth for which elements and attributes exist and what is
valid; the structure rules turn its violations into friendly, rule-coded diagnostics.  This
module adapts ``bxmlkit.schema`` (``validate_tree`` and ``element_catalogue``) to the small
shapes the rules need, and imports it lazily so that a run that needs no structure rule does
not pay for loading the schema.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from bxmlkit._parser import ParsedDocument

__all__ = [
    "VIOLATION_KINDS",
    "AttributeInfo",
    "ElementInfo",
    "Violation",
    "catalogue",
    "roots",
    "validate",
]

#: The kinds of violation ``bxmlkit.schema.validate_tree`` reports.
VIOLATION_KINDS = (
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


class Violation(Protocol):
    """What the linter reads from one ``bxmlkit.schema`` violation."""

    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def path(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def element(self) -> str: ...
    @property
    def attribute(self) -> str | None: ...
    @property
    def value(self) -> str | None: ...
    @property
    def expected(self) -> str | None: ...


@dataclass(frozen=True)
class AttributeInfo:
    """An attribute as the XSD declares it."""

    name: str
    #: boolean, int, decimal, enum, url, websocket-url or string.
    type: str = "string"
    enum: tuple[str, ...] = ()
    required: bool = False
    #: A documented length limit the XSD does not enforce (the linter warns).
    soft_max_length: int | None = None


@dataclass(frozen=True)
class ElementInfo:
    """An element as the XSD declares it: its attributes and allowed children."""

    name: str
    attributes: Mapping[str, AttributeInfo]
    children: frozenset[str]


def _schema_module() -> Any:
    return importlib.import_module("bxmlkit.schema")


def validate(document: ParsedDocument) -> list[Violation]:
    """The XSD's violations for ``document``, in document order."""
    violations: list[Violation] = list(_schema_module().validate_tree(document))
    return violations


@lru_cache(maxsize=1)
def catalogue() -> Mapping[str, ElementInfo]:
    """Every element the XSD declares, by name (verbs, nouns, roots and SSML)."""
    raw = _schema_module().element_catalogue()
    result: dict[str, ElementInfo] = {}
    for name, spec in raw.items():
        attributes: dict[str, AttributeInfo] = {}
        for attr_name, attr in spec.attributes.items():
            attributes[attr_name] = AttributeInfo(
                name=attr_name,
                type=str(attr.kind),
                enum=tuple(attr.enumeration or ()),
                required=bool(attr.required),
                soft_max_length=attr.soft_max_length,
            )
        children = frozenset(spec.children)
        result[name] = ElementInfo(name=name, attributes=attributes, children=children)
    return result


@lru_cache(maxsize=1)
def roots() -> frozenset[str]:
    """The root elements BXML allows."""
    return frozenset(_schema_module().root_names())

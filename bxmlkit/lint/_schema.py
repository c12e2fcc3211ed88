"""The linter's one door to the XSD: violations (``bxmlkit.schema``) and the vocabulary.

The XSD is the single source of truth for which elements and attributes exist and what is
valid; the structure rules turn its violations into friendly, rule-coded diagnostics.  The
violations come from ``bxmlkit.schema`` itself (every problem, re-validating past the
elements that stop libxml2), so ``bxmlkit validate`` and lint report the same problems.  The
element and attribute facts come from ``bxmlkit.vocabulary``, generated from the XSD, so a
lint run that needs no structure rule neither compiles nor parses the XSD.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from bxmlkit.schema._violation import VIOLATION_KINDS, Violation
from bxmlkit.vocabulary import ELEMENTS, ROOTS, VARIANTS

if TYPE_CHECKING:
    from bxmlkit._parser import ParsedDocument

__all__ = [
    "VIOLATION_KINDS",
    "AttributeInfo",
    "ElementInfo",
    "Violation",
    "attributes_in",
    "catalogue",
    "roots",
    "validate",
]


class AttributeInfo(NamedTuple):
    """An attribute as the XSD declares it."""

    name: str
    #: boolean, int, decimal, enum, url, websocket-url or string.
    type: str = "string"
    enum: tuple[str, ...] = ()
    required: bool = False
    #: A documented length limit the XSD does not enforce (the linter warns).
    soft_max_length: int | None = None


class ElementInfo(NamedTuple):
    """An element as the XSD declares it: its attributes and allowed children."""

    name: str
    attributes: Mapping[str, AttributeInfo]
    children: frozenset[str]
    #: root, verb, noun or ssml.
    category: str = "verb"
    #: The elements this one may appear in (for nouns and SSML).
    parents: tuple[str, ...] = ()


def validate(document: ParsedDocument) -> list[Violation]:
    """Every XSD violation of ``document`` (``bxmlkit.schema``'s, entity references skipped).

    The wrong root itself is BX101's business, so its violation is left out here.
    """
    from bxmlkit.schema._rounds import every_violation

    found = every_violation(document, remove_entities=True)
    return [violation for violation in found if violation.kind != "wrong-root"]


@lru_cache(maxsize=1)
def catalogue() -> Mapping[str, ElementInfo]:
    """Every element the XSD declares, by name (verbs, nouns, roots and SSML)."""
    result: dict[str, ElementInfo] = {}
    for name, element in ELEMENTS.items():
        attributes = {
            attr_name: AttributeInfo(
                name=attr_name,
                type=attribute.value.base,
                enum=attribute.value.values,
                required=attribute.required,
                soft_max_length=attribute.soft_max_length,
            )
            for attr_name, attribute in element.attributes.items()
        }
        result[name] = ElementInfo(
            name=name,
            attributes=attributes,
            children=frozenset(element.children),
            category=element.category,
            parents=element.parents,
        )
    return result


@lru_cache(maxsize=64)
def attributes_in(tag: str, parent: str | None) -> frozenset[str]:
    """The attributes ``tag`` may have inside ``parent`` (``<SipUri>`` in ``<Refer>``: none)."""
    if parent is not None:
        variant = VARIANTS.get((tag, parent))
        if variant is not None:
            return frozenset(variant.attributes)
        parent_element = ELEMENTS.get(parent)
        if parent_element is not None and tag not in parent_element.children:
            info = ELEMENTS.get(tag)
            return frozenset(info.attributes) if info is not None else frozenset()
    info = ELEMENTS.get(tag)
    return frozenset(info.attributes) if info is not None else frozenset()


def roots() -> frozenset[str]:
    """The root elements BXML allows."""
    return frozenset(ROOTS)

"""The linter's one door to the XSD (``bxmlkit.schema``): violations and the element catalogue.

The XSD is the single source of truth for which elements and attributes exist and what is
valid; the structure rules turn its violations into friendly, rule-coded diagnostics.  This
module adapts ``bxmlkit.schema`` (``validate_tree`` and ``element_catalogue``) to the small
shapes the rules need, and imports it lazily so that a run that needs no structure rule does
not pay for loading the schema.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping
from copy import deepcopy
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from lxml import etree

from bxmlkit.vocabulary import ROOTS

if TYPE_CHECKING:
    from typing import Protocol

    from bxmlkit._parser import ParsedDocument

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


def _schema_module() -> Any:
    return importlib.import_module("bxmlkit.schema")


#: Violations after which libxml2 stops checking the rest of the parent's children.
_BLOCKING = ("invalid-child", "unknown-element")
_MAX_ROUNDS = 8


class Found(NamedTuple):
    """A violation re-addressed to the original document (see ``validate``)."""

    line: int
    column: int
    path: str
    message: str
    kind: str
    element: str
    attribute: str | None = None
    value: str | None = None
    expected: str | None = None


def validate(document: ParsedDocument) -> list[Violation]:
    """The XSD's violations for ``document``.

    libxml2 stops checking a parent's children at the first unexpected one, so one unknown
    verb would hide every problem after it.  When that happens (and when the tree holds
    entity references, which the validator refuses), the document is validated again on a
    copy without the offending elements, until nothing new is found; the violations of later
    rounds are re-addressed to the original elements.
    """
    module = _schema_module()
    root = document.root
    if root.tag not in ROOTS:
        return _validate_in_rounds(module, document, _stand_in_root(root))
    has_entities = any(True for _ in root.iter(etree.Entity))
    if not has_entities:
        first: list[Violation] = list(module.validate_tree(document))
        if not any(v.kind in _BLOCKING for v in first):
            return first
    return _validate_in_rounds(module, document)


def _stand_in_root(root: etree._Element) -> tuple[etree._Element, etree._Element]:
    """(original, copy) to validate for a document whose root is wrong.

    The wrong root itself is BX101's business; its contents still deserve checking.  An
    ``<xml>`` wrapper around one real root is validated through that root; any other root is
    validated as if it were ``<Response>``.
    """
    children = [child for child in root if isinstance(child.tag, str)]
    if len(children) == 1 and children[0].tag in ROOTS:
        return children[0], deepcopy(children[0])
    copy = deepcopy(root)
    copy.tag = "Response"
    copy.attrib.clear()
    return root, copy


def _validate_in_rounds(
    module: Any,
    document: ParsedDocument,
    start: tuple[etree._Element, etree._Element] | None = None,
) -> list[Violation]:
    from bxmlkit._locate import PathIndex
    from bxmlkit._parser import ParsedDocument

    root, copy = start if start is not None else (document.root, deepcopy(document.root))
    mapping: dict[etree._Element, etree._Element] = dict(
        zip(copy.iter(), root.iter(), strict=False)
    )
    order = {el: index for index, el in enumerate(root.iter())}
    for entity in list(copy.iter(etree.Entity)):
        _remove(entity)
    found: list[tuple[int, Found]] = []
    seen: set[tuple[str, str, str | None]] = set()
    original_paths = PathIndex()
    for _ in range(_MAX_ROUNDS):
        working = ParsedDocument(
            root=copy, data=document.data, source=document.source, from_text=document.from_text
        )
        copy_paths = PathIndex()  # linear in the number of elements, also for 100,000 siblings
        paths = {copy_paths.path(el): el for el in copy.iter() if isinstance(el.tag, str)}
        blocking: list[etree._Element] = []
        for violation in module.validate_tree(working):
            clean = re.sub(r"/(@[^/]*|text\(\))$", "", violation.path)
            copied = paths.get(clean)
            original = mapping.get(copied) if copied is not None else None
            if copied is None or original is None:
                continue
            if violation.kind == "wrong-root" or (start is not None and copied is copy):
                continue  # the root itself is BX101's business
            key = (original_paths.path(original), violation.kind, violation.attribute)
            if key in seen:
                continue
            seen.add(key)
            path = original_paths.path(original, violation.attribute)
            found.append(
                (
                    order.get(original, 0),
                    Found(
                        line=0,
                        column=0,
                        path=path,
                        message=violation.message,
                        kind=violation.kind,
                        element=violation.element,
                        attribute=violation.attribute,
                        value=violation.value,
                        expected=violation.expected,
                    ),
                )
            )
            if violation.kind in _BLOCKING and copied is not copy:
                blocking.append(copied)
        if not blocking:
            break
        for element in blocking:
            _remove(element)
    found.sort(key=lambda item: item[0])
    return [violation for _, violation in found]


def _remove(node: etree._Element) -> None:
    """Remove ``node`` from its parent, keeping the text that follows it."""
    parent = node.getparent()
    if parent is None:
        return
    tail = node.tail
    previous = node.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(node)


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
        result[name] = ElementInfo(
            name=name,
            attributes=attributes,
            children=children,
            category=str(spec.category),
            parents=tuple(spec.parents),
        )
    return result


@lru_cache(maxsize=64)
def attributes_in(tag: str, parent: str | None) -> frozenset[str]:
    """The attributes ``tag`` may have inside ``parent`` (``<SipUri>`` in ``<Refer>``: none)."""
    module = _schema_module()
    spec = module.element_spec(tag, parent) if parent is not None else None
    if spec is None:
        info = catalogue().get(tag)
        return frozenset(info.attributes) if info is not None else frozenset()
    return frozenset(spec.attributes)


@lru_cache(maxsize=1)
def roots() -> frozenset[str]:
    """The root elements BXML allows."""
    return frozenset(_schema_module().root_names())

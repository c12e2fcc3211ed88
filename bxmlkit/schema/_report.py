"""Turning libxml2's validation reports into ``Violation`` values."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from lxml import etree

from bxmlkit._locate import PathIndex, SourceMap
from bxmlkit._messages import (
    ROOTS_EXPECTED,
    invalid_text,
    invalid_value,
    misplaced_element,
    missing_attribute,
    missing_text,
    namespaced_element,
    nothing_to_speak,
    show,
    text_not_allowed,
    too_few_children,
    too_many_children,
    unknown_attribute,
    unknown_element,
    wrong_root,
)
from bxmlkit._parser import ParsedDocument
from bxmlkit._wellformed import namespace_problem
from bxmlkit.schema._catalogue import ElementSpec, get_catalogue
from bxmlkit.schema._violation import Violation, ViolationKind

__all__ = ["Reporter"]

_XML_NS = "http://www.w3.org/XML/1998/namespace"
_XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
_XML_SPACE_CHARS = " \t\r\n"


# libxml2 error types (lxml ``_LogEntry.type_name``) grouped by what they mean.
_RANGE_ERRORS: Final = frozenset(
    {
        "SCHEMAV_CVC_MININCLUSIVE_VALID",
        "SCHEMAV_CVC_MAXINCLUSIVE_VALID",
        "SCHEMAV_CVC_MINEXCLUSIVE_VALID",
        "SCHEMAV_CVC_MAXEXCLUSIVE_VALID",
    }
)
_FACET_ERRORS: Final = {
    **dict.fromkeys(_RANGE_ERRORS, "range"),
    "SCHEMAV_CVC_ENUMERATION_VALID": "enumeration",
    "SCHEMAV_CVC_PATTERN_VALID": "pattern",
    "SCHEMAV_CVC_MAXLENGTH_VALID": "too-long",
    "SCHEMAV_CVC_MINLENGTH_VALID": "too-short",
    "SCHEMAV_CVC_LENGTH_VALID": "length",
}
#: Generic "not a valid value" errors; libxml2 may add one after a facet error for the same value.
_TYPE_ERRORS: Final = frozenset(
    {
        "SCHEMAV_CVC_DATATYPE_VALID_1_2_1",
        "SCHEMAV_CVC_DATATYPE_VALID_1_2_2",
        "SCHEMAV_CVC_DATATYPE_VALID_1_2_3",
        "SCHEMAV_CVC_ATTRIBUTE_3",
        "SCHEMAV_CVC_ELT_5_2_1",
        "SCHEMAV_CVC_ELT_5_2_2_1",
        "SCHEMAV_CVC_ELT_5_2_2_2_1",
        "SCHEMAV_CVC_ELT_5_2_2_2_2",
        "SCHEMAV_CVC_TYPE_3_1_2",
        "SCHEMAV_CVC_TOTALDIGITS_VALID",
        "SCHEMAV_CVC_FRACTIONDIGITS_VALID",
        "SCHEMAV_CVC_AU",
    }
)
_UNKNOWN_ATTRIBUTE_ERRORS: Final = frozenset(
    {"SCHEMAV_CVC_COMPLEX_TYPE_3_2_1", "SCHEMAV_CVC_COMPLEX_TYPE_3_2_2"}
)
#: xsi:type naming another type, an unknown type, or a blocked derivation.
_XSI_TYPE_ERRORS: Final = frozenset(
    {"SCHEMAV_CVC_ELT_4_1", "SCHEMAV_CVC_ELT_4_2", "SCHEMAV_CVC_ELT_4_3"}
)
#: xsi:nil on an element that is not nillable (no BXML element is).
_XSI_NIL_ERRORS: Final = frozenset(
    {"SCHEMAV_CVC_ELT_3_1", "SCHEMAV_CVC_ELT_3_2_1", "SCHEMAV_CVC_ELT_3_2_2"}
)
_HEAD = re.compile(r"Element '(?P<element>[^']*)'(?:, attribute '(?P<attribute>[^']*)')?: ")
_QUOTED = re.compile(r"'([^']*)'")
_SHOW_LIMIT = 60

_Key = tuple[int, str]


class Reporter:
    """Turns libxml2's error log for one document into ``Violation`` values."""

    def __init__(self, document: ParsedDocument) -> None:
        self.document = document
        self.root = document.root
        self.catalogue = get_catalogue()
        self._source_map: SourceMap | None = None
        self._specs: dict[etree._Element, ElementSpec | None] = {}
        self._found: dict[_Key, tuple[int, Violation]] = {}
        self._keep: list[etree._Element] = []
        self._paths = PathIndex()  # linear, also for 100,000 siblings with a violation each
        self._namespaces: dict[str, str] | None = None
        self._by_path: dict[str, etree._Element] | None = None
        #: Elements with child elements where only text may be: their text is not judged.
        self._holding_elements: set[int] = set()

    # -- the loop ---------------------------------------------------------------------------
    def report(self, errors: Iterable[etree._LogEntry]) -> list[Violation]:
        for error in errors:
            self._one(error)
        found = [
            violation
            for (node, marker), (_, violation) in self._found.items()
            if not (marker == "#text" and node in self._holding_elements)
        ]
        return sorted(found, key=lambda v: (v.line, v.column))

    def xsi_attributes(self) -> list[Violation]:
        """The xsi: attributes that XSD lets through (schema locations), which BXML refuses:
        ``from_xml`` and lint call them unknown attributes, and so does ``validate``."""
        prefix = f"{{{_XSI_NS}}}"
        for element in self.root.iter(etree.Element):
            for clark in element.attrib:
                if clark.startswith(prefix) and clark[len(prefix) :] not in ("type", "nil"):
                    self._unknown_attribute(element, clark)
        return self.report(())

    def nothing_to_speak(self, sentences: list[etree._Element]) -> list[Violation]:
        """``<SpeakSentence>`` elements with no words in them, which XSD cannot see (it has no
        facet for mixed content): ``from_xml`` and lint refuse them, and so does ``validate``."""
        said = nothing_to_speak()
        for sentence in sentences:
            violation = self._violation(
                sentence, "invalid-text", said.text, value="", expected=said.expected
            )
            self._add(sentence, "#text", violation)
        return self.report(())

    def _add(self, node: etree._Element, marker: str, violation: Violation, rank: int = 1) -> None:
        """Keep one violation per (node, marker); a facet error outranks a generic one."""
        self._keep.append(node)  # ids stay unique while the nodes are alive
        key = (id(node), marker)
        current = self._found.get(key)
        if current is None or rank > current[0]:
            self._found[key] = (rank, violation)

    def _one(self, error: etree._LogEntry) -> None:
        node = self._node(error)
        message = error.message or ""
        head = _HEAD.match(message)
        attribute = head.group("attribute") if head else None
        rest = message[head.end() :] if head else message
        kind = error.type_name
        if kind == "SCHEMAV_CVC_ELT_1":
            self._wrong_root(node)
        elif kind in _UNKNOWN_ATTRIBUTE_ERRORS and attribute is not None:
            self._unknown_attribute(node, attribute)
        elif kind == "SCHEMAV_CVC_COMPLEX_TYPE_4":
            quoted = _QUOTED.search(rest)
            self._missing_attribute(node, quoted.group(1) if quoted else "?")
        elif kind == "SCHEMAV_ELEMENT_CONTENT":
            if rest.startswith("Missing child"):
                self._too_few(node)
            else:
                self._misplaced(node)
        elif kind in ("SCHEMAV_CVC_COMPLEX_TYPE_2_1", "SCHEMAV_CVC_COMPLEX_TYPE_2_2"):
            child = next(node.iterchildren(etree.Element), None)
            if rest.startswith("Element content") and child is not None:
                self._keep.append(node)
                self._holding_elements.add(id(node))
                self._misplaced(child)
            else:
                self._text_not_allowed(node)
        elif kind == "SCHEMAV_CVC_COMPLEX_TYPE_2_3":
            self._text_not_allowed(node)
        elif kind in _XSI_TYPE_ERRORS:
            self._xsi_type(node)
        elif kind in _XSI_NIL_ERRORS:
            self._unknown_attribute(node, f"{{{_XSI_NS}}}nil")
        elif kind in _FACET_ERRORS or kind in _TYPE_ERRORS:
            facet = _FACET_ERRORS.get(kind, "type")
            rank = 0 if facet == "type" else 1
            if attribute is not None:
                self._bad_attribute(node, attribute, facet, rank)
            else:
                self._bad_text(node, facet, rank)
        else:
            self._unexplained(node, attribute, rest)

    # -- lookups ------------------------------------------------------------------------------
    @property
    def source_map(self) -> SourceMap:
        if self._source_map is None:
            self._source_map = SourceMap(self.document.text)
        return self._source_map

    def _plain_paths(self) -> dict[str, etree._Element]:
        """Path -> element for the elements without a namespace on their whole path, for
        which these paths are exactly libxml2's (the others are found by XPath)."""
        found: dict[str, etree._Element] = {}
        stack = [self.root] if "{" not in str(self.root.tag) else []
        while stack:
            element = stack.pop()
            found[self._paths.path(element)] = element
            stack.extend(
                child for child in element.iterchildren(etree.Element) if "{" not in child.tag
            )
        return found

    def _node(self, error: etree._LogEntry) -> etree._Element:
        path = error.path or ""
        if path:
            if self._by_path is None:  # one pass, instead of an XPath query per error
                self._by_path = self._plain_paths()
            plain = self._by_path.get(path)
            if plain is not None:
                return plain
            if self._namespaces is None:  # once per document, not once per error
                self._namespaces = {
                    prefix: uri
                    for element in self.root.iter(etree.Element)
                    for prefix, uri in element.nsmap.items()
                    if prefix and prefix != "xml"
                }
            try:
                found = self.root.getroottree().xpath(path, namespaces=self._namespaces)
            except etree.XPathError:
                found = None
            if isinstance(found, list) and found and isinstance(found[0], etree._Element):
                return found[0]
        head = _HEAD.match(error.message or "")
        name = head.group("element") if head else ""
        for element in self.root.iter(etree.Element):
            if element.sourceline == error.line and _clark_local(element.tag) == _clark_local(name):
                return element
        return self.root

    def _spec(self, element: etree._Element) -> ElementSpec | None:
        if element in self._specs:
            return self._specs[element]
        spec: ElementSpec | None = None
        tag = element.tag
        parent = element.getparent()
        if isinstance(tag, str) and not tag.startswith("{"):
            if parent is None:
                spec = self.catalogue.main.get(tag) if tag in self.catalogue.roots else None
            else:
                parent_spec = self._spec(parent)
                child = parent_spec.children.get(tag) if parent_spec is not None else None
                if child is not None:
                    spec = self.catalogue.by_type.get((tag, child.type_name))
        self._specs[element] = spec
        return spec

    def _at_element(self, element: etree._Element) -> tuple[int, int]:
        return self.source_map.element(element)

    # -- the kinds ----------------------------------------------------------------------------
    def _violation(
        self,
        element: etree._Element,
        kind: ViolationKind,
        message: str,
        *,
        attribute: str | None = None,
        value: str | None = None,
        expected: str | None = None,
    ) -> Violation:
        if attribute is not None and kind in ("invalid-value", "unknown-attribute"):
            line, column = self.source_map.attribute(element, attribute)
        else:
            line, column = self._at_element(element)
        return Violation(
            line=line,
            column=column,
            path=self._paths.path(element, attribute),
            message=message,
            kind=kind,
            element=_written(element),
            attribute=attribute,
            value=value,
            expected=expected,
        )

    def _wrong_root(self, element: etree._Element) -> None:
        name = _written(element)
        namespace = etree.QName(element).namespace
        if namespace and etree.QName(element).localname in self.catalogue.roots:
            message = namespace_problem(etree.QName(element).localname, namespace) or ""
        else:
            children = [_written(child) for child in element.iterchildren(etree.Element)]
            message = wrong_root(name, children).text
        expected = ROOTS_EXPECTED
        self._add(
            element,
            "#element",
            self._violation(element, "wrong-root", message, expected=expected),
        )

    def _unknown_attribute(self, element: etree._Element, clark: str) -> None:
        name = _written_attribute(element, clark)
        said = unknown_attribute(name, _written(element), _parent_name(element))
        violation = self._violation(
            element,
            "unknown-attribute",
            said.text,
            attribute=name,
            value=element.get(clark),
            expected=said.expected,
        )
        self._add(element, "@" + clark, violation)

    def _missing_attribute(self, element: etree._Element, clark: str) -> None:
        name = _written_attribute(element, clark)
        spec = self._spec(element)
        attribute = spec.attributes.get(name) if spec is not None else None
        message = missing_attribute(name, _written(element), _parent_name(element)).text
        violation = self._violation(
            element,
            "missing-attribute",
            message,
            attribute=name,
            expected=attribute.value.expected() if attribute is not None else None,
        )
        self._add(element, "@" + clark, violation)

    def _misplaced(self, child: etree._Element) -> None:
        parent = child.getparent()
        if parent is None:
            self._wrong_root(child)
            return
        name, parent_name = _written(child), _written(parent)
        parent_spec = self._spec(parent)
        allowed = parent_spec.allowed_children if parent_spec is not None else ()
        group = parent_spec.child_group if parent_spec is not None else None
        plain = isinstance(child.tag, str) and not child.tag.startswith("{")
        if plain and child.tag in allowed and group is not None and group.max_occurs is not None:
            count = sum(1 for c in parent.iterchildren(etree.Element) if c.tag in group.names)
            said = too_many_children(parent_name, group.names, group.max_occurs, count)
            violation = self._violation(
                child, "too-many-children", said.text, expected=said.expected
            )
        elif plain and child.tag in self.catalogue.main:
            message = misplaced_element(name, parent_name, allowed).text
            violation = self._violation(
                child,
                "invalid-child",
                message,
                expected=", ".join(allowed) if allowed else "no child elements",
            )
        else:
            if not plain:
                message = namespaced_element(name, parent_name).text
            else:
                message = unknown_element(name, parent_name, allowed).text
            violation = self._violation(
                child,
                "unknown-element",
                message,
                expected=", ".join(allowed) if allowed else "no child elements",
            )
        self._add(child, "#element", violation)

    def _too_few(self, parent: etree._Element) -> None:
        spec = self._spec(parent)
        group = spec.child_group if spec is not None else None
        if group is None:
            self._unexplained(parent, None, "missing child elements")
            return
        said = too_few_children(_written(parent), group.names, group.min_occurs, group.max_occurs)
        self._add(
            parent,
            "#children",
            self._violation(parent, "too-few-children", said.text, expected=said.expected),
        )

    def _text_not_allowed(self, element: etree._Element) -> None:
        text = _direct_text(element).strip(_XML_SPACE_CHARS)
        said = text_not_allowed(_written(element), _parent_name(element), text)
        violation = self._violation(
            element, "invalid-text", said.text, value=text, expected=said.expected
        )
        self._add(element, "#text", violation)

    def _bad_text(self, element: etree._Element, facet: str, rank: int) -> None:
        spec = self._spec(element)
        if spec is not None and spec.content == "empty":
            self._text_not_allowed(element)
            return
        values = spec.text if spec is not None else None
        raw = _direct_text(element)
        if values is None:
            self._unexplained(element, None, f"invalid text {show(raw)}")
            return
        value = values.normalize(raw)
        name, parent = _written(element), _parent_name(element)
        if value == "":
            message = missing_text(name, parent).text
        else:
            message = invalid_text(name, parent, value).text
        violation = self._violation(
            element, "invalid-text", message, value=value, expected=values.expected()
        )
        self._add(element, "#text", violation, rank)

    def _bad_attribute(self, element: etree._Element, clark: str, facet: str, rank: int) -> None:
        name = _written_attribute(element, clark)
        spec = self._spec(element)
        attribute = spec.attributes.get(name) if spec is not None else None
        value = element.get(clark) or ""
        if attribute is None:
            self._unexplained(element, clark, f"invalid value {show(value)}")
            return
        message = invalid_value(_written(element), _parent_name(element), name, value).text
        violation = self._violation(
            element,
            "invalid-value",
            message,
            attribute=name,
            value=value,
            expected=attribute.value.expected(),
        )
        self._add(element, "@" + clark, violation, rank)

    def _xsi_type(self, element: etree._Element) -> None:
        """xsi:type: BXML takes no xsi: attributes, whatever type it names."""
        self._unknown_attribute(element, f"{{{_XSI_NS}}}type")

    def _unexplained(self, element: etree._Element, clark: str | None, text: str) -> None:
        """An error this module has no words for: keep libxml2's own, tidied."""
        name = _written_attribute(element, clark) if clark is not None else None
        kind: ViolationKind = "invalid-value" if name is not None else "invalid-text"
        subject = f"<{_written(element)}>" + (f" attribute {name}" if name else "")
        message = f"{subject}: {text.rstrip('.')}"
        violation = self._violation(element, kind, message, attribute=name)
        self._add(element, "@" + clark if clark else "#other", violation, 0)


def _direct_text(element: etree._Element) -> str:
    """The character data directly inside ``element`` (not inside its children)."""
    parts = [element.text or ""]
    parts.extend(child.tail or "" for child in element)
    return "".join(parts)


def _parent_name(element: etree._Element) -> str | None:
    """The name of ``element``'s parent as written (None for the root)."""
    parent = element.getparent()
    return _written(parent) if parent is not None else None


def _clark_local(name: object) -> str:
    text = name if isinstance(name, str) else ""
    return text.rpartition("}")[2]


def _written(element: etree._Element) -> str:
    """The element's name as written in the document (``x:Foo`` for a prefixed element)."""
    tag = element.tag
    if not isinstance(tag, str):
        return "?"
    local = _clark_local(tag)
    return f"{element.prefix}:{local}" if element.prefix else local


def _written_attribute(element: etree._Element, clark: str) -> str:
    """An attribute's name as written (``xml:lang``, ``x:y``) from its ``{uri}local`` form."""
    if not clark.startswith("{"):
        return clark
    namespace, _, local = clark[1:].partition("}")
    if namespace == _XML_NS:
        return f"xml:{local}"
    for prefix, uri in element.nsmap.items():
        if uri == namespace and prefix:
            return f"{prefix}:{local}"
    return local

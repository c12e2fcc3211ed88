"""The XSD read back as data: elements, their attributes, children and allowed values."""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final, NamedTuple

from lxml import etree

from bxmlkit.errors import SchemaLoadError
from bxmlkit.schema import _files
from bxmlkit.schema._files import read_xsd

__all__ = [
    "AttributeSpec",
    "ChildGroup",
    "ChildSpec",
    "ElementSpec",
    "ValueSpec",
    "element_catalogue",
    "element_spec",
    "root_names",
]

_XS = "{http://www.w3.org/2001/XMLSchema}"
_XS_NS = "http://www.w3.org/2001/XMLSchema"
_XML_NS = "http://www.w3.org/XML/1998/namespace"

Number = int | float


@dataclass(frozen=True)
class ValueSpec:
    """The allowed values of an attribute or of an element's text, from an XSD simple type.

    ``kind`` is one of ``boolean``, ``int``, ``decimal``, ``enum``, ``url``, ``websocket-url``
    or ``string``.  ``pattern`` is an XSD regular expression (implicitly anchored; ``\\s`` is
    only space, tab, CR and LF).  ``whitespace`` is ``collapse`` when surrounding whitespace is
    ignored before checking, ``preserve`` otherwise.
    """

    type_name: str | None
    kind: str
    base: str
    whitespace: str
    enumeration: tuple[str, ...] | None = None
    min: Number | None = None
    max: Number | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    description: str = ""
    expected_phrase: str | None = None
    #: What the value stands for, from the XSD's ``bxmlkit:kind`` appinfo: ``url``,
    #: ``phone-number``, ``duration``, ``dtmf``, ... (None when the XSD says nothing more).
    meaning: str | None = None

    def range_text(self) -> str:
        """``1 to 50``, ``1 or more``, ``at most 50`` or ``""``."""
        if self.min is not None and self.max is not None:
            return f"{_number(self.min)} to {_number(self.max)}"
        if self.min is not None:
            return f"{_number(self.min)} or more"
        if self.max is not None:
            return f"at most {_number(self.max)}"
        return ""

    def expected(self) -> str:
        """What is allowed, as a phrase that completes "expected ..."."""
        if self.enumeration is not None:
            return "one of " + ", ".join(self.enumeration)
        if self.expected_phrase:
            return self.expected_phrase
        if self.kind in ("int", "decimal"):
            noun = "an integer" if self.kind == "int" else "a decimal number"
            bounds = self.range_text()
            if self.min is not None and self.max is not None:
                return f"{noun} from {bounds}"
            return f"{noun} ({bounds})" if bounds else noun
        if self.max_length is not None:
            return f"at most {self.max_length} characters"
        if self.min_length:
            return "a non-empty value"
        if self.pattern is not None:
            return f"a value matching the pattern {self.pattern}"
        return "any text"

    def normalize(self, value: str) -> str:
        """``value`` as the XSD checks it: whitespace collapsed for ``collapse`` types."""
        if self.whitespace == "collapse":
            return _XML_SPACE.sub(" ", value).strip(_XML_SPACE_CHARS)
        return value


_XML_SPACE_CHARS = " \t\r\n"
_XML_SPACE = re.compile(r"[ \t\r\n]+")


def _number(value: Number) -> str:
    return str(value)


@dataclass(frozen=True)
class AttributeSpec:
    """An attribute as the XSD declares it.

    ``default`` is the documented default (the XSD never injects it); ``soft_max_length`` is a
    documented length limit the XSD does not enforce (the linter warns about it).  The other
    ``soft_*`` fields are documented limits of a value that the XSD accepts more widely (the
    linter reports them): ``soft_values`` words or text matching ``soft_pattern`` (a regular
    expression for the whole value), described by ``soft_expected``; ``soft_maximum`` a
    largest value (such as ``10s``).
    """

    name: str
    required: bool
    value: ValueSpec
    documentation: str = ""
    default: str | None = None
    soft_max_length: int | None = None
    soft_values: tuple[str, ...] = ()
    soft_pattern: str | None = None
    soft_expected: str | None = None
    soft_maximum: str | None = None

    @property
    def kind(self) -> str:
        """The value kind: ``boolean``, ``int``, ``decimal``, ``enum``, ``url``, ..."""
        return self.value.kind

    @property
    def type_name(self) -> str | None:
        """The XSD simple type's name, such as ``MethodType`` (None for an anonymous type)."""
        return self.value.type_name

    @property
    def enumeration(self) -> tuple[str, ...] | None:
        """The allowed values of an enumerated attribute, else None."""
        return self.value.enumeration

    @property
    def min(self) -> Number | None:
        """Smallest allowed number (inclusive), or None."""
        return self.value.min

    @property
    def max(self) -> Number | None:
        """Largest allowed number (inclusive), or None."""
        return self.value.max

    @property
    def min_length(self) -> int | None:
        """Shortest allowed value, in characters, or None."""
        return self.value.min_length

    @property
    def max_length(self) -> int | None:
        """Longest allowed value, in characters (hard limit), or None."""
        return self.value.max_length

    @property
    def pattern(self) -> str | None:
        """The XSD pattern the value must match, or None."""
        return self.value.pattern


@dataclass(frozen=True)
class ChildSpec:
    """One element name allowed inside a parent, with how often it may occur there."""

    name: str
    type_name: str
    min_occurs: int
    max_occurs: int | None  # None: unbounded


@dataclass(frozen=True)
class ChildGroup:
    """The parent's child elements as one group: any of ``names``, in any order, counted
    together between ``min_occurs`` and ``max_occurs`` (None: unbounded)."""

    names: tuple[str, ...]
    min_occurs: int
    max_occurs: int | None


@dataclass(frozen=True)
class ElementSpec:
    """An element as the XSD declares it.

    ``category`` is ``root``, ``verb`` (allowed in a root), ``noun`` (only inside a verb) or
    ``ssml``.  ``content`` is ``empty`` (no text, no children; whitespace is allowed),
    ``simple`` (text only, checked by ``text``), ``element-only`` (children, whitespace
    between them) or ``mixed`` (text and children, as in SpeakSentence).
    """

    name: str
    type_name: str
    category: str
    documentation: str
    attributes: Mapping[str, AttributeSpec]
    content: str
    text: ValueSpec | None
    children: Mapping[str, ChildSpec]
    child_group: ChildGroup | None
    parents: tuple[str, ...]

    @property
    def root(self) -> bool:
        """True for the document roots (Response, Bxml)."""
        return self.category == "root"

    @property
    def has_text(self) -> bool:
        """True when the element holds text (simple or mixed content)."""
        return self.content in ("simple", "mixed")

    @property
    def allowed_children(self) -> tuple[str, ...]:
        """Names of the elements allowed directly inside this one."""
        return tuple(self.children)

    @property
    def required_attributes(self) -> tuple[str, ...]:
        """Names of the attributes that must be present."""
        return tuple(name for name, spec in self.attributes.items() if spec.required)


@dataclass(frozen=True)
class _Catalogue:
    main: dict[str, ElementSpec]
    by_type: dict[tuple[str, str], ElementSpec]
    roots: tuple[str, ...]


_catalogue_lock = threading.Lock()
_catalogue: _Catalogue | None = None


def get_catalogue() -> _Catalogue:
    """The catalogue, read from the XSD on first use."""
    global _catalogue
    found = _catalogue
    if found is None:
        with _catalogue_lock:
            if _catalogue is None:
                _catalogue = _XsdReader(_files.schema_path()).build()
            found = _catalogue
    return found


def element_catalogue() -> dict[str, ElementSpec]:
    """Every element the XSD declares, by name: roots, verbs, nouns and SSML tags.

    Where one name has several declarations (``SipUri`` inside ``Transfer`` and inside
    ``Refer``), the entry is the one whose type is named after the element (``SipUriType``);
    ``element_spec(name, parent)`` gives the declaration used inside a given parent.
    The result is built once from the XSD and cached; treat it as read-only.
    """
    return get_catalogue().main


def element_spec(name: str, parent: str | None = None) -> ElementSpec | None:
    """The declaration of ``name`` (inside ``parent`` when given), or None when there is none.

    ``element_spec("SipUri", "Refer")`` is the attribute-less SipUri of Refer.
    """
    catalogue = get_catalogue()
    if parent is None:
        return catalogue.main.get(name)
    parent_spec = catalogue.main.get(parent)
    child = parent_spec.children.get(name) if parent_spec is not None else None
    if child is None:
        return None
    return catalogue.by_type.get((name, child.type_name))


def root_names() -> tuple[str, ...]:
    """The names of the allowed root elements (``Response``, ``Bxml``)."""
    return get_catalogue().roots


class _XsdReader:
    """Reads bxml.xsd (and the imported xml.xsd) into ``ElementSpec`` values.

    It understands the subset of XSD 1.0 that bxml.xsd uses and raises ``SchemaLoadError``
    on anything else, so that a construct added to the XSD is never silently misread.
    """

    _BUILTIN_KINDS: Final = {
        "boolean": "boolean",
        "integer": "int",
        "decimal": "decimal",
        "string": "string",
        "token": "string",
        "anySimpleType": "string",
    }
    #: ``bxmlkit:kind`` appinfo values that are also the ValueSpec's kind (the others, such
    #: as ``duration`` on a decimal type, are only its ``meaning``).
    _KIND_OVERRIDES: Final = frozenset({"url", "websocket-url"})
    _EMPTY_TEXT_TYPE: Final = "NoTextType"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.root = read_xsd(path)
        self.simple: dict[str, etree._Element] = {}
        self.complex: dict[str, etree._Element] = {}
        self.groups: dict[str, etree._Element] = {}
        self.elements: list[etree._Element] = []
        self.foreign_attributes: dict[tuple[str, str], etree._Element] = {}
        for child in self.root.iterchildren(etree.Element):
            name = child.get("name", "")
            if child.tag == _XS + "simpleType":
                self.simple[name] = child
            elif child.tag == _XS + "complexType":
                self.complex[name] = child
            elif child.tag == _XS + "group":
                self.groups[name] = child
            elif child.tag == _XS + "element":
                self.elements.append(child)
            elif child.tag == _XS + "import":
                self._read_import(child)
            elif child.tag != _XS + "annotation":
                self._unsupported(child)

    def _unsupported(self, node: etree._Element, what: str = "construct") -> SchemaLoadError:
        tag = etree.QName(node).localname
        raise SchemaLoadError(
            f"{self.path}:{node.sourceline}: unsupported XSD {what} <xs:{tag}> for the catalogue"
        )

    def _read_import(self, node: etree._Element) -> None:
        namespace = node.get("namespace", "")
        location = node.get("schemaLocation", "")
        imported = read_xsd(self.path.parent / location)
        for child in imported.iterchildren(_XS + "attribute"):
            self.foreign_attributes[(namespace, child.get("name", ""))] = child

    # -- names and annotations ----------------------------------------------------------------
    @staticmethod
    def _qname(node: etree._Element, value: str) -> tuple[str, str]:
        prefix, _, local = value.rpartition(":")
        namespace = node.nsmap.get(prefix or None, "")
        if prefix == "xml":
            namespace = _XML_NS
        return namespace or "", local

    @staticmethod
    def _documentation(node: etree._Element) -> str:
        found = node.find(f"{_XS}annotation/{_XS}documentation")
        return " ".join((found.text or "").split()) if found is not None else ""

    @staticmethod
    def _appinfo(node: etree._Element, source: str) -> str | None:
        for info in node.iterfind(f"{_XS}annotation/{_XS}appinfo"):
            if info.get("source") == source:
                return info.text or ""
        return None

    # -- simple types -------------------------------------------------------------------------
    def value_spec(self, node: etree._Element, type_ref: str | None) -> ValueSpec:
        """The ValueSpec of a type reference (``xs:string``, ``UrlType``) or inline type."""
        if type_ref is None:
            inline = node.find(_XS + "simpleType")
            if inline is None:
                return ValueSpec(None, "string", "anySimpleType", "preserve")
            return self._simple_type(inline, None)
        namespace, local = self._qname(node, type_ref)
        if namespace == _XS_NS:
            return self._builtin(local)
        definition = self.simple.get(local)
        if definition is None or namespace:
            raise SchemaLoadError(f"{self.path}: unknown simple type {type_ref!r}")
        return self._simple_type(definition, local)

    def _builtin(self, local: str) -> ValueSpec:
        kind = self._BUILTIN_KINDS.get(local)
        if kind is None:
            raise SchemaLoadError(f"{self.path}: unsupported built-in type xs:{local}")
        whitespace = "preserve" if local in ("string", "anySimpleType") else "collapse"
        return ValueSpec(None, kind, local, whitespace)

    def _simple_type(self, node: etree._Element, name: str | None) -> ValueSpec:
        restriction = node.find(_XS + "restriction")
        if restriction is None:
            raise self._unsupported(node, "simple type form (only xs:restriction)")
        base = self.value_spec(restriction, restriction.get("base"))
        bounds: dict[str, Number] = {}
        lengths: dict[str, int] = {}
        enumeration: list[str] = []
        pattern = base.pattern
        for facet in restriction.iterchildren(etree.Element):
            tag = etree.QName(facet).localname
            value = facet.get("value", "")
            if tag == "enumeration":
                enumeration.append(value)
            elif tag in ("minInclusive", "maxInclusive"):
                bounds[tag] = int(value) if base.kind == "int" else _decimal(value)
            elif tag in ("minLength", "maxLength"):
                lengths[tag] = int(value)
            elif tag == "pattern" and pattern is None:
                pattern = value
            elif tag != "annotation":
                raise self._unsupported(facet, "facet")
        kind = base.kind
        meaning = self._appinfo(node, "bxmlkit:kind") or base.meaning
        if meaning in self._KIND_OVERRIDES:
            kind = meaning
        elif enumeration:
            kind = "enum"
        return ValueSpec(
            type_name=name,
            kind=kind,
            base=base.base,
            whitespace=base.whitespace,
            enumeration=tuple(enumeration) if enumeration else base.enumeration,
            min=bounds.get("minInclusive", base.min),
            max=bounds.get("maxInclusive", base.max),
            min_length=lengths.get("minLength", base.min_length),
            max_length=lengths.get("maxLength", base.max_length),
            pattern=pattern,
            description=self._documentation(node) or base.description,
            expected_phrase=self._appinfo(node, "bxmlkit:expected") or base.expected_phrase,
            meaning=meaning,
        )

    # -- attributes -----------------------------------------------------------------------------
    def _attributes(self, holder: etree._Element) -> dict[str, AttributeSpec]:
        found: dict[str, AttributeSpec] = {}
        for node in holder.iterchildren(etree.Element):
            tag = etree.QName(node).localname
            if tag in ("annotation", "sequence", "choice", "group", "all"):
                continue
            if tag != "attribute":
                raise self._unsupported(node)
            spec = self._attribute(node)
            found[spec.name] = spec
        return found

    def _attribute(self, node: etree._Element) -> AttributeSpec:
        required = node.get("use") == "required"
        ref = node.get("ref")
        declaration = node
        name = node.get("name", "")
        if ref is not None:
            namespace, local = self._qname(node, ref)
            found = self.foreign_attributes.get((namespace, local))
            if found is None:
                raise SchemaLoadError(f"{self.path}: unknown attribute reference {ref!r}")
            declaration = found
            name = f"xml:{local}" if namespace == _XML_NS else ref
        documentation = self._documentation(node) or self._documentation(declaration)
        soft = self._appinfo(node, "bxmlkit:soft-max-length")
        return AttributeSpec(
            name=name,
            required=required,
            value=self.value_spec(declaration, declaration.get("type")),
            documentation=documentation,
            default=self._appinfo(node, "bxmlkit:default"),
            soft_max_length=int(soft) if soft else None,
            soft_values=tuple((self._appinfo(node, "bxmlkit:soft-values") or "").split()),
            soft_pattern=self._appinfo(node, "bxmlkit:soft-pattern"),
            soft_expected=self._appinfo(node, "bxmlkit:soft-expected"),
            soft_maximum=self._appinfo(node, "bxmlkit:soft-maximum"),
        )

    # -- complex types -------------------------------------------------------------------------
    def _complex(self, name: str) -> _Shape:
        node = self.complex.get(name)
        if node is None:
            raise SchemaLoadError(f"{self.path}: unknown complex type {name!r}")
        simple = node.find(_XS + "simpleContent")
        if simple is not None:
            extension = simple.find(_XS + "extension")
            if extension is None:
                raise self._unsupported(simple, "simple content form")
            base = extension.get("base", "")
            attributes = self._attributes(extension)
            if self._qname(extension, base)[1] == self._EMPTY_TEXT_TYPE:
                return _Shape("empty", None, attributes, None, ())
            return _Shape("simple", self.value_spec(extension, base), attributes, None, ())
        attributes = self._attributes(node)
        particles = [
            child
            for child in node.iterchildren(etree.Element)
            if etree.QName(child).localname in ("sequence", "choice", "group", "all")
        ]
        mixed = node.get("mixed") == "true"
        if not particles:
            return _Shape("mixed" if mixed else "empty", None, attributes, None, ())
        if len(particles) > 1:
            raise self._unsupported(particles[1], "second particle")
        group, children = self._particle(particles[0])
        content = "mixed" if mixed else "element-only"
        return _Shape(content, None, attributes, group, tuple(children))

    def _particle(self, node: etree._Element) -> tuple[ChildGroup, list[ChildSpec]]:
        low, high = _occurs(node)
        tag = etree.QName(node).localname
        if tag == "group":
            target = self.groups.get(self._qname(node, node.get("ref", ""))[1])
            inner = target.find(_XS + "choice") if target is not None else None
            if inner is None or _occurs(inner) != (1, 1):
                raise self._unsupported(node, "group reference")
            declarations = list(inner.iterchildren(_XS + "element"))
        elif tag == "choice":
            declarations = list(node.iterchildren(_XS + "element"))
            if any(_occurs(d) != (1, 1) for d in declarations):
                raise self._unsupported(node, "choice with counted members")
        elif tag == "sequence":
            declarations = list(node.iterchildren(_XS + "element"))
            if len(declarations) != 1 or (low, high) != (1, 1):
                raise self._unsupported(node, "sequence")
            low, high = _occurs(declarations[0])
        else:
            raise self._unsupported(node, "particle")
        others = [
            child
            for child in node.iterchildren(etree.Element)
            if child.tag not in (_XS + "element", _XS + "annotation")
        ]
        if others:
            raise self._unsupported(others[0], "particle member")
        single = len(declarations) == 1
        children = [
            ChildSpec(
                name=d.get("name", ""),
                type_name=self._qname(d, d.get("type", ""))[1],
                min_occurs=low if single else 0,
                max_occurs=high,
            )
            for d in declarations
        ]
        group = ChildGroup(tuple(c.name for c in children), low, high)
        return group, children

    # -- the walk -----------------------------------------------------------------------------
    def build(self) -> _Catalogue:
        """Walk the declarations from the global elements down, once per (name, type)."""
        roots = tuple(element.get("name", "") for element in self.elements)
        shapes: dict[str, _Shape] = {}
        parents: dict[tuple[str, str], list[str]] = {}
        category: dict[tuple[str, str], str] = {}
        documentation: dict[tuple[str, str], str] = {}
        queue: list[tuple[str, str, str | None, str]] = []
        for element in self.elements:
            key = (element.get("name", ""), self._qname(element, element.get("type", ""))[1])
            documentation[key] = self._documentation(element)
            queue.append((*key, None, "root"))
        edges: set[tuple[str, str, str, str]] = set()
        while queue:
            name, type_name, parent, kind = queue.pop(0)
            key = (name, type_name)
            category.setdefault(key, kind)
            known_parents = parents.setdefault(key, [])
            if parent is not None and parent not in known_parents:
                known_parents.append(parent)
            shape = shapes.get(type_name)
            if shape is None:
                shapes[type_name] = shape = self._complex(type_name)
            if category[key] == "root":
                child_kind = "verb"
            elif category[key] == "ssml" or name == "SpeakSentence":
                child_kind = "ssml"
            else:
                child_kind = "noun"
            for child in shape.children:
                edge = (name, type_name, child.name, child.type_name)
                if edge not in edges:
                    edges.add(edge)
                    queue.append((child.name, child.type_name, name, child_kind))
        by_type: dict[tuple[str, str], ElementSpec] = {}
        main: dict[str, ElementSpec] = {}
        for key, kind in category.items():
            name, type_name = key
            shape = shapes[type_name]
            spec = ElementSpec(
                name=name,
                type_name=type_name,
                category=kind,
                documentation=documentation.get(key)
                or self._documentation(self.complex[type_name]),
                attributes=shape.attributes,
                content=shape.content,
                text=shape.text,
                children={child.name: child for child in shape.children},
                child_group=shape.group,
                parents=tuple(parents[key]),
            )
            by_type[key] = spec
            # One name, several declarations: the one typed <Name>Type is the main entry.
            current = main.get(name)
            if current is None or (
                current.type_name != f"{name}Type" and type_name == f"{name}Type"
            ):
                main[name] = spec
        return _Catalogue(main=main, by_type=by_type, roots=roots)


class _Shape(NamedTuple):
    """What a complex type says about its element's content and attributes."""

    content: str
    text: ValueSpec | None
    attributes: dict[str, AttributeSpec]
    group: ChildGroup | None
    children: tuple[ChildSpec, ...]


def _occurs(node: etree._Element) -> tuple[int, int | None]:
    low = int(node.get("minOccurs", "1"))
    high_text = node.get("maxOccurs", "1")
    return low, None if high_text == "unbounded" else int(high_text)


def _decimal(text: str) -> Number:
    value = float(text)
    return int(value) if value.is_integer() and "." not in text else value

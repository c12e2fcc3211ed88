"""The bundled XSD: where it is, compiling it once, and validating documents against it.

``schema/bxml.xsd`` is the contract for BXML.  This module

* finds it (``schema_path``): inside the installed package (``bxmlkit/_schema/``), or in the
  ``schema/`` folder of a source checkout;
* compiles it with lxml on first use, once per process, thread-safely (``compiled_schema``);
  a missing or broken XSD raises ``SchemaLoadError``;
* validates documents (``validate`` for anything ``bxmlkit._parser.read_source`` accepts,
  ``validate_tree`` for an already parsed document) and turns libxml2's errors into
  ``Violation`` values with an exact line and column, a path such as
  ``/Response/Gather[2]/@maxDigits``, a kind, and a message written from the XSD's own facets;
* reads the XSD itself into a catalogue of elements and attributes (``element_catalogue``),
  which the linter uses for suggestions and the tests use to keep the models and the XSD in
  agreement.

It imports neither pydantic nor httpx: the linter uses it on its fast path.  A valid document
costs one parse and one libxml2 validation; positions are computed only when there is a
violation to report.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal, NamedTuple

from lxml import etree

from bxmlkit._locate import PathIndex, SourceMap
from bxmlkit._parser import (
    ForbiddenConstruct,
    ParsedDocument,
    Source,
    forbidden_constructs,
    parse,
    read_source,
)
from bxmlkit._wellformed import namespace_problem
from bxmlkit.errors import BxmlParseError, SchemaLoadError, XmlSyntaxError

__all__ = [
    "VIOLATION_KINDS",
    "AttributeSpec",
    "ChildGroup",
    "ChildSpec",
    "ElementSpec",
    "ValueSpec",
    "Violation",
    "ViolationKind",
    "compiled_schema",
    "element_catalogue",
    "element_spec",
    "root_names",
    "schema_path",
    "validate",
    "validate_tree",
]

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

_XS = "{http://www.w3.org/2001/XMLSchema}"
_XS_NS = "http://www.w3.org/2001/XMLSchema"
_XML_NS = "http://www.w3.org/XML/1998/namespace"
_XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA_FILE = "bxml.xsd"


# ---------------------------------------------------------------------------------------------
# Finding and compiling the XSD
# ---------------------------------------------------------------------------------------------


def schema_path() -> Path:
    """The path of ``bxml.xsd``: the copy installed in the package, else the source checkout's.

    Raises ``SchemaLoadError`` when neither exists (a broken installation).
    """
    from importlib import resources  # here, not at import: the linter's start-up is timed

    try:
        installed = resources.files("bxmlkit") / "_schema" / _SCHEMA_FILE
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - bxmlkit is always importable
        installed = None
    if isinstance(installed, Path) and installed.is_file():
        return installed
    checkout = Path(__file__).resolve().parent.parent / "schema" / _SCHEMA_FILE
    if checkout.is_file():
        return checkout
    raise SchemaLoadError(
        f"the bundled XSD {_SCHEMA_FILE} was not found (looked in bxmlkit/_schema/ and in "
        f"{checkout.parent}); reinstall bxmlkit"
    )


_load_lock = threading.Lock()
_validate_lock = threading.Lock()
_compiled: etree.XMLSchema | None = None


def compiled_schema() -> etree.XMLSchema:
    """The compiled XSD, built on first use and shared by the whole process.

    Raises ``SchemaLoadError`` when the XSD is missing or does not compile.  The object is
    shared: lxml keeps one error log per schema object, so call ``validate`` /
    ``validate_tree`` (which serialize access) rather than its own ``validate`` from threads.
    """
    global _compiled
    schema = _compiled
    if schema is None:
        with _load_lock:
            if _compiled is None:
                _compiled = _compile(schema_path())
            schema = _compiled
    return schema


def _read_xsd(path: Path) -> etree._Element:
    """Parse an XSD file with the hardened parser; its URL is kept so imports resolve."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SchemaLoadError(f"{path}: cannot read the XSD: {exc.strerror or exc}") from exc
    try:
        document = parse(data, source=str(path))
    except BxmlParseError as exc:
        raise SchemaLoadError(f"{path}: the XSD is not well-formed XML: {exc}") from exc
    document.root.getroottree().docinfo.URL = path.as_uri()
    return document.root


def _compile(path: Path) -> etree.XMLSchema:
    """Compile the XSD file.

    libxml2 reads the file itself here, not through ``bxmlkit._parser``: the XSD is our own
    packaged file, and its ``xs:import`` of the sibling ``xml.xsd`` must be resolved, which
    the hardened parser (rightly) refuses to do for documents.  The import is a relative
    local path, so nothing is fetched from the network.
    """
    if not path.is_file():
        raise SchemaLoadError(f"{path}: the XSD is missing")
    try:
        return etree.XMLSchema(file=str(path))
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError, OSError) as exc:
        raise SchemaLoadError(f"{path}: the XSD does not compile: {exc}") from exc


# ---------------------------------------------------------------------------------------------
# The catalogue: the XSD read back as data
# ---------------------------------------------------------------------------------------------

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
    documented length limit the XSD does not enforce (the linter warns about it).
    """

    name: str
    required: bool
    value: ValueSpec
    documentation: str = ""
    default: str | None = None
    soft_max_length: int | None = None

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

    def names_text(self) -> str:
        """``PhoneNumber or SipUri``."""
        if len(self.names) <= 2:
            return " or ".join(self.names)
        return ", ".join(self.names[:-1]) + " or " + self.names[-1]


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


def _get_catalogue() -> _Catalogue:
    global _catalogue
    found = _catalogue
    if found is None:
        with _catalogue_lock:
            if _catalogue is None:
                _catalogue = _XsdReader(schema_path()).build()
            found = _catalogue
    return found


def element_catalogue() -> dict[str, ElementSpec]:
    """Every element the XSD declares, by name: roots, verbs, nouns and SSML tags.

    Where one name has several declarations (``SipUri`` inside ``Transfer`` and inside
    ``Refer``), the entry is the one whose type is named after the element (``SipUriType``);
    ``element_spec(name, parent)`` gives the declaration used inside a given parent.
    The result is built once from the XSD and cached; treat it as read-only.
    """
    return _get_catalogue().main


def element_spec(name: str, parent: str | None = None) -> ElementSpec | None:
    """The declaration of ``name`` (inside ``parent`` when given), or None when there is none.

    ``element_spec("SipUri", "Refer")`` is the attribute-less SipUri of Refer.
    """
    catalogue = _get_catalogue()
    if parent is None:
        return catalogue.main.get(name)
    parent_spec = catalogue.main.get(parent)
    child = parent_spec.children.get(name) if parent_spec is not None else None
    if child is None:
        return None
    return catalogue.by_type.get((name, child.type_name))


def root_names() -> tuple[str, ...]:
    """The names of the allowed root elements (``Response``, ``Bxml``)."""
    return _get_catalogue().roots


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
    _SPECIAL_KINDS: Final = {
        "UrlType": "url",
        "AudioUrlType": "url",
        "WebSocketUrlType": "websocket-url",
    }
    _EMPTY_TEXT_TYPE: Final = "NoTextType"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.root = _read_xsd(path)
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
        imported = _read_xsd(self.path.parent / location)
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
        if name in self._SPECIAL_KINDS:
            kind = self._SPECIAL_KINDS[name]
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


# ---------------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------------


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


def validate(source: Source) -> list[Violation]:
    """Validate a document against the bundled XSD; an empty list means it is valid.

    ``source`` is anything ``bxmlkit._parser.read_source`` accepts: the document as ``str``
    or ``bytes``, a ``pathlib.Path``, or a binary file object.  Raises ``SourceError`` when it
    cannot be read, ``XmlSyntaxError`` when it is not well-formed XML or uses a construct BXML
    forbids (DOCTYPE, entity reference, processing instruction), ``XmlLimitError`` when it is
    over the parser's limits, and ``SchemaLoadError`` when the XSD itself is broken.
    """
    data, name, from_text = read_source(source)
    document = parse(data, source=name, from_text=from_text)
    if _may_hold_forbidden(document.root):
        found = forbidden_constructs(document)
        if found:
            raise _forbidden(document, found)
    return validate_tree(document)


def _may_hold_forbidden(root: etree._Element) -> bool:
    """False when the tree certainly holds no DOCTYPE and no processing instruction.

    A few cheap looks at the tree for the common case; a True answer gets the full (slower)
    ``forbidden_constructs`` walk.  Entity references can only survive parsing in a document
    that has a DOCTYPE, and libxml2 records every DOCTYPE as an internal subset.
    """
    if root.getroottree().docinfo.internalDTD is not None:
        return True
    if root.getprevious() is not None or root.getnext() is not None:
        return True  # comments or processing instructions around the root
    return next(root.iter(etree.ProcessingInstruction), None) is not None


def validate_tree(document: ParsedDocument) -> list[Violation]:
    """Validate an already parsed document (see ``validate``), sorted by line and column.

    DOCTYPEs and processing instructions are the caller's business (``forbidden_constructs``);
    an entity reference left in the tree cannot be validated and raises ``XmlSyntaxError``.
    """
    schema = _compiled or compiled_schema()
    with _validate_lock:  # one XMLSchema object: its error log must not be shared by threads
        try:
            if schema.validate(document.root):
                return []
        except etree.XMLSchemaValidateError as exc:
            raise _forbidden(document, forbidden_constructs(document)) from exc
        errors = list(schema.error_log)
    return _Reporter(document).report(errors)


_WHAT_FORBIDDEN: Final = {
    "doctype": "a DOCTYPE declaration",
    "entity": "the entity reference",
    "processing-instruction": "the processing instruction",
}


def _forbidden(document: ParsedDocument, found: list[ForbiddenConstruct]) -> XmlSyntaxError:
    """The error for the first DOCTYPE, entity reference or processing instruction."""
    if not found:
        return XmlSyntaxError(
            "the document cannot be validated", source=document.source, line=1, column=1
        )
    first = min(found, key=lambda item: item.line)
    line = max(first.line, 1)
    text_of_line = SourceMap(document.text).line_text(line)
    marker = first.text if first.kind != "doctype" else "<!DOCTYPE"
    column = text_of_line.find(marker) + 1 or 1
    what = _WHAT_FORBIDDEN.get(first.kind, first.kind)
    shown = "" if first.kind == "doctype" else f" {first.text}"
    return XmlSyntaxError(
        f"{what}{shown} is not allowed in BXML (no DTDs, entities or processing instructions)",
        source=document.source,
        line=line,
        column=column,
        actual=first.text,
    )


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


class _Reporter:
    """Turns libxml2's error log for one document into ``Violation`` values."""

    def __init__(self, document: ParsedDocument) -> None:
        self.document = document
        self.root = document.root
        self.catalogue = _get_catalogue()
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
        roots = " or ".join(f"<{name}>" for name in self.catalogue.roots)
        name = _written(element)
        namespace = etree.QName(element).namespace
        if namespace and etree.QName(element).localname in self.catalogue.roots:
            message = namespace_problem(etree.QName(element).localname, namespace) or ""
        else:
            message = f"the root element must be {roots}, not <{name}>"
        expected = " or ".join(self.catalogue.roots)
        self._add(
            element,
            "#element",
            self._violation(element, "wrong-root", message, expected=expected),
        )

    def _unknown_attribute(self, element: etree._Element, clark: str) -> None:
        name = _written_attribute(element, clark)
        spec = self._spec(element)
        allowed = tuple(spec.attributes) if spec is not None else ()
        message = f'unknown attribute "{name}" on <{_written(element)}>'
        suggestion = _suggest(name, allowed)
        if suggestion:
            message += f"; did you mean {suggestion}?"
        elif not allowed:
            message += f"; <{_written(element)}> takes no attributes"
        violation = self._violation(
            element,
            "unknown-attribute",
            message,
            attribute=name,
            value=element.get(clark),
            expected=", ".join(allowed) if allowed else "no attributes",
        )
        self._add(element, "@" + clark, violation)

    def _missing_attribute(self, element: etree._Element, clark: str) -> None:
        name = _written_attribute(element, clark)
        spec = self._spec(element)
        attribute = spec.attributes.get(name) if spec is not None else None
        message = f"<{_written(element)}> is missing required attribute {name}"
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
            noun = "child" if group.max_occurs == 1 else "children"
            message = (
                f"<{parent_name}> allows at most {group.max_occurs} {group.names_text()} "
                f"{noun}; found {count}"
            )
            violation = self._violation(
                child,
                "too-many-children",
                message,
                expected=f"at most {group.max_occurs} {group.names_text()} {noun}",
            )
        elif plain and child.tag in self.catalogue.main:
            if allowed:
                message = f"<{name}> is not allowed inside <{parent_name}>; allowed: " + ", ".join(
                    allowed
                )
            else:
                message = (
                    f"<{name}> is not allowed inside <{parent_name}>, which takes no child elements"
                )
            violation = self._violation(
                child,
                "invalid-child",
                message,
                expected=", ".join(allowed) if allowed else "no child elements",
            )
        else:
            message = f"unknown element <{name}> inside <{parent_name}>"
            local = etree.QName(child).localname
            if not plain:
                message += "; BXML elements have no namespace"
            elif not allowed:
                message += ", which takes no child elements"
            else:
                suggestion = _suggest(local, allowed) or _suggest(local, tuple(self.catalogue.main))
                if suggestion:
                    message += f"; did you mean {suggestion}?"
                else:
                    message += "; allowed: " + ", ".join(allowed)
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
        noun = "child" if group.min_occurs == 1 else "children"
        amount = "exactly" if group.min_occurs == group.max_occurs else "at least"
        needed = f"{amount} {group.min_occurs} {group.names_text()} {noun}"
        message = f"<{_written(parent)}> needs {needed}"
        self._add(
            parent,
            "#children",
            self._violation(parent, "too-few-children", message, expected=needed),
        )

    def _text_not_allowed(self, element: etree._Element) -> None:
        text = _direct_text(element).strip(_XML_SPACE_CHARS)
        spec = self._spec(element)
        name = _written(element)
        if spec is not None and spec.child_group is not None and spec.content == "element-only":
            message = (
                f"<{name}> must not contain text, only {spec.child_group.names_text()} "
                f"elements; found {_show(text)}"
            )
        else:
            message = f"<{name}> must not contain text; found {_show(text)}"
        violation = self._violation(
            element, "invalid-text", message, value=text, expected="no text"
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
            self._unexplained(element, None, f"invalid text {_show(raw)}")
            return
        value = values.normalize(raw)
        name = _written(element)
        if value == "":
            message = f"<{name}> has no text: expected {values.expected()}"
        else:
            message = _value_message(f"<{name}> text {_show(value)}", value, values, facet)
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
            self._unexplained(element, clark, f"invalid value {_show(value)}")
            return
        subject = f"{_written(element)} attribute {name}={_show(value)}"
        message = _value_message(subject, attribute.value.normalize(value), attribute.value, facet)
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
        clark = f"{{{_XSI_NS}}}type"
        name = _written_attribute(element, clark)
        value = element.get(clark) or ""
        message = (
            f"{_written(element)} attribute {name}={_show(value)} is invalid: BXML elements "
            f"cannot change their type"
        )
        violation = self._violation(
            element, "invalid-value", message, attribute=name, value=value, expected="no xsi:type"
        )
        self._add(element, "@" + clark, violation)

    def _unexplained(self, element: etree._Element, clark: str | None, text: str) -> None:
        """An error this module has no words for: keep libxml2's own, tidied."""
        name = _written_attribute(element, clark) if clark is not None else None
        kind: ViolationKind = "invalid-value" if name is not None else "invalid-text"
        subject = f"<{_written(element)}>" + (f" attribute {name}" if name else "")
        message = f"{subject}: {text.rstrip('.')}"
        violation = self._violation(element, kind, message, attribute=name)
        self._add(element, "@" + clark if clark else "#other", violation, 0)


def _value_message(subject: str, value: str, values: ValueSpec, facet: str) -> str:
    """``Gather attribute maxDigits="0" is out of range: allowed 1 to 50`` and friends."""
    if facet == "range" and values.range_text():
        return f"{subject} is out of range: allowed {values.range_text()}"
    if values.enumeration is not None:
        return f"{subject} is invalid: allowed values are " + ", ".join(values.enumeration)
    if facet == "too-long" and values.max_length is not None:
        return (
            f"{subject} is too long ({len(value)} characters): allowed at most {values.max_length}"
        )
    return f"{subject} is invalid: expected {values.expected()}"


def _show(value: str) -> str:
    """A value quoted for a message, shortened when long."""
    flat = value.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    if len(flat) > _SHOW_LIMIT:
        flat = flat[: _SHOW_LIMIT - 3] + "..."
    return f'"{flat}"'


def _direct_text(element: etree._Element) -> str:
    """The character data directly inside ``element`` (not inside its children)."""
    parts = [element.text or ""]
    parts.extend(child.tail or "" for child in element)
    return "".join(parts)


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


def _suggest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate the user probably meant, or None."""
    import difflib  # only on the error path

    options = list(candidates)
    lowered = word.lower()
    for option in options:
        if option.lower() == lowered:
            return option
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.75)
    if close:
        return close[0]
    if len(word) >= 3:
        starts = [option for option in options if option.lower().startswith(lowered)]
        if len(starts) == 1:
            return starts[0]
    return None

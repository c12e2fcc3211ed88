"""The only place where BXML models meet XML: ``to_xml`` and ``from_xml``.

``to_xml`` writes deterministic UTF-8: attributes in the model's fixed order, booleans as
``true``/``false``, numbers without a spurious ``.0``, unset attributes omitted, no defaults
injected, text escaped (``& < > "``; control whitespace in attributes as character
references so it survives a round trip).

``from_xml`` reads through the hardened parser (``bxmlkit._parser``) and never drops
anything silently: an unknown element or attribute, a misplaced child, stray text, a bad
value or a wrong root raises ``BxmlStructureError`` naming source, line, column, a path such
as ``/Response/Gather[2]/@maxDigits``, what was expected and what was found, with a
did-you-mean for misspelt names.  Comments and whitespace between elements are allowed (and
not kept); whitespace around text such as a call id is trimmed.
"""

from __future__ import annotations

import difflib
import re
from decimal import Decimal
from typing import Any

from lxml import etree
from pydantic import ValidationError

from bxmlkit._locate import SourceMap, element_path
from bxmlkit._parser import (
    MAX_DEPTH,
    MAX_DOCUMENT_BYTES,
    ParsedDocument,
    Source,
    forbidden_constructs,
    parse,
    read_source,
)
from bxmlkit.errors import BxmlStructureError, XmlSyntaxError
from bxmlkit.models._base import ELEMENTS, AttributeInfo, Constraints, Element, field_constraints
from bxmlkit.models._types import PATTERN_WORDS
from bxmlkit.models.roots import Bxml, Response

__all__ = ["from_xml", "to_xml"]

XML_NS = "{http://www.w3.org/XML/1998/namespace}"
ROOT_TAGS = ("Response", "Bxml")

# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------

_TEXT_SPECIAL = re.compile(r'[&<>"\r]')
_ATTR_SPECIAL = re.compile(r'[&<>"\t\n\r]')
_TEXT_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;"}
_ATTR_ESCAPES = {**_TEXT_ESCAPES, "\t": "&#9;", "\n": "&#10;"}


def _escape_text(value: str) -> str:
    if _TEXT_SPECIAL.search(value) is None:
        return value
    return _TEXT_SPECIAL.sub(lambda m: _TEXT_ESCAPES[m.group()], value)


def _escape_attr(value: str) -> str:
    if _ATTR_SPECIAL.search(value) is None:
        return value
    return _ATTR_SPECIAL.sub(lambda m: _ATTR_ESCAPES[m.group()], value)


def format_number(value: float) -> str:
    """``5.0`` -> ``"5"``, ``2.5`` -> ``"2.5"``, ``1e-05`` -> ``"0.00001"`` (never an exponent)."""
    if isinstance(value, int):
        return str(value)
    text = repr(value)
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    if text.endswith(".0"):
        text = text[:-2]
    return text


def _open(element: Element, out: list[str]) -> None:
    """Append ``<tag attr="..." ...`` (without the closing ``>``) for ``element``."""
    cls = element.__class__
    out.append("<" + cls.xml_tag)
    order = cls.xml_attribute_order
    # Only fields that were ever given can be set: visit those (in the class's fixed order)
    # rather than every declared attribute; most elements set a few of many.
    names = [name for name in element.__pydantic_fields_set__ if name in order]
    if not names:
        return
    if len(names) > 1:
        names.sort(key=order.__getitem__)
    values = element.__dict__
    prefixes = cls.xml_attribute_prefixes
    for name in names:
        value = values[name]
        if value is None:
            continue
        kind = value.__class__
        if kind is str:
            text = _escape_attr(value)
        elif kind is bool:
            text = "true" if value else "false"
        else:
            text = format_number(value)
        out.append(prefixes[name] + text + '"')


def _write(element: Element, out: list[str], indent: str, level: int) -> None:
    cls = element.__class__
    _open(element, out)
    kind = cls.content_kind
    if kind == "empty":
        out.append("/>")
    elif kind == "text":
        text = element.__dict__[cls.text_field or ""]
        if text is None or text == "":
            out.append("/>")
        else:
            out.append(">" + _escape_text(text) + "</" + cls.xml_tag + ">")
    elif kind == "mixed":
        out.append(">")
        for item in element.__dict__[cls.children_field or ""]:
            if item.__class__ is str:
                out.append(_escape_text(item))
            else:
                _write(item, out, "", 0)
        out.append("</" + cls.xml_tag + ">")
    else:
        children = element.__dict__[cls.children_field or ""]
        if not children:
            out.append("/>")
            return
        out.append(">")
        inner = "\n" + indent * (level + 1) if indent else ""
        for child in children:
            if inner:
                out.append(inner)
            _write(child, out, indent, level + 1)
        if indent:
            out.append("\n" + indent * level)
        out.append("</" + cls.xml_tag + ">")


def to_xml(
    document: Element,
    *,
    pretty: bool = False,
    xml_declaration: bool = True,
) -> bytes:
    """Serialize a model (normally a ``Response`` or ``Bxml``) to UTF-8 XML bytes.

    ``pretty=True`` puts each child of element-only content on its own indented line (text
    and SSML stay exactly as they are).  The output is deterministic: the same model always
    gives the same bytes.
    """
    if not isinstance(document, Element):
        raise TypeError(f"to_xml() expects a bxmlkit model, got {type(document).__name__}")
    out: list[str] = []
    if xml_declaration:
        out.append('<?xml version="1.0" encoding="UTF-8"?>')
        if pretty:
            out.append("\n")
    _write(document, out, "  " if pretty else "", 0)
    if pretty:
        out.append("\n")
    return "".join(out).encode("utf-8")


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------

_INT = re.compile(r"[+-]?[0-9]+\Z")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\Z")


def describe_allowed(kind: str, constraints: Constraints) -> str:
    """What a field accepts, in words (``"1 to 50"``, ``"one of GET, POST"``, ...)."""
    if constraints.enum is not None:
        return "one of " + ", ".join(constraints.enum)
    if kind in ("int", "float"):
        noun = "a whole number" if kind == "int" else "a number"
        low, high = constraints.ge, constraints.le
        if low is not None and high is not None:
            return f"{noun} from {format_number(low)} to {format_number(high)}"
        if low is not None:
            return f"{noun} of at least {format_number(low)}"
        return noun
    if kind == "bool":
        return "true or false (lowercase)"
    words = PATTERN_WORDS.get(constraints.pattern or "", "text without control characters")
    if constraints.max_length is not None:
        words += f", at most {constraints.max_length} characters"
    return words


def _suggest(name: str, candidates: list[str]) -> str:
    """A did-you-mean for a misspelt name (case slips and snake_case leaks included)."""
    if not candidates:
        return ""
    lowered = {candidate.lower(): candidate for candidate in candidates}
    squashed = name.replace("_", "").replace("-", "").lower()
    if squashed in lowered:
        return lowered[squashed]
    for candidate in candidates:
        if candidate.replace("-", "").lower() == squashed:
            return candidate
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.75)
    if close:
        return close[0]
    close = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.75)
    return lowered[close[0]] if close else ""


class _Reader:
    """Builds models from one parsed document; knows how to point at its source."""

    def __init__(self, document: ParsedDocument) -> None:
        self.document = document
        self._map: SourceMap | None = None

    # -- positions and errors ---------------------------------------------------------------
    @property
    def source_map(self) -> SourceMap:
        if self._map is None:
            self._map = SourceMap(self.document.text)
        return self._map

    def error(
        self,
        message: str,
        element: etree._Element,
        *,
        attribute: str | None = None,
        at_text: bool = False,
        expected: str = "",
        actual: str = "",
        hint: str = "",
    ) -> BxmlStructureError:
        if attribute is not None:
            line, column = self.source_map.attribute(element, attribute)
        elif at_text:
            line, column = self.source_map.text_content(element)
        else:
            line, column = self.source_map.element(element)
        return BxmlStructureError(
            message,
            source=self.document.source,
            line=line,
            column=column,
            path=element_path(element, attribute),
            expected=expected,
            actual=actual,
            hint=hint,
        )

    # -- the document -----------------------------------------------------------------------
    def read(self) -> Response | Bxml:
        for construct in forbidden_constructs(self.document):
            kind = {
                "doctype": "a DOCTYPE",
                "entity": "an entity reference",
                "processing-instruction": "a processing instruction",
            }[construct.kind]
            line, column = self.construct_position(construct.kind, construct.text, construct.line)
            raise XmlSyntaxError(
                f"{kind} is not allowed in BXML: {construct.text[:80]}",
                source=self.document.source,
                line=line,
                column=column,
                expected="no DTD, entities or processing instructions (BXML has none)",
                actual=construct.text[:80],
            )
        root = self.document.root
        tag = root.tag
        if tag not in ROOT_TAGS:
            hint = ""
            if isinstance(tag, str) and tag.lower() == "xml" and len(root) == 1:
                hint = "remove the <xml> wrapper that an old SDK put around the document"
            elif isinstance(tag, str):
                guess = _suggest(_local(tag), list(ROOT_TAGS))
                hint = f"did you mean <{guess}>?" if guess else ""
            raise self.error(
                f"the root element is <{_local(tag)}>, expected <Response> or <Bxml>",
                root,
                expected="<Response> or <Bxml>",
                actual=f"<{_local(tag)}>",
                hint=hint,
            )
        model = self.element(root, ELEMENTS[str(tag)])
        assert isinstance(model, (Response, Bxml))
        return model

    def construct_position(self, kind: str, text: str, line: int) -> tuple[int, int]:
        """Where a DOCTYPE, entity reference or processing instruction starts: the first
        occurrence of its opening on its line (libxml2 gives only the line), else anywhere."""
        needle = {"doctype": "<!DOCTYPE", "entity": text[:40]}.get(kind, text[:40])
        source = self.source_map
        if line > 0:
            found = source.line_text(line).find(needle)
            if found >= 0:
                return line, found + 1
        offset = source.text.find(needle)
        return source.line_col(offset) if offset >= 0 else (max(line, 1), 1)

    def element(self, node: etree._Element, cls: type[Element]) -> Element:
        data = self.attributes(node, cls) if len(node.attrib) else {}
        kind = cls.content_kind
        if kind == "text":
            text = self.text_only(node, cls)
            if text is not None or not cls.text_optional:
                data[cls.text_field or ""] = text
        elif kind == "children":
            data[cls.children_field or ""] = self.children(node, cls)
        elif kind == "mixed":
            data[cls.children_field or ""] = self.mixed(node, cls)
        else:
            self.nothing_inside(node, cls)
        try:
            return cls.__pydantic_validator__.validate_python(data)  # type: ignore[no-any-return]
        except ValidationError as exc:
            raise self.translate(exc, node, cls, data) from exc

    def attributes(self, node: etree._Element, cls: type[Element]) -> dict[str, Any]:
        data: dict[str, Any] = {}
        known = cls.xml_attribute_map
        for raw_name, value in node.items():
            name = raw_name
            if name[0] == "{":
                name = _prefixed(name)
            attribute = known.get(name)
            if attribute is None:
                raise self.unknown_attribute(node, cls, name, raw_name)
            if attribute.kind == "str":
                data[attribute.field] = value
            else:
                data[attribute.field] = self.convert(node, cls, attribute, value)
        return data

    def unknown_attribute(
        self, node: etree._Element, cls: type[Element], name: str, raw_name: str
    ) -> BxmlStructureError:
        names = list(cls.xml_attribute_map)
        guess = _suggest(name, names)
        hint = f'did you mean "{guess}"?' if guess else ""
        expected = ", ".join(names) if names else "no attributes"
        return self.error(
            f'unknown attribute "{name}" on <{cls.xml_tag}>',
            node,
            attribute=raw_name if not raw_name.startswith("{") else name,
            expected=expected,
            actual=name,
            hint=hint,
        )

    def convert(
        self, node: etree._Element, cls: type[Element], attribute: AttributeInfo, value: str
    ) -> Any:
        kind = attribute.kind
        if kind == "str":
            return value
        value = value.strip(" \t\n\r")  # XSD collapses whitespace around these types too
        ok = False
        converted: Any = None
        if kind == "bool":
            ok = value in ("true", "false")
            converted = value == "true"
        elif kind == "int":
            ok = _INT.match(value) is not None
            converted = int(value) if ok else None
        elif kind == "float":
            ok = _DECIMAL.match(value) is not None
            converted = float(value) if ok else None
        if not ok:
            allowed = describe_allowed(kind, attribute.constraints)
            hint = ""
            if kind == "bool" and value in ("True", "False", "TRUE", "FALSE"):
                hint = f'write "{value.lower()}" (BXML booleans are lowercase)'
            raise self.error(
                f'{cls.xml_tag} attribute {attribute.xml_name}="{value}" is not '
                f"valid: expected {allowed}",
                node,
                attribute=attribute.xml_name,
                expected=allowed,
                actual=value,
                hint=hint,
            )
        return converted

    def text_only(self, node: etree._Element, cls: type[Element]) -> str | None:
        parts = [node.text or ""]
        for child in node:
            if isinstance(child.tag, str):
                raise self.misplaced(child, cls, node)
            parts.append(child.tail or "")
        text = "".join(parts)
        if cls.strip_text:
            text = text.strip()
        return text or None

    def nothing_inside(self, node: etree._Element, cls: type[Element]) -> None:
        if node.text and node.text.strip():
            raise self.stray_text(node, cls, node.text)
        for child in node:
            if isinstance(child.tag, str):
                raise self.misplaced(child, cls, node)
            if child.tail and child.tail.strip():
                raise self.stray_text(node, cls, child.tail)

    def children(self, node: etree._Element, cls: type[Element]) -> list[Element]:
        text = node.text
        if text and not text.isspace():
            raise self.stray_text(node, cls, text)
        built: list[Element] = []
        allowed = cls.child_tag_set
        for child in node:
            tag = child.tag
            if tag.__class__ is str:
                if tag not in allowed:
                    raise self.misplaced(child, cls, node)
                built.append(self.element(child, ELEMENTS[tag]))
            tail = child.tail
            if tail and not tail.isspace():
                raise self.stray_text(node, cls, tail)
        return built

    def mixed(self, node: etree._Element, cls: type[Element]) -> list[Any]:
        content: list[Any] = []

        def add_text(text: str | None) -> None:
            if text:
                if content and isinstance(content[-1], str):
                    content[-1] += text
                else:
                    content.append(text)

        add_text(node.text)
        for child in node:
            tag = child.tag
            if isinstance(tag, str):
                if tag not in cls.child_tags:
                    raise self.misplaced(child, cls, node)
                content.append(self.element(child, ELEMENTS[tag]))
            add_text(child.tail)
        return content

    def misplaced(
        self, child: etree._Element, cls: type[Element], parent: etree._Element
    ) -> BxmlStructureError:
        name = _local(child.tag)
        allowed = list(cls.child_tags)
        expected = ", ".join(allowed) if allowed else "no child elements"
        if name in ELEMENTS and name not in allowed:
            where = f"inside <{cls.xml_tag}>"
            message = f"<{name}> is not allowed {where}; allowed: {expected}"
            return self.error(message, child, expected=expected, actual=f"<{name}>")
        guess = _suggest(name, allowed or [t for t in ELEMENTS if t[0].isupper()])
        hint = f"did you mean <{guess}>?" if guess else ""
        return self.error(
            f"unknown element <{name}> inside <{cls.xml_tag}>",
            child,
            expected=expected,
            actual=f"<{name}>",
            hint=hint,
        )

    def stray_text(self, node: etree._Element, cls: type[Element], text: str) -> BxmlStructureError:
        snippet = text.strip()
        if len(snippet) > 40:
            snippet = snippet[:37] + "..."
        return self.error(
            f'unexpected text "{snippet}" inside <{cls.xml_tag}>, which holds no text',
            node,
            at_text=True,
            expected="only child elements, comments and whitespace",
            actual=snippet,
        )

    def translate(
        self,
        exc: ValidationError,
        node: etree._Element,
        cls: type[Element],
        data: dict[str, Any],
    ) -> BxmlStructureError:
        """Turn pydantic's first error into a located, human message."""
        error = exc.errors(include_url=False)[0]
        location = error["loc"]
        field = str(location[0]) if location else ""
        by_field = {attribute.field: attribute for attribute in cls.xml_attributes}
        attribute = by_field.get(field)
        if attribute is None:
            for candidate in cls.xml_attributes:
                if candidate.xml_name == field:
                    attribute = candidate
        if attribute is not None:
            value = node.get(attribute.xml_name)
            if value is None and attribute.xml_name.startswith("xml:"):
                value = node.get(XML_NS + attribute.xml_name[4:])
            allowed = describe_allowed(attribute.kind, attribute.constraints)
            if error["type"] == "missing":
                return self.error(
                    f"<{cls.xml_tag}> is missing required attribute {attribute.xml_name}",
                    node,
                    expected=f"{attribute.xml_name}: {allowed}",
                    actual="no such attribute",
                )
            return self.error(
                f'{cls.xml_tag} attribute {attribute.xml_name}="{value}" is not valid: '
                f"expected {allowed}",
                node,
                attribute=attribute.xml_name,
                expected=allowed,
                actual=str(value),
            )
        if field and field == cls.text_field:
            constraints = field_constraints(cls.model_fields[field])
            allowed = describe_allowed("str", constraints)
            text = data.get(field)
            if text is None:
                return self.error(
                    f"<{cls.xml_tag}> needs text content: {allowed}",
                    node,
                    at_text=True,
                    expected=allowed,
                    actual="no text",
                )
            return self.error(
                f'<{cls.xml_tag}> text "{text}" is not valid: expected {allowed}',
                node,
                at_text=True,
                expected=allowed,
                actual=str(text),
            )
        if field and field == cls.children_field:
            return self.error(
                f"<{cls.xml_tag}> content is not valid: {_children_problem(error, cls)}",
                _offending_child(node, error),
                expected=_children_expectation(cls),
                actual=str(error.get("msg", "")),
            )
        return self.error(
            f"<{cls.xml_tag}> is not valid: {error.get('msg', '')}",
            node,
        )


def _children_problem(error: Any, cls: type[Element]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} of {', '.join(cls.child_tags)}"
    if kind == "too_long":
        return f"allows at most {ctx.get('max_length')} {' or '.join(cls.child_tags)} children"
    message = str(error.get("msg", ""))
    return message.removeprefix("Value error, ")


def _offending_child(node: etree._Element, error: Any) -> etree._Element:
    """The child an error about a child list is about: the first one past a maximum, the
    first child for any other complaint about the children, or the parent itself."""
    children = [child for child in node if isinstance(child.tag, str)]
    if error["type"] == "too_long":
        limit = int((error.get("ctx") or {}).get("max_length", 0))
        if limit < len(children):
            return children[limit]
    if error["type"] != "too_short" and children:
        return children[0]
    return node


def _children_expectation(cls: type[Element]) -> str:
    info = cls.model_fields[cls.children_field or ""]
    constraints = field_constraints(info)
    low = constraints.min_length or 0
    high = constraints.max_length
    span = f"{low} to {high}" if high is not None else f"at least {low}"
    return f"{span} of {', '.join(cls.child_tags)}"


_PREFIXES = {
    "http://www.w3.org/XML/1998/namespace": "xml",
    "http://www.w3.org/2001/XMLSchema-instance": "xsi",
}


def _prefixed(name: str) -> str:
    """``{namespace}local`` as the ``prefix:local`` people write (xml:, xsi:)."""
    namespace, _, local = name[1:].partition("}")
    prefix = _PREFIXES.get(namespace)
    return f"{prefix}:{local}" if prefix else name


def _local(tag: Any) -> str:
    if not isinstance(tag, str):
        return "?"
    if tag.startswith("{"):
        return tag.split("}", 1)[1]
    return tag


def from_xml(
    source: Source,
    *,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    max_depth: int = MAX_DEPTH,
) -> Response | Bxml:
    """Parse a BXML document into a ``Response`` or ``Bxml`` model.

    ``source`` is the document text (``str``), its bytes, a path (``pathlib.Path`` or any
    ``os.PathLike``) or a binary file object.  Raises ``BxmlParseError`` (with source, line,
    column, path, expected and actual) for anything that is not a valid BXML document, and
    ``SourceError`` when a file cannot be read.
    """
    data, name, from_text = read_source(source, max_bytes=max_bytes)
    document = parse(
        data, source=name, from_text=from_text, max_bytes=max_bytes, max_depth=max_depth
    )
    return _Reader(document).read()

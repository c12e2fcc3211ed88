"""The only place where BXML models meet XML: ``to_xml`` and ``from_xml``.

``to_xml`` writes deterministic UTF-8: attributes in the model's fixed order, booleans as
``true``/``false``, numbers without a spurious ``.0``, unset attributes omitted, no defaults
injected, text escaped (``& < > "``; control whitespace in attributes as character
references so it survives a round trip).

``from_xml`` reads through the hardened parser (``bxmlkit._parser``) and never drops
anything silently: an unknown element or attribute, a misplaced child, stray text, a bad
value or a wrong root raises ``BxmlStructureError`` naming source, line, column, a path such
as ``/Response/Gather[2]/@maxDigits``, what was expected and what was found, with a
did-you-mean for misspelt names.  Comments are content: kept where they stand (between
children, inside SSML, before and after the root) as ``Comment`` models, and written back.
Whitespace between elements is not kept (``pretty`` output re-indents); whitespace around
text such as a call id is trimmed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from lxml import etree
from pydantic import ValidationError

from bxmlkit._locate import SourceMap, element_path
from bxmlkit._messages import (
    ROOTS_EXPECTED,
    Message,
    invalid_text,
    invalid_value,
    misplaced_element,
    missing_attribute,
    missing_text,
    namespaced_element,
    nothing_to_speak,
    text_not_allowed,
    too_few_children,
    too_many_children,
    unknown_attribute,
    unknown_element,
    wrong_root,
)
from bxmlkit._parser import (
    MAX_DEPTH,
    MAX_DOCUMENT_BYTES,
    ParsedDocument,
    Source,
    forbidden_constructs,
    forbidden_error,
    has_spoken_text,
    parse,
    read_source,
)
from bxmlkit._suggest import closest
from bxmlkit._wellformed import namespace_problem
from bxmlkit.errors import BxmlStructureError, XmlSyntaxError
from bxmlkit.models._base import (
    ELEMENTS,
    TYPE_KEY,
    AttributeInfo,
    Constraints,
    Element,
    field_constraints,
)
from bxmlkit.models._types import PATTERN_WORDS
from bxmlkit.models.comment import COMMENT_TYPE, Comment
from bxmlkit.models.roots import Bxml, Response
from bxmlkit.vocabulary import ROOTS, VARIANTS

__all__ = ["from_xml", "to_xml"]

XML_NS = "{http://www.w3.org/XML/1998/namespace}"
ROOT_TAGS = ROOTS
_ROOTS = (Response, Bxml)
#: The tag lxml gives a comment node.
_COMMENT_TAG: Any = etree.Comment

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
    if value.is_integer() and -1e15 < value < 1e15:  # exact, and the common case
        return str(int(value))
    text = repr(value)
    if text.endswith(".0"):  # never so with an exponent: repr writes 1e+16, not 1.0e+16
        return text[:-2]
    if "e" in text:
        return format(Decimal(text), "f")
    return text


def _value_text(value: object) -> str:
    """An attribute value of any kind as XML text (the general case of the compiled writers)."""
    kind = value.__class__
    if kind is str:
        return _escape_attr(value)  # type: ignore[arg-type]
    if kind is bool:
        return "true" if value else "false"
    return format_number(value)  # type: ignore[arg-type]


#: How each attribute kind is written in a compiled writer (``v`` holds the value).  Every
#: string is checked for characters to escape, whatever its field's pattern allows, and a
#: value of another type than the field's (possible only in a model built without
#: validation, ``model_construct``) takes the general path: the output is always
#: well-formed XML.
_VALUE_EXPRESSIONS = {
    "str": "(v if attr_special(v) is None else escape_attr(v))",
    "int": "(str(v) if type(v) is int else value_text(v))",
    "float": "(format_number(v) if type(v) is float else value_text(v))",
    "bool": "(('true' if v else 'false') if type(v) is bool else value_text(v))",
}


def _writer_source(cls: type[Element]) -> str:
    """The source of the function that writes one element of ``cls``.

    The function takes the element and ``newline``: ``""`` for compact output, or the
    newline and indentation of the element's own line when pretty-printing; children are
    written by their own class's function (``WRITERS``).  It is generated from the class's
    tables (``xml_attributes``, ``content_kind``), as ``dataclasses`` generates
    ``__init__``: each attribute becomes one test of its value against None, in the class's
    fixed order, with no loop, lookup or dispatch left to run time, which halves the cost of
    writing a document.  Every name and string in it is a ``repr`` of the class's own
    tables; nothing comes from a document.
    """
    tag = cls.xml_tag
    lines = [
        "def write(element, newline):",
        "    values = element.__dict__",
        f"    out = {'<' + tag!r}",
    ]
    if cls.xml_attributes:
        # Only given fields can be set: skip the tests when nothing but the content was given.
        content = cls.text_field or cls.children_field
        lines.append("    given = element.__pydantic_fields_set__")
        if content is None:
            lines.append("    if given:")
        else:
            lines.append(f"    if len(given) > 1 or {content!r} not in given:")
    for attribute in cls.xml_attributes:
        lines.append(f"        v = values[{attribute.field!r}]")
        lines.append(
            f"        if v is not None: out += {' ' + attribute.xml_name + '=' + chr(34)!r} + "
            f"{_VALUE_EXPRESSIONS[attribute.kind]} + '\"'"
        )
    close = f"</{tag}>"
    content_kind = cls.content_kind
    if content_kind == "empty":
        lines.append("    return out + '/>'")
    elif content_kind == "text":
        lines += [
            f"    text = values[{cls.text_field!r}]",
            "    if not text: return out + '/>'",
            "    if text_special(text) is not None: text = escape_text(text)",
            f"    return out + '>' + text + {close!r}",
        ]
    elif content_kind == "mixed":
        lines += [
            "    out += '>'",
            f"    for item in values[{cls.children_field!r}]:",
            "        if type(item) is str:",
            "            out += item if text_special(item) is None else escape_text(item)",
            "        else:",
            "            out += WRITERS[type(item)](item, '')",
            f"    return out + {close!r}",
        ]
    else:
        lines += [
            f"    children = values[{cls.children_field!r}]",
            "    if not children: return out + '/>'",
            "    out += '>'",
            "    if newline:",
            "        inner = newline + INDENT",
            "        for child in children:",
            "            out += inner + WRITERS[type(child)](child, inner)",
            f"        return out + newline + {close!r}",
            "    for child in children:",
            "        out += WRITERS[type(child)](child, '')",
            f"    return out + {close!r}",
        ]
    return "\n".join(lines) + "\n"


def _compile_writer(cls: type[Element]) -> Callable[[Element, str], str]:
    """Compile ``_writer_source(cls)`` into the function it defines."""
    namespace: dict[str, Any] = {
        "WRITERS": _WRITERS,
        "INDENT": _INDENT,
        "attr_special": _ATTR_SPECIAL.search,
        "text_special": _TEXT_SPECIAL.search,
        "escape_attr": _escape_attr,
        "escape_text": _escape_text,
        "value_text": _value_text,
        "format_number": format_number,
    }
    code = compile(_writer_source(cls), f"<bxmlkit writer for {cls.xml_tag}>", "exec")
    exec(code, namespace)
    return namespace["write"]  # type: ignore[no-any-return]


#: What XML forbids in a comment: ``--``, a ``-`` at the end, characters XML cannot carry.
#: A validated ``Comment`` has none of them; one built without validation
#: (``model_construct``) is refused rather than written as malformed XML.
_COMMENT_FORBIDDEN = re.compile("--|-\\Z|[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _write_comment(comment: Any, newline: str) -> str:
    text: str = comment.__dict__["text"]
    if _COMMENT_FORBIDDEN.search(text) is not None:
        raise ValueError(f"cannot write the comment {text!r} as XML: it is not a valid Comment")
    return "<!--" + text + "-->"


class _Writers(dict[type, Callable[[Any, str], str]]):
    """Writer per model class, compiled on first use."""

    def __missing__(self, cls: type) -> Callable[[Any, str], str]:
        if not (isinstance(cls, type) and issubclass(cls, Element) and cls.xml_tag):
            raise TypeError(f"cannot write {cls.__name__} as BXML: it is not an element model")
        writer = self[cls] = _compile_writer(cls)
        return writer


_WRITERS = _Writers()
_WRITERS[Comment] = _write_comment
_INDENT = "  "


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
    newline = "\n" if pretty else ""
    text = _WRITERS[document.__class__](document, newline)
    if document.__class__ in _ROOTS:
        values = document.__dict__
        before, after = values["leading_comments"], values["trailing_comments"]
        if before:
            text = "".join(_write_comment(item, "") + newline for item in before) + text
        if after:
            text += "".join(newline + _write_comment(item, "") for item in after)
    if pretty:
        text += "\n"
    if xml_declaration:
        text = '<?xml version="1.0" encoding="UTF-8"?>' + ("\n" if pretty else "") + text
    return text.encode("utf-8")


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
    """A did-you-mean for a misspelt name (the one did-you-mean, ``bxmlkit._suggest``)."""
    return closest(name, candidates) or ""


class _ReadPlan:
    """What reading one element needs to know of its model, as plain attributes.

    Read for every element of every document: an attribute lookup on a pydantic model
    class goes through its metaclass's ``__getattr__`` hook and costs about four times a
    lookup here.
    """

    __slots__ = (
        "attributes",
        "child_plans",
        "child_tags",
        "cls",
        "field",
        "kind",
        "plain_attributes",
        "strip_text",
        "tag",
        "text_optional",
        "validate",
    )

    def __init__(self, cls: type[Element]) -> None:
        self.cls = cls
        self.tag = cls.xml_tag
        self.kind = cls.content_kind
        self.field = cls.text_field or cls.children_field or ""
        self.attributes = cls.xml_attribute_map
        self.child_tags = cls.child_tag_set
        self.strip_text = cls.strip_text
        self.text_optional = cls.text_optional
        #: Called with ``by_alias=False, by_name=True``: the data the reader builds is keyed by
        #: field name, and one dict lookup per field instead of two (alias, then name) saves
        #: about 5% of the validation.
        self.validate = cls.__pydantic_validator__.validate_python
        #: XML name -> (field, how its text becomes a value: ``str``, ``int``, ``float`` or
        #: ``bool``, the attribute), for the names a document writes as they are (not
        #: ``xml:lang``, which lxml reports as ``{namespace}lang``).
        self.plain_attributes = {
            name: (attribute.field, _KINDS[attribute.kind], attribute)
            for name, attribute in self.attributes.items()
            if ":" not in name
        }
        #: Tag -> plan of each child element allowed inside (filled once every plan exists).
        self.child_plans: dict[Any, _ReadPlan] = {}


_KINDS: dict[str, type] = {"str": str, "int": int, "float": float, "bool": bool}
_BOOLEANS = frozenset(("true", "false"))

#: The reading plan of every element model, by tag.
_PLANS = {tag: _ReadPlan(cls) for tag, cls in ELEMENTS.items()}
for _plan in _PLANS.values():
    _plan.child_plans = {tag: _PLANS[tag] for tag in _plan.child_tags}
del _plan


class _Unusual(Exception):
    """Raised by ``_Reader.data`` for anything it leaves to ``_Reader.element``."""


_UNUSUAL = _Unusual()


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
        expected: str = "",
        actual: str = "",
        hint: str = "",
    ) -> BxmlStructureError:
        if attribute is not None:
            line, column = self.source_map.attribute(element, attribute)
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
        # DOCTYPEs, entity references and processing instructions are refused before anything
        # else.  A DOCTYPE leaves an internal subset, a construct before or after the root is
        # a sibling of it, and one inside the root makes ``data`` raise _Unusual: the search
        # for them runs only in those cases, before any other error is reported.
        root = self.document.root
        around = root.getprevious() is not None or root.getnext() is not None
        if around or root.tag not in ROOT_TAGS or _has_internal_subset(root):
            self.refuse_forbidden()
        tag = root.tag
        if tag not in ROOT_TAGS:
            qname = etree.QName(root) if isinstance(tag, str) else None
            problem = qname and namespace_problem(qname.localname, qname.namespace)
            if problem:
                raise self.error(problem, root, expected=ROOTS_EXPECTED, actual=tag)
            children = [_local(child.tag) for child in root if isinstance(child.tag, str)]
            said = wrong_root(_local(tag), children)
            raise self.error(
                said.core,
                root,
                expected=said.expected,
                actual=f"<{_local(tag)}>",
                hint=said.hint,
            )
        plan = _PLANS[str(tag)]
        # The whole tree is checked for structure while it is read into plain data, then
        # validated by pydantic-core in one call (children dispatch on their "type").  Only
        # when that fails is the document read again element by element, validating each
        # one, which finds the first invalid element and says where it is.
        outer = self.outer_comments(root) if around else None
        try:
            data = self.data(root, plan)
        except _Unusual:
            self.refuse_forbidden()  # one inside the root?
            data = self.element(root, plan, False)
        if outer is not None:
            data.update(outer)
        try:
            model = plan.validate(data, by_alias=False, by_name=True)
        except ValidationError:
            model = self.element(root, plan, True, outer)
        assert isinstance(model, (Response, Bxml))
        return model

    def refuse_forbidden(self) -> None:
        """Raise for the first DOCTYPE, entity reference or processing instruction, if any."""
        constructs = forbidden_constructs(self.document)
        if constructs:
            raise forbidden_error(self.document, constructs)

    def outer_comments(self, root: etree._Element) -> dict[str, list[dict[str, str]]]:
        """The comments before and after the root element, as the root's data."""
        before = [_comment_data(node) for node in root.itersiblings(preceding=True)]
        before.reverse()
        after = [_comment_data(node) for node in root.itersiblings()]
        return {"leading_comments": before, "trailing_comments": after}

    def data(self, node: etree._Element, plan: _ReadPlan) -> dict[str, Any]:
        """The data of one element and everything inside it, for one validation of the whole
        tree: the success path of ``from_xml``, for every element of every document.

        It reads what valid documents hold (known attributes, numbers, allowed children,
        comments between them, text) and raises ``_Unusual``, and nothing else, for anything
        else (an unknown or namespaced attribute, a bad number, a misplaced child, stray
        text, a comment inside a text-only element, a processing instruction, ...): ``read``
        then looks for forbidden constructs and ``element`` reads the document again, gives
        the same data for the rare forms and the located error for the wrong ones.  So
        errors are made in one place, in the order they always had, and the data is the
        same whichever reads it (tests/codec/test_fast_paths.py).
        """
        data: dict[str, Any] = {TYPE_KEY: plan.tag}
        items = node.items()
        if items:
            known = plan.plain_attributes
            for name, value in items:
                found = known.get(name)
                if found is None:
                    raise _UNUSUAL
                field, value_type, attribute = found
                if value_type is str:
                    data[field] = value
                elif value_type is bool and value in _BOOLEANS:
                    data[field] = value == "true"
                elif value_type is not bool and value.isdigit() and value.isascii():
                    data[field] = value_type(value)
                else:  # signs, decimals, spaces; or not a value at all (the error path says)
                    converted = _attribute_value(attribute.kind, value)
                    if converted is _INVALID:
                        raise _UNUSUAL
                    data[field] = converted
        kind = plan.kind
        if kind == "children":
            text = node.text
            if text and not text.isspace():
                raise _UNUSUAL
            children: list[Any] = []
            nodes = node[:]  # iterating a list of the children is 4x faster than the element
            if nodes:
                plans = plan.child_plans
                for child in nodes:
                    tag = child.tag
                    child_plan = plans.get(tag)
                    if child_plan is not None:
                        children.append(self.data(child, child_plan))
                    elif tag is _COMMENT_TAG:
                        children.append(_comment_data(child))
                    else:
                        raise _UNUSUAL
                    tail = child.tail
                    if tail and not tail.isspace():
                        raise _UNUSUAL
            data[plan.field] = children
        elif kind == "text":
            if len(node):
                raise _UNUSUAL
            text = node.text
            if text and plan.strip_text:
                text = text.strip()
            if text:
                data[plan.field] = text
            elif not plan.text_optional:
                data[plan.field] = None
        elif kind == "mixed":
            text = node.text
            content: list[Any] = [text] if text else []
            if len(node):
                plans = plan.child_plans
                for child in node[:]:
                    tag = child.tag
                    child_plan = plans.get(tag)
                    if child_plan is not None:
                        content.append(self.data(child, child_plan))
                    elif tag is _COMMENT_TAG:
                        content.append(_comment_data(child))
                    else:
                        raise _UNUSUAL
                    tail = child.tail
                    if tail:  # text after a child or a comment
                        if type(content[-1]) is str:
                            content[-1] += tail
                        else:
                            content.append(tail)
            data[plan.field] = content
        elif node.text is not None or len(node):
            raise _UNUSUAL
        return data

    def element(
        self,
        node: etree._Element,
        plan: _ReadPlan,
        validate: bool,
        outer: dict[str, Any] | None = None,
    ) -> Any:
        """Read one element and everything inside it, checking names, nesting and text.

        With ``validate`` it returns the model (validating each element as it is built,
        so an error points at its element); without, the element's data for one
        validation of the whole tree (its children as data too).  This runs for every
        element of every document, so the common cases are written out here and the rare
        ones (comments inside text, namespaced attributes, numbers with signs or spaces)
        and every error go to helpers.  Comments are kept where they stand in children and
        mixed content (``outer`` holds the root's comments before and after it).
        """
        data: dict[str, Any] = {TYPE_KEY: plan.tag}
        items = node.items()
        if items:
            known = plan.attributes
            for name, value in items:
                attribute = known.get(name)
                if attribute is None:
                    attribute = self.other_attribute(node, plan, name)
                value_kind = attribute.kind
                if value_kind == "str":
                    data[attribute.field] = value
                elif value.isdigit() and value.isascii() and value_kind != "bool":
                    data[attribute.field] = int(value) if value_kind == "int" else float(value)
                else:
                    data[attribute.field] = self.convert(node, plan.cls, attribute, value)
        kind = plan.kind
        if kind == "children":
            text = node.text
            if text and not text.isspace():
                raise self.stray_text(node, plan.cls, text)
            children: list[Any] = []
            allowed = plan.child_tags
            element = self.element
            for child in node:
                tag = child.tag
                if type(tag) is str:
                    if tag not in allowed:
                        raise self.misplaced(child, plan.cls, node)
                    children.append(element(child, _PLANS[tag], validate))
                elif tag is _COMMENT_TAG:
                    children.append(_comment_data(child))
                tail = child.tail
                if tail and not tail.isspace():
                    raise self.stray_text(node, plan.cls, tail)
            data[plan.field] = children
        elif kind == "text":
            text = self.text_with_comments(node, plan) if len(node) else node.text
            if text and plan.strip_text:
                text = text.strip()
            if text:
                data[plan.field] = text
            elif not plan.text_optional:
                data[plan.field] = None
        elif kind == "mixed":
            if len(node):
                data[plan.field] = self.mixed(node, plan, validate)
            else:
                text = node.text
                data[plan.field] = [text] if text else []
        elif node.text is not None or len(node):
            self.nothing_inside(node, plan)
        if outer is not None:
            data.update(outer)
        if not validate:
            return data
        try:
            return plan.validate(data, by_alias=False, by_name=True)
        except ValidationError as exc:
            raise self.translate(exc, node, plan.cls, data) from exc

    def other_attribute(self, node: etree._Element, plan: _ReadPlan, name: str) -> AttributeInfo:
        """An attribute not found by its name as written: ``xml:lang`` (which lxml reports
        as ``{namespace}lang``), or an unknown one (raises)."""
        prefixed = _prefixed(name) if name[0] == "{" else name
        attribute = plan.attributes.get(prefixed)
        if attribute is None:
            raise self.unknown_attribute(node, plan.cls, prefixed, name)
        return attribute

    def unknown_attribute(
        self, node: etree._Element, cls: type[Element], name: str, raw_name: str
    ) -> BxmlStructureError:
        if name.startswith("{"):  # a namespace of the document's own: name it as written
            namespace, _, local = name[1:].partition("}")
            prefix = next((p for p, uri in node.nsmap.items() if uri == namespace and p), None)
            name = f"{prefix}:{local}" if prefix else local
        said = unknown_attribute(name, cls.xml_tag, _parent_tag(node))
        return self.error(
            said.core,
            node,
            attribute=raw_name if not raw_name.startswith("{") else name,
            expected=said.expected,
            actual=name,
            hint=said.hint,
        )

    def convert(
        self, node: etree._Element, cls: type[Element], attribute: AttributeInfo, value: str
    ) -> Any:
        kind = attribute.kind
        if kind == "str":
            return value
        converted = _attribute_value(kind, value)
        if converted is _INVALID:
            raise self.bad_value(node, cls, attribute)
        return converted

    def bad_value(
        self, node: etree._Element, cls: type[Element], attribute: AttributeInfo
    ) -> BxmlStructureError:
        """The error for a value of ``attribute`` that its element does not accept."""
        value = node.get(attribute.xml_name)
        if value is None and attribute.xml_name.startswith("xml:"):
            value = node.get(XML_NS + attribute.xml_name[4:])
        said = invalid_value(cls.xml_tag, _parent_tag(node), attribute.xml_name, value or "")
        return self.error(
            said.core,
            node,
            attribute=attribute.xml_name,
            expected=said.expected or describe_allowed(attribute.kind, attribute.constraints),
            actual=str(value),
            hint=said.hint,
        )

    def text_with_comments(self, node: etree._Element, plan: _ReadPlan) -> str:
        """The text of a text-only element that has comments inside (their text left out)."""
        parts = [node.text or ""]
        for child in node:
            if isinstance(child.tag, str):
                raise self.misplaced(child, plan.cls, node)
            parts.append(child.tail or "")
        return "".join(parts)

    def nothing_inside(self, node: etree._Element, plan: _ReadPlan) -> None:
        """Refuse text or child elements inside an empty element (comments may stay)."""
        text = node.text
        if text and text.strip():
            raise self.stray_text(node, plan.cls, text)
        for child in node:
            if isinstance(child.tag, str):
                raise self.misplaced(child, plan.cls, node)
            if child.tail and child.tail.strip():
                raise self.stray_text(node, plan.cls, child.tail)

    def mixed(self, node: etree._Element, plan: _ReadPlan, validate: bool) -> list[Any]:
        """Text and SSML elements of mixed content that has children (comments included)."""
        text = node.text
        content: list[Any] = [text] if text else []
        for child in node:
            tag = child.tag
            if type(tag) is str:
                if tag not in plan.child_tags:
                    raise self.misplaced(child, plan.cls, node)
                content.append(self.element(child, _PLANS[tag], validate))
            elif tag is _COMMENT_TAG:
                content.append(_comment_data(child))
            tail = child.tail
            if tail:  # text after a child or a comment
                if content and type(content[-1]) is str:
                    content[-1] += tail
                else:
                    content.append(tail)
        return content

    def misplaced(
        self, child: etree._Element, cls: type[Element], parent: etree._Element
    ) -> BxmlStructureError:
        name = _local(child.tag)
        allowed = list(cls.child_tags)
        expected = ", ".join(allowed) if allowed else "no child elements"
        if isinstance(child.tag, str) and child.tag.startswith("{"):
            written = f"{child.prefix}:{name}" if child.prefix else name
            said = namespaced_element(written, cls.xml_tag)
        elif name in ELEMENTS and name not in allowed:
            said = misplaced_element(name, cls.xml_tag, allowed)
        else:
            said = unknown_element(name, cls.xml_tag, allowed)
        return self.error(said.core, child, expected=expected, actual=f"<{name}>", hint=said.hint)

    def stray_text(self, node: etree._Element, cls: type[Element], text: str) -> BxmlStructureError:
        said = text_not_allowed(cls.xml_tag, _parent_tag(node), text)
        return self.error(
            said.core,
            node,
            expected=said.expected,
            actual=text.strip(),
            hint=said.hint,
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
            if error["type"] == "missing":
                said = missing_attribute(attribute.xml_name, cls.xml_tag, _parent_tag(node))
                allowed = said.expected or describe_allowed(attribute.kind, attribute.constraints)
                return self.error(
                    said.core,
                    node,
                    expected=allowed,
                    actual="no such attribute",
                    hint=said.hint,
                )
            return self.bad_value(node, cls, attribute)
        if field and field == cls.text_field:
            constraints = field_constraints(cls.model_fields[field])
            allowed = describe_allowed("str", constraints)
            text = data.get(field)
            if text is None:
                said = missing_text(cls.xml_tag, _parent_tag(node))
                expected = said.expected or allowed
                return self.error(said.core, node, expected=expected, actual="no text")
            said = invalid_text(cls.xml_tag, _parent_tag(node), str(text))
            expected = said.expected or allowed
            return self.error(said.core, node, expected=expected, actual=str(text), hint=said.hint)
        if field and field == cls.children_field:
            declared = self.undeclared_attribute(node, cls)
            if declared is not None:
                return declared
            if cls.xml_tag == "SpeakSentence" and not has_spoken_text(node):
                said = nothing_to_speak()  # at the element, as every element-level mistake
                return self.error(said.core, node, expected=said.expected, hint=said.hint)
            counted = _children_problem(error, cls)
            if counted is None:
                msg = str(error.get("msg", "")).removeprefix("Value error, ")
                counted = Message(f"<{cls.xml_tag}> content is not valid: {msg}")
            return self.error(
                counted.core,
                _offending_child(node, error),
                expected=counted.expected or _children_expectation(cls),
                actual=str(error.get("msg", "")),
                hint=counted.hint,
            )
        return self.error(
            f"<{cls.xml_tag}> is not valid: {error.get('msg', '')}",
            node,
        )

    def undeclared_attribute(
        self, node: etree._Element, cls: type[Element]
    ) -> BxmlStructureError | None:
        """A child with an attribute its declaration inside ``node`` lacks (``<SipUri>`` takes
        none inside ``<Refer>``), as the unknown attribute it is; None if there is none."""
        for child in node:
            variant = VARIANTS.get((child.tag, cls.xml_tag)) if type(child.tag) is str else None
            if variant is None:
                continue
            for name in child.attrib:
                if name not in variant.attributes:
                    said = unknown_attribute(name, str(child.tag), cls.xml_tag)
                    return self.error(
                        said.core,
                        child,
                        attribute=name,
                        expected=said.expected,
                        actual=name,
                        hint=said.hint,
                    )
        return None


_INVALID: Any = object()


def _attribute_value(kind: str, value: str) -> Any:
    """The text of a bool, int or float attribute as its value, or ``_INVALID``."""
    value = value.strip(" \t\n\r")  # XSD collapses whitespace around these types too
    if kind == "bool":
        return value == "true" if value in ("true", "false") else _INVALID
    if kind == "int":
        return int(value) if _INT.match(value) is not None else _INVALID
    if kind == "float":
        return float(value) if _DECIMAL.match(value) is not None else _INVALID
    return value


def _has_internal_subset(root: etree._Element) -> bool:
    """Whether the document has a DOCTYPE (libxml2 records every one as an internal subset)."""
    return root.getroottree().docinfo.internalDTD is not None


def _comment_data(node: etree._Element) -> dict[str, str]:
    """A comment as data (validated with its parent, as every child is)."""
    if node.tag is not _COMMENT_TAG:  # the parser refused PIs and entities before
        raise AssertionError(f"unexpected node outside the elements: {node!r}")
    return {TYPE_KEY: COMMENT_TYPE, "text": node.text or ""}


def _children_problem(error: Any, cls: type[Element]) -> Message | None:
    """The message for too few or too many children (None for another complaint)."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    names = list(cls.child_tags)
    if kind == "too_short":
        high = field_constraints(cls.model_fields[cls.children_field or ""]).max_length
        return too_few_children(cls.xml_tag, names, int(ctx.get("min_length", 1)), high)
    if kind == "too_long":
        return too_many_children(
            cls.xml_tag, names, int(ctx.get("max_length", 0)), int(ctx.get("actual_length", 0))
        )
    return None


def _parent_tag(node: etree._Element) -> str | None:
    """The tag of ``node``'s parent element (None at the root)."""
    parent = node.getparent()
    return parent.tag if parent is not None and isinstance(parent.tag, str) else None


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
    try:
        document = parse(
            data, source=name, from_text=from_text, max_bytes=max_bytes, max_depth=max_depth
        )
    except XmlSyntaxError as exc:
        if isinstance(source, str) and _FILE_NAME.match(source):
            raise XmlSyntaxError(
                f"the string {source!r} is not XML: a str is the document text itself",
                source=exc.source,
                line=exc.line,
                column=exc.column,
                expected="a BXML document, or a pathlib.Path to read a file",
                actual=source,
                hint=f"to read the file, pass a Path: from_xml(Path({source!r}))",
            ) from exc
        raise
    return _Reader(document).read()


#: A ``str`` given to ``from_xml`` that is a file name rather than a document: one line, no
#: markup, and a path separator or a file extension.
_FILE_NAME = re.compile(r"\s*[^<>\n]*(?:[/\\][^<>\n]*|\.[A-Za-z0-9]{1,5})\s*\Z")

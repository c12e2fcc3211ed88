"""What a rule is: a code, a name, an options type (a NamedTuple), a documented ``check()``.

A rule yields :class:`Finding` objects: a message and *where* (an element, optionally one of
its attributes or its text, or an explicit line and column).  The engine turns findings into
:class:`~bxmlkit.lint.diagnostic.Diagnostic` values: it attaches the code, the name and the
configured severity, and computes exact positions only for the findings that survive
selection and suppression.

The rule's class docstring is its documentation, with the fixed headings ``## What it does``,
``## Why is this bad?``, ``## Example``, ``## Use instead`` and ``## Options``.  The same text
feeds ``bxmlkit rule CODE``, the SARIF ``fullDescription`` and the docs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Generic, NamedTuple, TypeVar

from lxml import etree

from bxmlkit.lint.diagnostic import Fix, Severity

if TYPE_CHECKING:
    from bxmlkit._locate import SourceMap
    from bxmlkit._parser import ParsedDocument
    from bxmlkit.errors import BxmlParseError
    from bxmlkit.lint._schema import Violation

__all__ = [
    "DOC_HEADINGS",
    "Context",
    "Finding",
    "NoOptions",
    "Rule",
    "doc_sections",
]

#: The headings every rule docstring has, in this order.
DOC_HEADINGS = ("What it does", "Why is this bad?", "Example", "Use instead", "Options")

#: Contexts a document can be linted in (what the BXML is for).
CONTEXTS = ("auto", "webhook", "transfer-answer", "conference", "update-call")


class NoOptions:
    """The options of a rule that has none."""

    __slots__ = ()


class Finding(NamedTuple):
    """What a rule reports: a message and a place.

    The place is ``element`` (its start tag), ``element`` + ``attribute`` (the attribute name),
    ``element`` + ``text=True`` (the element's text content), or an explicit ``line`` and
    ``column`` when there is no element (for example a syntax error).
    """

    message: str
    element: etree._Element | None = None
    attribute: str | None = None
    text: bool = False
    line: int = 0
    column: int = 0
    fix: Fix | None = None


class Context:
    """Everything a rule may look at for one document; expensive parts are computed lazily."""

    def __init__(
        self,
        *,
        path: str,
        data: bytes,
        document: ParsedDocument | None,
        parse_error: BxmlParseError | None,
        context: str,
    ) -> None:
        self.path = path
        self.data = data
        self.document = document
        self.parse_error = parse_error
        #: The document's size in bytes (larger than ``len(data)`` when only the beginning of
        #: a file over the parser's limit was read).
        self.size = len(data)
        #: The resolved lint context: one of ``CONTEXTS`` except ``auto``.
        self.context = context
        #: Scratch space for helpers that compute something once per document.
        self.cache: dict[str, Any] = {}

    @property
    def root(self) -> etree._Element | None:
        """The root element, or None when the document did not parse."""
        return None if self.document is None else self.document.root

    @cached_property
    def text(self) -> str:
        """The source decoded to text (for positions and fixes)."""
        from bxmlkit._parser import decode_for_positions

        return decode_for_positions(self.data, self.root)

    @cached_property
    def source_map(self) -> SourceMap:
        """Exact positions of tags and attributes in :attr:`text`."""
        from bxmlkit._locate import SourceMap

        return SourceMap(self.text)

    @cached_property
    def elements(self) -> list[etree._Element]:
        """Every element of the document in document order (comments and PIs excluded)."""
        root = self.root
        if root is None:
            return []
        return [el for el in root.iter() if isinstance(el.tag, str)]

    @cached_property
    def by_tag(self) -> dict[str, list[etree._Element]]:
        """The elements of each tag, in document order."""
        index: dict[str, list[etree._Element]] = {}
        for element in self.elements:
            index.setdefault(str(element.tag), []).append(element)
        return index

    def tagged(self, *tags: str) -> list[etree._Element]:
        """The elements with any of ``tags``, in document order."""
        if len(tags) == 1:
            return self.by_tag.get(tags[0], [])
        found = [el for tag in tags for el in self.by_tag.get(tag, ())]
        if len(found) > 1:
            order = self.cache.setdefault("order", {el: i for i, el in enumerate(self.elements)})
            found.sort(key=order.__getitem__)
        return found

    @cached_property
    def violations(self) -> list[Violation]:
        """The XSD's verdict on the document (empty when it did not parse)."""
        from bxmlkit.lint import _schema

        if self.document is None:
            return []
        return _schema.validate(self.document)

    def violations_of(self, *kinds: str) -> Iterator[Violation]:
        """The violations of the given kinds, in document order."""
        for violation in self.violations:
            if violation.kind in kinds:
                yield violation

    def position(self, finding: Finding) -> tuple[int, int]:
        """1-based (line, column) of a finding."""
        element = finding.element
        if element is None:
            return finding.line, finding.column
        if finding.attribute is not None:
            return self.source_map.attribute(element, finding.attribute)
        if finding.text:
            return self.source_map.text_content(element)
        return self.source_map.element(element)


OptionsT = TypeVar("OptionsT")


class Rule(Generic[OptionsT]):
    """Base class of every rule.  Subclasses set the class variables and ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    category: ClassVar[str]
    default_severity: ClassVar[Severity]
    options_type: ClassVar[type[Any]] = NoOptions
    enabled_by_default: ClassVar[bool] = True
    fixable: ClassVar[bool] = False
    #: False for the few rules that also run when the document is not well-formed.
    needs_tree: ClassVar[bool] = True
    #: A quick reject: the rule can only report something when one of these byte strings
    #: occurs in the source (``needles``) or in the lower-cased source (``needles_nocase``).
    #: Empty means "always run".  Checked only for ASCII-compatible encodings without
    #: character references, where a name or scheme cannot be spelled any other way.
    needles: ClassVar[tuple[bytes, ...]] = ()
    needles_nocase: ClassVar[tuple[bytes, ...]] = ()

    def check(self, ctx: Context, options: OptionsT) -> Iterable[Finding]:
        """Yield findings for ``ctx``'s document."""
        raise NotImplementedError

    @classmethod
    def applies(cls, data: bytes, lower: bytes) -> bool:
        """The quick reject: False when the rule cannot report anything on this source.

        ``lower`` is ``data.lower()``.  The default looks for the rule's needles.
        """
        if not cls.needles and not cls.needles_nocase:
            return True
        for needle in cls.needles:
            if needle in data:
                return True
        for needle in cls.needles_nocase:  # noqa: SIM110 - a loop is faster than any(<genexpr>)
            if needle in lower:
                return True
        return False

    # -- documentation ------------------------------------------------------------------------
    @classmethod
    def doc(cls) -> str:
        """The rule's documentation (its class docstring, dedented)."""
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def option_defaults(cls) -> dict[str, Any]:
        """The options with their defaults, keyed by their kebab-case config name.

        ``options_type`` is a ``NamedTuple`` whose fields all have defaults (or ``NoOptions``).
        """
        defaults: dict[str, Any] = getattr(cls.options_type, "_field_defaults", {})
        return {name.replace("_", "-"): value for name, value in defaults.items()}


_HEADING = r"^## (?P<title>.+?)\s*$"


def doc_sections(doc: str) -> dict[str, str]:
    """Split a rule doc into its ``## Heading`` sections (heading -> body text)."""
    sections: dict[str, str] = {}
    matches = list(re.finditer(_HEADING, doc, re.MULTILINE))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(doc)
        sections[match.group("title")] = doc[match.end() : end].strip()
    return sections

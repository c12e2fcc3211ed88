"""Validating a document against the compiled XSD."""

from __future__ import annotations

import threading

from lxml import etree

from bxmlkit._parser import (
    ForbiddenConstruct,
    ParsedDocument,
    Source,
    forbidden_constructs,
    parse,
    read_source,
)
from bxmlkit._parser import may_hold_forbidden as _may_hold_forbidden
from bxmlkit.errors import XmlSyntaxError
from bxmlkit.schema import _files
from bxmlkit.schema._rounds import every_violation
from bxmlkit.schema._violation import Violation

__all__ = ["validate", "validate_tree"]

_validate_lock = threading.Lock()


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


def validate_tree(document: ParsedDocument) -> list[Violation]:
    """Validate an already parsed document (see ``validate``), sorted by line and column.

    Every problem is reported: where libxml2 stops at an unexpected element (or at a wrong
    root), the document is validated again without it (``bxmlkit.schema._rounds``).
    DOCTYPEs and processing instructions are the caller's business (``forbidden_constructs``);
    an entity reference left in the tree cannot be validated and raises ``XmlSyntaxError``.
    """
    return every_violation(document)


def validate_once(document: ParsedDocument) -> list[Violation]:
    """One libxml2 validation of ``document``: what it reports before it stops."""
    schema = _files._compiled or _files.compiled_schema()
    with _validate_lock:  # one XMLSchema object: its error log must not be shared by threads
        try:
            if schema.validate(document.root):
                return []
        except etree.XMLSchemaValidateError as exc:
            raise _forbidden(document, forbidden_constructs(document)) from exc
        errors = list(schema.error_log)
    from bxmlkit.schema._report import Reporter  # only a document with violations needs it

    return Reporter(document).report(errors)


def _forbidden(document: ParsedDocument, found: list[ForbiddenConstruct]) -> XmlSyntaxError:
    """The error for the first DOCTYPE, entity reference or processing instruction (the
    words and the place are ``bxmlkit._messages``', as for ``from_xml`` and lint)."""
    if not found:
        return XmlSyntaxError(
            "the document cannot be validated", source=document.source, line=1, column=1
        )
    from bxmlkit._messages import construct_location, forbidden_construct

    text = document.text
    located = [(construct_location(text, c.kind, c.text, c.line), c) for c in found]
    (line, column), first = min(located, key=lambda pair: pair[0])
    said = forbidden_construct(first.kind, first.text)
    return XmlSyntaxError(
        said.core,
        source=document.source,
        line=line,
        column=column,
        actual=first.text,
        hint=said.hint,
    )

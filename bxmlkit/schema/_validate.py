"""Validating a document against the compiled XSD."""

from __future__ import annotations

from bxmlkit._parser import (
    ParsedDocument,
    Source,
    forbidden_constructs,
    forbidden_error,
    parse,
    read_source,
)
from bxmlkit._parser import may_hold_forbidden as _may_hold_forbidden
from bxmlkit.schema._rounds import every_violation
from bxmlkit.schema._violation import Violation

__all__ = ["validate", "validate_tree"]


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
            raise forbidden_error(document, found)
    return validate_tree(document)


def validate_tree(document: ParsedDocument) -> list[Violation]:
    """Validate an already parsed document (see ``validate``), sorted by line and column.

    Every problem is reported: where libxml2 stops at an unexpected element (or at a wrong
    root), the document is validated again without it (``bxmlkit.schema._rounds``).  Two
    mistakes the XSD cannot express are reported too, as ``from_xml`` and lint refuse them:
    an ``xsi:`` attribute, and a ``<SpeakSentence>`` with nothing to speak.  DOCTYPEs and
    processing instructions are the caller's business (``forbidden_constructs``); an entity
    reference left in the tree cannot be validated and raises ``XmlSyntaxError``.
    """
    return every_violation(document)

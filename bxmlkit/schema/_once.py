"""One libxml2 validation of a parsed document, and the error for a construct BXML forbids.

``bxmlkit.schema._rounds`` calls it once per round and ``bxmlkit.schema._validate`` builds on
the rounds; with this module between them neither imports the other inside a function (an
import statement run on every call costs about as much as the rest of the checks on a
valid document).
"""

from __future__ import annotations

import threading

from lxml import etree

from bxmlkit import _parser
from bxmlkit._parser import ForbiddenConstruct, ParsedDocument, forbidden_constructs
from bxmlkit.errors import XmlSyntaxError
from bxmlkit.schema import _files
from bxmlkit.schema._violation import Violation

__all__ = ["forbidden_error", "validate_once"]

_validate_lock = threading.Lock()


def validate_once(document: ParsedDocument) -> list[Violation]:
    """One libxml2 validation of ``document``: what it reports before it stops."""
    schema = _files._compiled or _files.compiled_schema()
    with _validate_lock:  # one XMLSchema object: its error log must not be shared by threads
        try:
            if schema.validate(document.root):
                return []
        except etree.XMLSchemaValidateError as exc:
            raise forbidden_error(document, forbidden_constructs(document)) from exc
        errors = list(schema.error_log)
    from bxmlkit.schema._report import Reporter  # only a document with violations needs it

    return Reporter(document).report(errors)


def forbidden_error(document: ParsedDocument, found: list[ForbiddenConstruct]) -> XmlSyntaxError:
    """The error for the first DOCTYPE, entity reference or processing instruction found
    (``bxmlkit._parser.forbidden_error``, as for ``from_xml``); libxml2 refusing to validate
    a tree in which nothing was found is reported as such."""
    if not found:
        return XmlSyntaxError(
            "the document cannot be validated", source=document.source, line=1, column=1
        )
    return _parser.forbidden_error(document, found)

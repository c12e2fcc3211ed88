"""One libxml2 validation of a parsed document.

``bxmlkit.schema._rounds`` calls it once per round and ``bxmlkit.schema._validate`` builds on
the rounds; with this module between them neither imports the other inside a function (an
import statement run on every call costs about as much as the rest of the checks on a
valid document).
"""

from __future__ import annotations

import threading

from lxml import etree

from bxmlkit._parser import ParsedDocument, forbidden_constructs, forbidden_error
from bxmlkit.errors import XmlSyntaxError
from bxmlkit.schema import _files
from bxmlkit.schema._violation import Violation

__all__ = ["validate_once"]

_validate_lock = threading.Lock()


def validate_once(document: ParsedDocument) -> list[Violation]:
    """One libxml2 validation of ``document``: what it reports before it stops."""
    schema = _files._compiled or _files.compiled_schema()
    with _validate_lock:  # one XMLSchema object: its error log must not be shared by threads
        try:
            if schema.validate(document.root):
                return []
        except etree.XMLSchemaValidateError as exc:
            raise _refused(document) from exc
        errors = list(schema.error_log)
    from bxmlkit.schema._report import Reporter  # only a document with violations needs it

    return Reporter(document).report(errors)


def _refused(document: ParsedDocument) -> XmlSyntaxError:
    """The error when libxml2 refuses to validate the tree: for the DOCTYPE, entity reference
    or processing instruction in it, as every face words it, else as it is."""
    found = forbidden_constructs(document)
    if found:
        return forbidden_error(document, found)
    return XmlSyntaxError(
        "the document cannot be validated", source=document.source, line=1, column=1
    )

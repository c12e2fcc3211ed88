"""Every violation of a document, not only the ones libxml2 reports before it gives up
(and the two it cannot see: ``xsi:`` attributes and a ``<SpeakSentence>`` with nothing to
speak).

libxml2 stops checking a parent's children at the first unexpected one, so one unknown verb
would hide every problem after it; a wrong root hides the whole document.  ``every_violation``
validates once and, when that happened, validates again on a copy without the blocking
elements, until nothing new is found (at most ``MAX_ROUNDS`` times).  The violations of later
rounds are re-addressed to the original elements: their path, line and column are the
original document's.
"""

from __future__ import annotations

import re

from lxml import etree

from bxmlkit._parser import ParsedDocument, has_spoken_text
from bxmlkit.schema._once import validate_once
from bxmlkit.schema._violation import Violation
from bxmlkit.vocabulary import ROOTS

__all__ = ["BLOCKING_KINDS", "MAX_ROUNDS", "every_violation"]

#: Violations after which libxml2 stops checking the rest of the parent's children.
BLOCKING_KINDS = ("invalid-child", "unknown-element")
#: The XML Schema instance namespace, as it appears in a document that uses it.
_XSI = b"http://www.w3.org/2001/XMLSchema-instance"
#: How many times a document is validated at most.
MAX_ROUNDS = 8

#: What removing a child can make wrong in its parent (a too-few-children complaint stays:
#: the parent really lacks a valid child).
_AFTER_REMOVAL = frozenset({"invalid-text"})
_LAST_STEP = r"/(@[^/]*|text\(\))$"


def every_violation(document: ParsedDocument, *, remove_entities: bool = False) -> list[Violation]:
    """Every violation of ``document``, sorted by line and column.

    With ``remove_entities`` (the linter), entity references are dropped from the copy that is
    validated instead of making validation fail; without it (``validate``) a document holding
    them raises ``XmlSyntaxError`` as before.
    """
    found = _every_violation(document, remove_entities)
    if _XSI in document.data:  # rare: only then can an xsi: attribute be there
        from bxmlkit.schema._report import Reporter

        found = sorted({*found, *Reporter(document).xsi_attributes()}, key=_position)
    blank = [
        sentence
        for sentence in document.root.iter("SpeakSentence")
        if not has_spoken_text(sentence) and sentence.get("sentence") is None  # v1: BX402
    ]
    if blank:
        found = _with_nothing_to_speak(document, found, blank)
    return found


def _with_nothing_to_speak(
    document: ParsedDocument, found: list[Violation], blank: list[etree._Element]
) -> list[Violation]:
    """``found`` and one violation per sentence in ``blank`` (which replaces any other
    complaint about the sentence's text)."""
    from bxmlkit.schema._report import Reporter

    said = Reporter(document).nothing_to_speak(blank)
    paths = {violation.path for violation in said}
    kept = [v for v in found if not (v.kind == "invalid-text" and v.path in paths)]
    return sorted([*kept, *said], key=_position)


def _every_violation(document: ParsedDocument, remove_entities: bool) -> list[Violation]:
    root = document.root
    if root.tag not in ROOTS:
        found = [v for v in validate_once(document) if v.kind == "wrong-root"]
        found.extend(_in_rounds(document, _stand_in_root(root)))
        return sorted(found, key=_position)
    if remove_entities and any(True for _ in root.iter(etree.Entity)):
        return _in_rounds(document)
    first = validate_once(document)
    if not first or not any(v.kind in BLOCKING_KINDS for v in first):
        return first
    return _in_rounds(document)


def _deepcopy(element: etree._Element) -> etree._Element:
    """A copy of ``element`` and everything in it (``copy`` is imported only for documents
    that need rounds: a clean document's start-up does not pay for it)."""
    from copy import deepcopy

    return deepcopy(element)


def _position(violation: Violation) -> tuple[int, int]:
    return violation.line, violation.column


def _stand_in_root(root: etree._Element) -> tuple[etree._Element, etree._Element]:
    """(original, copy) to validate for a document whose root is wrong.

    The wrong root is reported by the first validation; its contents still deserve checking.
    An ``<xml>`` wrapper around one real root is validated through that root; any other root
    is validated as if it were ``<Response>``.
    """
    children = [child for child in root if isinstance(child.tag, str)]
    if len(children) == 1 and children[0].tag in ROOTS:
        return children[0], _deepcopy(children[0])
    copy = _deepcopy(root)
    namespace = etree.QName(root).namespace
    if namespace is not None:
        # <Response xmlns="..."> puts every element in the namespace: one mistake, reported
        # on the root; the contents are checked as if they had none.
        prefix = "{" + namespace + "}"
        for element in copy.iter(etree.Element):
            if element.tag.startswith(prefix):
                element.tag = element.tag[len(prefix) :]
        etree.cleanup_namespaces(copy)
    copy.tag = ROOTS[0]
    copy.attrib.clear()
    return root, copy


def _in_rounds(
    document: ParsedDocument,
    start: tuple[etree._Element, etree._Element] | None = None,
) -> list[Violation]:
    from bxmlkit._locate import PathIndex, SourceMap

    root, copy = start if start is not None else (document.root, _deepcopy(document.root))
    mapping: dict[etree._Element, etree._Element] = dict(
        zip(copy.iter(), root.iter(), strict=False)
    )
    for entity in list(copy.iter(etree.Entity)):
        _remove(entity)
    source_map = SourceMap(document.text)
    found: list[Violation] = []
    seen: set[tuple[str, str, str | None]] = set()
    original_paths = PathIndex()
    #: Parents of removed elements: their text or child count may be wrong only because of
    #: the removal, so later rounds do not report those on them.
    emptied: set[etree._Element] = set()
    for _ in range(MAX_ROUNDS):
        working = ParsedDocument(
            root=copy, data=document.data, source=document.source, from_text=document.from_text
        )
        copy_paths = PathIndex()  # linear in the number of elements, also for 100,000 siblings
        paths = {copy_paths.path(el): el for el in copy.iter() if isinstance(el.tag, str)}
        blocking: list[etree._Element] = []
        for violation in validate_once(working):
            copied = paths.get(re.sub(_LAST_STEP, "", violation.path))
            original = mapping.get(copied) if copied is not None else None
            if copied is None or original is None:
                continue
            if violation.kind == "wrong-root" or (start is not None and copied is copy):
                continue  # the root itself: reported by the first validation
            if copied in emptied and violation.kind in _AFTER_REMOVAL:
                continue
            key = (original_paths.path(original), violation.kind, violation.attribute)
            if key in seen:
                continue
            seen.add(key)
            if violation.attribute is not None and violation.kind in (
                "invalid-value",
                "unknown-attribute",
            ):
                line, column = source_map.attribute(original, violation.attribute)
            else:
                line, column = source_map.element(original)
            found.append(
                Violation(
                    line=line,
                    column=column,
                    path=original_paths.path(original, violation.attribute),
                    message=violation.message,
                    kind=violation.kind,
                    element=violation.element,
                    attribute=violation.attribute,
                    value=violation.value,
                    expected=violation.expected,
                )
            )
            if violation.kind in BLOCKING_KINDS and copied is not copy:
                blocking.append(copied)
        if not blocking:
            break
        for element in blocking:
            parent = element.getparent()
            if parent is not None:
                emptied.add(parent)
            _remove(element)
    return sorted(found, key=_position)


def _remove(node: etree._Element) -> None:
    """Remove ``node`` from its parent, keeping the text that follows it."""
    parent = node.getparent()
    if parent is None:
        return
    tail = node.tail
    previous = node.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(node)

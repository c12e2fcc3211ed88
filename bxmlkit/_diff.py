"""Semantic differences between two BXML documents (or two elements).

Two documents are the same BXML when their models are equal: attribute order and quoting,
character references, CDATA, number spelling (``5`` / ``5.0``) and the indentation between
elements do not count; every element, attribute value, text, SSML node and their order do.

The differences are listed in document order, each with an XPath-like location in the
document it comes from (``/Response/Gather[1]/@maxDigits``; indexes count siblings of the
same tag from 1, as in bxmlkit's error paths).  Children are aligned the way a line diff
aligns lines: first on whole elements, then, inside what still differs, on tags, so that a
changed attribute is reported as a change of that attribute and an inserted verb as one
verb added, not as every following verb changed.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from bxmlkit.codec import format_number, to_xml
from bxmlkit.models._base import Element
from bxmlkit.models.comment import Comment

__all__ = ["Difference", "diff_elements"]

#: How long a rendered element may get in a difference before it is shortened.
_SNIPPET_CHARS = 72

DifferenceKind = Literal["changed", "only_in_left", "only_in_right"]


@dataclass(frozen=True, slots=True)
class Difference:
    """One difference: where it is, what kind, and both sides as BXML text.

    ``kind`` is ``"changed"`` (both sides have the node, with other values),
    ``"only_in_left"`` or ``"only_in_right"`` (a node the other side does not have).  ``left``
    and ``right`` are the values as written in XML (a quoted string for text, the element's
    canonical XML for a whole element, ``None`` where the side has nothing).
    """

    path: str
    kind: DifferenceKind
    left: str | None
    right: str | None

    def describe(self, left_name: str, right_name: str, *, added: str, removed: str) -> str:
        """One line: ``path: left != right``, or ``path: <added|removed> <element>``.

        ``added`` names a node only the right side has, ``removed`` one only the left has
        (``bxmlkit diff`` says "added"/"removed"; ``assert_bxml_equal`` "unexpected"/"missing").
        """
        if self.kind == "changed":
            return f"{self.path}: {_side(self.left)} != {_side(self.right)}"
        if self.kind == "only_in_right":
            return f"{self.path}: {added} {self.right} (only in {right_name})"
        return f"{self.path}: {removed} {self.left} (only in {left_name})"


def _side(value: str | None) -> str:
    return "(absent)" if value is None else value


def diff_elements(left: Element, right: Element) -> list[Difference]:
    """Every semantic difference between two elements (normally two roots), in order."""
    if left.xml_tag != right.xml_tag:
        return [Difference("/", "changed", f"<{left.xml_tag}>", f"<{right.xml_tag}>")]
    differences = list(_element(left, right, f"/{left.xml_tag}", f"/{right.xml_tag}"))
    if "leading_comments" in type(left).model_fields:  # a root: comments around the element
        before_left, after_left = left.leading_comments, left.trailing_comments  # type: ignore[attr-defined]
        before_right, after_right = right.leading_comments, right.trailing_comments  # type: ignore[attr-defined]
        differences[:0] = _sequence(before_left, before_right, "", "")
        # Comments after the root count on from those before it, as XPath's /comment()[n] does.
        differences += _sequence(
            after_left, after_right, "", "", len(before_left), len(before_right)
        )
    return differences


def _element(left: Element, right: Element, path: str, right_path: str) -> Iterator[Difference]:
    """Differences inside two elements of the same tag (``path`` is the left one's)."""
    cls = type(left)
    for attribute in cls.xml_attributes:
        a = getattr(left, attribute.field)
        b = getattr(right, attribute.field)
        if a != b:
            yield Difference(f"{path}/@{attribute.xml_name}", "changed", _value(a), _value(b))
    if cls.text_field is not None:
        a = getattr(left, cls.text_field)
        b = getattr(right, cls.text_field)
        if a != b:
            yield Difference(f"{path}/text()", "changed", _value(a), _value(b))
    elif cls.children_field is not None:
        yield from _sequence(
            getattr(left, cls.children_field), getattr(right, cls.children_field), path, right_path
        )


def _sequence(
    left: Sequence[Any],
    right: Sequence[Any],
    path: str,
    right_path: str,
    left_skip: int = 0,
    right_skip: int = 0,
) -> Iterator[Difference]:
    """Differences between two content lists, aligned first on whole nodes, then on tags.

    ``left_skip``/``right_skip``: same-tag siblings that stand before the lists (their
    indexes in paths count on from there).
    """
    left_tags = [_tag(item) for item in left]
    right_tags = [_tag(item) for item in right]
    left_names = _names(left_tags, left_skip)
    right_names = _names(right_tags, right_skip)
    whole = difflib.SequenceMatcher(
        None, [_canonical(item) for item in left], [_canonical(item) for item in right], False
    )
    for operation, i1, i2, j1, j2 in whole.get_opcodes():
        if operation == "equal":
            continue
        by_tag = difflib.SequenceMatcher(None, left_tags[i1:i2], right_tags[j1:j2], False)
        for inner, a1, a2, b1, b2 in by_tag.get_opcodes():
            if inner == "equal":
                for i, j in zip(range(i1 + a1, i1 + a2), range(j1 + b1, j1 + b2), strict=True):
                    yield from _node(
                        left[i],
                        right[j],
                        f"{path}/{left_names[i]}",
                        f"{right_path}/{right_names[j]}",
                    )
                continue
            for i in range(i1 + a1, i1 + a2):
                yield Difference(f"{path}/{left_names[i]}", "only_in_left", _snippet(left[i]), None)
            for j in range(j1 + b1, j1 + b2):
                yield Difference(
                    f"{right_path}/{right_names[j]}", "only_in_right", None, _snippet(right[j])
                )


def _node(left: Any, right: Any, path: str, right_path: str) -> Iterator[Difference]:
    """Two aligned nodes of the same kind and tag."""
    if isinstance(left, Element) and isinstance(right, Element):
        yield from _element(left, right, path, right_path)
    elif left != right:
        yield Difference(path, "changed", _snippet(left), _snippet(right))


def _names(tags: Sequence[str], skip: int = 0) -> list[str]:
    """Each node's step in a path: ``Gather[2]``, ``text()[1]`` (same-tag siblings from 1,
    after ``skip`` earlier siblings of the first list's tags)."""
    counts: dict[str, int] = dict.fromkeys(tags, skip)
    names = []
    for tag in tags:
        counts[tag] = counts.get(tag, 0) + 1
        names.append(f"{tag}[{counts[tag]}]")
    return names


def _tag(item: Any) -> str:
    if isinstance(item, Element):
        return item.xml_tag
    if isinstance(item, str):
        return "text()"
    if isinstance(item, Comment):
        return "comment()"
    return f"{type(item).__name__}()"


def _canonical(item: Any) -> Any:
    """A hashable stand-in that is equal exactly when the nodes are equal."""
    if isinstance(item, Element):
        return ("element", to_xml(item, xml_declaration=False))
    return (_tag(item), repr(item))


def _snippet(item: Any) -> str:
    """A node as BXML text, shortened to one readable line."""
    if isinstance(item, Element):
        text = to_xml(item, xml_declaration=False).decode("utf-8")
    elif isinstance(item, str):
        text = json.dumps(item, ensure_ascii=False)
    elif isinstance(item, Comment):
        text = f"<!--{item.text}-->"
    else:
        text = repr(item)
    if len(text) > _SNIPPET_CHARS:
        text = text[: _SNIPPET_CHARS - 1] + "…"
    return text


def _value(value: object) -> str | None:
    """An attribute value or text as XML writes it (strings quoted, to show whitespace)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return format_number(value)
    return json.dumps(str(value), ensure_ascii=False)

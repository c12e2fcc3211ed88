"""Small helpers shared by several rules (no rule logic here)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from bxmlkit.lint.diagnostic import Edit, Fix
from bxmlkit.lint.rule import Context
from bxmlkit.vocabulary import ELEMENTS

__all__ = [
    "URL_ATTRIBUTES",
    "attribute_name_edit",
    "attribute_value_edit",
    "element_for",
    "is_truthy",
    "local",
    "start_tag_span",
    "url_values",
]

#: Element -> its attributes that hold a URL (webhooks, WebSocket destinations), as the
#: vocabulary (the XSD) declares them: no guessing from a name's ``Url`` suffix.
URL_ATTRIBUTES: dict[object, frozenset[str]] = {
    tag: frozenset(
        name
        for name, attribute in element.attributes.items()
        if attribute.value.kind in ("url", "websocket-url")
    )
    for tag, element in ELEMENTS.items()
}
#: The elements whose text is a URL (<PlayAudio>).
URL_TEXT = frozenset(
    tag
    for tag, element in ELEMENTS.items()
    if element.text is not None and element.text.kind in ("url", "websocket-url")
)


def local(element: etree._Element) -> str:
    """The element's tag as written (BXML has no namespace)."""
    tag = element.tag
    return tag if isinstance(tag, str) else ""


def is_truthy(value: str | None) -> bool:
    """True for ``true`` (and, leniently, ``True``/``1``: the intent is clear)."""
    return value is not None and value.strip().lower() in ("true", "1")


def url_values(ctx: Context) -> list[tuple[etree._Element, str | None, str]]:
    """(element, attribute or None for text content, url) for every URL in the document."""
    cached: list[tuple[etree._Element, str | None, str]] | None = ctx.cache.get("urls")
    if cached is None:
        cached = ctx.cache["urls"] = list(_url_values(ctx))
    return cached


def _url_values(ctx: Context) -> Iterator[tuple[etree._Element, str | None, str]]:
    for element in ctx.elements:
        tag = element.tag
        for name in element.keys():  # noqa: SIM118 - lxml attrib has no cheap iteration
            if name in URL_ATTRIBUTES.get(tag, ()):
                yield element, name, str(element.get(name))
        if tag in URL_TEXT:
            text = (element.text or "").strip()
            if text:
                yield element, None, text


def element_for(ctx: Context, path: str) -> etree._Element | None:
    """The element that a violation's path (``/Response/Gather[2]/@x``) points at."""
    from bxmlkit._locate import PathIndex

    cache: dict[str, etree._Element] | None = ctx.cache.get("paths")
    if cache is None:
        index = PathIndex()  # linear in the number of elements, also for 100,000 siblings
        cache = ctx.cache["paths"] = {index.path(el): el for el in ctx.elements}
    clean = re.sub(r"/(@[^/]*|text\(\))$", "", path)
    return cache.get(clean)


def _line_starts(ctx: Context) -> list[int]:
    starts: list[int] | None = ctx.cache.get("line_starts")
    if starts is None:
        starts = ctx.cache["line_starts"] = [0] + [m.end() for m in re.finditer("\n", ctx.text)]
    return starts


def offset_of(ctx: Context, line: int, column: int) -> int:
    """Offset in ``ctx.text`` of a 1-based (line, column)."""
    starts = _line_starts(ctx)
    if not 1 <= line <= len(starts):
        return -1
    return starts[line - 1] + column - 1


def start_tag_span(ctx: Context, element: etree._Element) -> tuple[int, int] | None:
    """(start, end) offsets of ``element``'s start tag in ``ctx.text``."""
    line, column = ctx.source_map.element(element)
    if line <= 0 or column <= 0:
        return None
    start = offset_of(ctx, line, column)
    text = ctx.text
    if start < 0 or not text.startswith("<", start):
        return None
    quote = ""
    for index in range(start + 1, len(text)):
        char = text[index]
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == ">":
            return start, index + 1
    return None


def _attribute_match(ctx: Context, element: etree._Element, name: str) -> re.Match[str] | None:
    span = start_tag_span(ctx, element)
    if span is None:
        return None
    pattern = re.compile(
        r"(?<=\s)(?P<name>" + re.escape(name) + r")\s*=\s*(?P<q>['\"])(?P<value>.*?)(?P=q)",
        re.DOTALL,
    )
    return pattern.search(ctx.text, span[0], span[1])


def attribute_name_edit(
    ctx: Context, element: etree._Element, name: str, new_name: str
) -> Edit | None:
    """An edit renaming attribute ``name`` of ``element`` to ``new_name``."""
    match = _attribute_match(ctx, element, name)
    if match is None:
        return None
    return Edit(match.start("name"), match.end("name"), new_name)


def attribute_value_edit(
    ctx: Context, element: etree._Element, name: str, new_value: str
) -> Edit | None:
    """An edit replacing the (raw) value of attribute ``name`` with ``new_value``."""
    match = _attribute_match(ctx, element, name)
    if match is None:
        return None
    return Edit(match.start("value"), match.end("value"), new_value)


def single_fix(description: str, edit: Edit | None) -> Fix | None:
    """A fix of one edit, or None when the edit could not be located."""
    return None if edit is None else Fix(description, (edit,))

"""Exact line and column of elements and attributes in the source text.

lxml reports only a line for an element (the line where its start tag *ends*), and nothing
for an attribute.  Error messages need both, also for minified one-line documents, so this
module scans the source text lexically: the k-th start tag in the text is the k-th element
of the tree in document order.  It runs only when a message needs a position, never on the
happy path.
"""

from __future__ import annotations

import bisect
import re

from lxml import etree

__all__ = ["PathIndex", "SourceMap", "element_path"]

_NAME_END = re.compile(r"[\s/>]")
#: The rest of a start tag: anything up to the first ``>`` outside quotes (an unclosed quote
#: runs to the end of the text).  Linear: each repetition starts at a quote.
_TAG_REST = re.compile(r"""[^"'>]*(?:(?:"[^"]*"?|'[^']*'?)[^"'>]*)*>?""")


class SourceMap:
    """Positions of start tags and their attributes in one document's text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._line_starts = [0]
        for match in re.finditer("\n", text):
            self._line_starts.append(match.end())
        self._tags: list[tuple[int, int]] | None = None
        self._order: dict[etree._Element, int] | None = None
        self._root: etree._Element | None = None

    # -- offsets -----------------------------------------------------------------------------
    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        if line < 1 or line > len(self._line_starts):
            return ""
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start : end if end >= 0 else len(self.text)].rstrip("\r")

    # -- start tags --------------------------------------------------------------------------
    def _scan(self) -> list[tuple[int, int]]:
        """(start, end) offsets of every start tag, in document order."""
        if self._tags is not None:
            return self._tags
        tags: list[tuple[int, int]] = []
        text = self.text
        size = len(text)
        pos = text.find("<")
        while 0 <= pos < size:
            if text.startswith("<!--", pos):
                end = text.find("-->", pos + 4)
                pos = size if end < 0 else end + 3
            elif text.startswith("<![CDATA[", pos):
                end = text.find("]]>", pos + 9)
                pos = size if end < 0 else end + 3
            elif text.startswith("<?", pos):
                end = text.find("?>", pos + 2)
                pos = size if end < 0 else end + 2
            elif text.startswith("<!", pos):
                pos = self._skip_declaration(pos)
            elif text.startswith("</", pos):
                end = text.find(">", pos)
                pos = size if end < 0 else end + 1
            else:
                end = self._tag_end(pos)
                tags.append((pos, end))
                pos = end
            pos = text.find("<", pos)
        self._tags = tags
        return tags

    def _skip_declaration(self, pos: int) -> int:
        depth = 0
        text = self.text
        for index in range(pos, len(text)):
            char = text[index]
            if char == "[":
                depth += 1
            elif char == "]":
                depth -= 1
            elif char == ">" and depth <= 0:
                return index + 1
        return len(text)

    def _tag_end(self, pos: int) -> int:
        """The offset just past the ``>`` that ends the tag at ``pos`` (quotes respected)."""
        match = _TAG_REST.match(self.text, pos + 1)
        return match.end() if match is not None else len(self.text)

    def _index_of(self, element: etree._Element) -> int:
        root = element.getroottree().getroot()
        if self._order is None or self._root is not root:
            self._root = root
            self._order = {el: i for i, el in enumerate(root.iter(etree.Element))}
        return self._order.get(element, -1)

    def element(self, element: etree._Element) -> tuple[int, int]:
        """(line, column) of the ``<`` that opens ``element``."""
        tags = self._scan()
        index = self._index_of(element)
        if 0 <= index < len(tags):
            return self.line_col(tags[index][0])
        return (element.sourceline or 0), 0

    def attribute(self, element: etree._Element, name: str) -> tuple[int, int]:
        """(line, column) of attribute ``name`` (as written, e.g. ``maxDigits``) of ``element``.

        Falls back to the element's own position when the attribute is not found.
        """
        tags = self._scan()
        index = self._index_of(element)
        if not 0 <= index < len(tags):
            return (element.sourceline or 0), 0
        start, end = tags[index]
        pattern = re.compile(r"[\s]" + re.escape(name) + r"\s*=")
        match = pattern.search(self.text, start, end)
        if match is None:
            return self.line_col(start)
        return self.line_col(match.start() + 1)

    def text_content(self, element: etree._Element) -> tuple[int, int]:
        """(line, column) of the first character after ``element``'s start tag."""
        tags = self._scan()
        index = self._index_of(element)
        if not 0 <= index < len(tags):
            return (element.sourceline or 0), 0
        return self.line_col(tags[index][1])


def element_path(element: etree._Element, attribute: str | None = None) -> str:
    """An XPath-like path such as ``/Response/Gather[2]/@maxDigits``.

    The index is given only when the parent has more than one child of that name.  For the
    paths of many elements of one tree use a ``PathIndex``: each call here looks at all the
    siblings of every ancestor again.
    """
    parts: list[str] = []
    node: etree._Element | None = element
    while node is not None:
        tag = _local_name(node)
        parent = node.getparent()
        if parent is not None:
            same = [c for c in parent if isinstance(c.tag, str) and c.tag == node.tag]
            if len(same) > 1:
                tag = f"{tag}[{same.index(node) + 1}]"
        parts.append(tag)
        node = parent
    path = "/" + "/".join(reversed(parts))
    if attribute is not None:
        path += f"/@{attribute}"
    return path


class PathIndex:
    """``element_path`` for many elements of one tree, in linear time.

    Each parent's children are indexed once, so the paths of all 100,000 children of one
    parent cost one pass over them instead of 100,000.  Keep an index only as long as the
    tree it has seen (it holds references to elements) and do not change that tree meanwhile.
    """

    def __init__(self) -> None:
        self._steps: dict[etree._Element, str] = {}

    def path(self, element: etree._Element, attribute: str | None = None) -> str:
        """The path of ``element`` (and of its ``attribute``, when given)."""
        parts: list[str] = []
        node: etree._Element | None = element
        while node is not None:
            parent = node.getparent()
            step = self._steps.get(node)
            if step is None:
                step = self._index(parent, node)
            parts.append(step)
            node = parent
        path = "/" + "/".join(reversed(parts))
        if attribute is not None:
            path += f"/@{attribute}"
        return path

    def _index(self, parent: etree._Element | None, node: etree._Element) -> str:
        if parent is None:
            step = self._steps[node] = _local_name(node)
            return step
        counts: dict[str, int] = {}
        for child in parent:
            tag = child.tag
            if isinstance(tag, str):
                counts[tag] = counts.get(tag, 0) + 1
        seen: dict[str, int] = {}
        for child in parent:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            name = _local_name(child)
            if counts[tag] > 1:
                seen[tag] = seen.get(tag, 0) + 1
                name = f"{name}[{seen[tag]}]"
            self._steps[child] = name
        return self._steps.get(node) or _local_name(node)


def _local_name(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return "?"
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        if namespace == "http://www.w3.org/XML/1998/namespace":
            return f"xml:{local}"
        return local
    return tag

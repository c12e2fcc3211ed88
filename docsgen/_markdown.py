"""Small helpers for writing Markdown safely."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["cell", "code_cell", "first_paragraph", "prose", "table"]

_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)


def prose(text: str) -> str:
    """``text`` with ``<``, ``>`` and ``&`` escaped outside code spans, so that element names
    such as <Gather> show as text instead of vanishing as HTML; RST-style double backticks
    become Markdown code spans."""
    parts: list[str] = []
    position = 0
    for match in _CODE_SPAN.finditer(text):
        parts.append(_escape(text[position : match.start()]))
        parts.append(f"`{match.group(2)}`")
        position = match.end()
    parts.append(_escape(text[position:]))
    return "".join(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cell(text: str) -> str:
    """``text`` fit for one Markdown table cell (one line, pipes escaped)."""
    return " ".join(prose(text).split()).replace("|", "\\|") or " "


def code_cell(text: str) -> str:
    """``text`` as a code span inside a table cell."""
    if not text:
        return " "
    body = text.replace("|", "\\|")
    fence = "``" if "`" in body else "`"
    pad = " " if body.startswith("`") or body.endswith("`") else ""
    return f"{fence}{pad}{body}{pad}{fence}"


def table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    """A Markdown table; cells must already be escaped (see :func:`cell`)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines) + "\n"


def first_paragraph(docstring: str | None) -> str:
    """The first paragraph of a docstring, on one line."""
    if not docstring:
        return ""
    return " ".join(docstring.strip().split("\n\n", 1)[0].split())

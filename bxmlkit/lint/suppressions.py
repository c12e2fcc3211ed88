"""Inline suppressions written as XML comments.

    <!-- bxmlkit: disable=BX201,unknown-voice -->     from here until a matching enable
    <!-- bxmlkit: enable=BX201 -->                    ends a disable region
    <!-- bxmlkit: disable-next-line=BX303 -->         the next line only
    <!-- bxmlkit: disable-line=BX303 -->              the comment's own line (trailing comment)
    <!-- bxmlkit: disable-file=BX501 -->              the whole file, wherever it is written
    <!-- bxmlkit: context=transfer-answer -->         the context this document is written for

Codes may be rule codes or rule names, separated by commas; every scope needs explicit codes.
An unknown code or a malformed directive is itself reported (BX901), and so, on request, is a
suppression that suppressed nothing (BX902).  Comments are found lexically in the source
text, so suppressions also work in a document that is not well-formed.
"""

from __future__ import annotations

import re

__all__ = ["Directive", "Suppressions", "parse_suppressions"]

_COMMENT = r"<!--(?P<body>.*?)-->"
_DIRECTIVE = r"^\s*bxmlkit\s*:\s*(?P<scope>[A-Za-z-]+)\s*(?:=\s*(?P<codes>[^\n]*?))?\s*$"
SCOPES = ("disable", "enable", "disable-next-line", "disable-line", "disable-file", "context")


class Directive:
    """One ``bxmlkit:`` comment: its scope, the codes it names and where it is.

    ``unknown`` holds the codes it named that are not rules; ``used`` the codes that
    suppressed at least one diagnostic (for unused-suppression); ``error`` what is wrong with
    the comment itself.
    """

    __slots__ = ("codes", "column", "end_line", "error", "line", "scope", "unknown", "used")

    def __init__(
        self,
        scope: str,
        codes: tuple[str, ...],
        line: int,
        column: int,
        end_line: int,
        *,
        error: str = "",
    ) -> None:
        self.scope = scope
        self.codes = codes
        self.line = line
        self.column = column
        self.end_line = end_line
        self.unknown: tuple[str, ...] = ()
        self.used: set[str] = set()
        self.error = error


class Suppressions:
    """All suppressions of one document, ready to answer "is this diagnostic suppressed?".

    ``regions`` holds (code, first line, last line or None for "to the end", directive).
    """

    __slots__ = ("context", "directives", "regions")

    def __init__(
        self,
        directives: list[Directive],
        regions: list[tuple[str, int, int | None, Directive]],
        context: str | None = None,
    ) -> None:
        self.directives = directives
        self.regions = regions
        self.context = context

    def suppressing(self, code: str, line: int) -> Directive | None:
        """The directive that suppresses ``code`` at ``line``, if any."""
        for region_code, first, last, directive in self.regions:
            if region_code == code and first <= line and (last is None or line <= last):
                return directive
        return None


def parse_suppressions(text: str, resolve: dict[str, str]) -> Suppressions:
    """Find the directives in ``text``.

    ``resolve`` maps every accepted spelling (code or name) to its code; anything else is
    recorded in the directive's ``unknown``.
    """
    directives: list[Directive] = []
    if "bxmlkit" not in text:
        return Suppressions([], [])
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_col(offset: int) -> tuple[int, int]:
        import bisect

        index = bisect.bisect_right(line_starts, offset) - 1
        return index + 1, offset - line_starts[index] + 1

    for match in re.finditer(_COMMENT, text, re.DOTALL):
        body = match.group("body")
        if "bxmlkit" not in body:
            continue
        parsed = re.match(_DIRECTIVE, body, re.DOTALL)
        line, column = line_col(match.start())
        end_line, _ = line_col(match.end() - 1)
        if parsed is None:
            if re.match(r"\s*bxmlkit\s*:", body):
                directives.append(
                    Directive("", (), line, column, end_line, error="malformed directive")
                )
            continue
        scope = parsed.group("scope").lower()
        raw_codes = parsed.group("codes") or ""
        items = tuple(c.strip() for c in raw_codes.split(",") if c.strip())
        directive = Directive(scope, (), line, column, end_line)
        if scope not in SCOPES:
            directive.error = f"unknown scope {scope!r} (allowed: {', '.join(SCOPES)})"
        elif scope == "context":
            directive.codes = items
        elif not items:
            directive.error = f"'{scope}' needs explicit codes, e.g. {scope}=BX201"
        else:
            known = tuple(resolve[i] for i in items if i in resolve)
            unknown = tuple(i for i in items if i not in resolve)
            directive.codes = known
            directive.unknown = unknown
        directives.append(directive)

    regions: list[tuple[str, int, int | None, Directive]] = []
    open_regions: dict[str, tuple[int, Directive]] = {}
    context: str | None = None
    for directive in directives:
        if directive.error:
            continue
        if directive.scope == "context":
            context = directive.codes[0] if directive.codes else ""
            continue
        for code in directive.codes:
            if directive.scope == "disable":
                open_regions.setdefault(code, (directive.line, directive))
            elif directive.scope == "enable":
                opened = open_regions.pop(code, None)
                if opened is not None:
                    regions.append((code, opened[0], directive.line, opened[1]))
                    directive.used.add(code)  # an enable is never "unused" by itself
            elif directive.scope == "disable-next-line":
                regions.append((code, directive.end_line + 1, directive.end_line + 1, directive))
            elif directive.scope == "disable-line":
                regions.append((code, directive.line, directive.end_line, directive))
            elif directive.scope == "disable-file":
                regions.append((code, 0, None, directive))
    for code, (first, directive) in open_regions.items():
        regions.append((code, first, None, directive))
    return Suppressions(directives, regions, context)

"""Applying fixes as edits to the source text, and showing them as a diff.

Fixes are edits of the decoded text, so everything they do not touch stays byte-for-byte
the same.  A document whose bytes do not survive decoding and re-encoding unchanged (an
unusual encoding, invalid UTF-8) is never fixed.
"""

from __future__ import annotations

from collections.abc import Iterable

from bxmlkit.lint.diagnostic import Diagnostic, Edit

__all__ = ["apply_fixes", "encoding_of", "unified_diff"]


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic]) -> tuple[str, int]:
    """``text`` with every non-overlapping fix applied, and the number of fixes applied.

    Fixes are taken in document order; a fix overlapping one already taken is left for the
    next round (the caller lints again and repeats until nothing changes).
    """
    chosen: list[Edit] = []
    applied = 0
    taken: list[tuple[int, int]] = []
    for diagnostic in sorted(diagnostics):
        fix = diagnostic.fix
        if fix is None:
            continue
        spans = [(e.start, e.end) for e in fix.edits]
        if any(_overlaps(span, other) for span in spans for other in taken):
            continue
        if any(e.start < 0 or e.end > len(text) or e.start > e.end for e in fix.edits):
            continue
        taken.extend(spans)
        chosen.extend(fix.edits)
        applied += 1
    for edit in sorted(chosen, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text, applied


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return (a[0] < b[1] and b[0] < a[1]) or a == b


def encoding_of(data: bytes, text: str) -> str | None:
    """The encoding that turns ``text`` back into exactly ``data``, or None."""
    for encoding in ("utf-8", "utf-8-sig", "utf-16", "latin-1"):
        try:
            if text.encode(encoding) == data:
                return encoding
        except UnicodeEncodeError:
            continue
    return None


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of one file's fix, as ``git diff`` would show it."""
    import difflib

    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)

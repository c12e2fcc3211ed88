"""``--format text``: ``path:line:col: CODE message``, the source line with a caret, a summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bxmlkit.lint.diagnostic import Severity

if TYPE_CHECKING:
    from bxmlkit.lint.output import Report

__all__ = ["render", "summary"]

_RESET = "\033[0m"
_BOLD = "\033[1m"
_DIM = "\033[2m"
_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}


def _plural(count: int, word: str, many: str = "") -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


#: Longest source line shown whole; a longer one (a minified document) is cut to a window of
#: this many characters around the column, so that a 10 MB line is not printed per problem.
_EXCERPT = 160


def _excerpt(line: str, column: int) -> tuple[str, int]:
    """The source line to show (tabs expanded) and the caret's offset in it."""
    position = max(column - 1, 0)
    if len(line) <= _EXCERPT:
        return line.expandtabs(4), len(line[:position].expandtabs(4))
    start = max(0, min(position - _EXCERPT // 2, len(line) - _EXCERPT))
    window = line[start : start + _EXCERPT]
    head = "..." if start else ""
    tail = "..." if start + _EXCERPT < len(line) else ""
    offset = len(head) + len(window[: position - start].expandtabs(4))
    return head + window.expandtabs(4) + tail, offset


def render(report: Report) -> str:
    """The human-readable report."""
    color = report.color

    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    out: list[str] = []
    for result in report.results:
        for diagnostic in sorted(result.diagnostics):
            fixable = " [*]" if diagnostic.fix is not None else ""
            where = f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}:"
            code = paint(_BOLD + _COLORS[diagnostic.severity], diagnostic.code)
            out.append(f"{paint(_BOLD, where)} {code}{fixable} {diagnostic.message}")
            line = result.lines.get(diagnostic.line)
            withheld = diagnostic.fix_withheld
            if line is not None:
                number = str(diagnostic.line)
                gutter = " " * len(number)
                shown, offset = _excerpt(line, diagnostic.column)
                out.append(paint(_DIM, f" {number} | ") + shown)
                caret = " " * offset + "^"
                out.append(
                    paint(_DIM, f" {gutter} | ") + paint(_COLORS[diagnostic.severity], caret)
                )
            if withheld:
                out.append(paint(_DIM, "   = ") + f"fix withheld: {withheld}")
    out.append(summary(report))
    return "\n".join(out) + "\n"


def summary(report: Report) -> str:
    """The closing line: counts per severity, files, fixable."""
    files = len(report.results)
    counts = report.counts()
    total = sum(counts.values())
    parts = []
    if report.fixed:
        parts.append(f"Fixed {_plural(report.fixed, 'problem')}.")
    if not total and report.unreadable:
        parts.append(
            f"No problems in {_plural(files, 'file')}, but "
            f"{_plural(report.unreadable, 'path')} could not be linted (see above)."
        )
        return " ".join(parts)
    if not total:
        parts.append(f"All checks passed ({_plural(files, 'file')}).")
        return " ".join(parts)
    with_problems = sum(1 for r in report.results if r.diagnostics)
    detail = ", ".join(
        _plural(counts[s], s.value) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[s]
    )  # fmt: skip
    parts.append(
        f"Found {_plural(total, 'problem')} ({detail}) in {with_problems} of "
        f"{_plural(files, 'file')}."
    )
    fixable = sum(1 for d in report.diagnostics if d.fix is not None)
    if fixable:
        parts.append(f"[*] {fixable} fixable with `bxmlkit lint --fix`.")
    withheld = sum(1 for d in report.diagnostics if d.fix_withheld)
    if withheld:
        parts.append(f"{_plural(withheld, 'fix', 'fixes')} withheld (see above).")
    return " ".join(parts)

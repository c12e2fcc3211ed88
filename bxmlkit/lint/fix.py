"""Applying fixes as edits to the source text, the fix loop, and showing fixes as a diff.

Fixes are edits of the decoded text, so everything they do not touch stays byte-for-byte
the same.  A document whose bytes do not survive decoding and re-encoding unchanged (an
unusual encoding, invalid UTF-8) is never fixed.

``fix_until_stable`` is the loop behind ``bxmlkit lint --fix`` and ``--diff``: fix, lint
again, repeat.  Plain ``bxmlkit lint`` runs it too (without writing) for the documents that
have fixes, so that ``[*]`` marks exactly the fixes ``--fix`` will apply and every other
fix is reported as withheld, with the reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from bxmlkit.lint.diagnostic import Diagnostic, Edit

__all__ = [
    "MAX_ROUNDS",
    "FixOutcome",
    "apply_fixes",
    "encoding_of",
    "fix_until_stable",
    "text_the_rules_saw",
    "unified_diff",
]


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


# -- the fix loop ---------------------------------------------------------------------------
class FixOutcome:
    """What ``--fix`` does to one document.

    ``before`` and ``after`` are the decoded text; ``data`` the bytes to write; ``applied``
    the number of fixes applied; ``diagnostics`` those of the fixed text, where every fix that
    ``--fix`` does not apply has been removed and its reason put in ``fix_withheld``.
    """

    __slots__ = ("after", "applied", "before", "data", "diagnostics")

    def __init__(
        self, before: str, after: str, data: bytes, applied: int, diagnostics: list[Diagnostic]
    ) -> None:
        self.before = before
        self.after = after
        self.data = data
        self.applied = applied
        self.diagnostics = diagnostics

    def withheld(self) -> dict[tuple[str, str], list[str]]:
        """``(code, message) -> reasons`` of the fixes withheld, for matching diagnostics of
        the unfixed text (their positions may have moved)."""
        found: dict[tuple[str, str], list[str]] = {}
        for diagnostic in self.diagnostics:
            if diagnostic.fix_withheld:
                key = (diagnostic.code, diagnostic.message)
                found.setdefault(key, []).append(diagnostic.fix_withheld)
        return found


#: Most rounds of fixing and linting again (each fix may make room for another).
MAX_ROUNDS = 50


def fix_until_stable(
    data: bytes,
    diagnostics: list[Diagnostic],
    relint: Callable[[bytes], list[Diagnostic]],
) -> FixOutcome:
    """Apply the fixes of ``diagnostics`` to ``data`` round after round, linting again with
    ``relint`` after each, until nothing more can be fixed.

    A fix must never make the document worse: no rule code may be reported more often than
    it was before fixing.  A rename can reveal a problem that the unknown name hid (a bad
    value, a verb that can no longer run); such a fix is withheld, its diagnostic stays, and
    ``fix_withheld`` says which problem applying it would reveal, so that the report never
    promises a fix that ``--fix`` then does not make.
    """
    before = text_the_rules_saw(data)
    encoding = encoding_of(data, before)
    if encoding is None:
        return FixOutcome(
            before, before, data, 0,
            _withhold(diagnostics, {}, "the file's encoding would not be written back exactly"),
        )  # fmt: skip
    baseline = Counter(d.code for d in diagnostics)
    text = before
    applied_total = 0
    reasons: dict[Diagnostic, str] = {}
    for _ in range(MAX_ROUNDS):
        reasons = {}
        candidate, applied = apply_fixes(text, diagnostics)
        if not applied:
            break
        encoded = candidate.encode(encoding)
        found = relint(encoded)
        if _revealed(found, baseline):  # fall back to one fix at a time, keeping harmless ones
            applied = 0
            for diagnostic in sorted(diagnostics):
                if diagnostic.fix is None:
                    continue
                single, count = apply_fixes(text, [diagnostic])
                if not count:
                    reasons[diagnostic] = "its edit does not apply to the text"
                    continue
                single_encoded = single.encode(encoding)
                single_found = relint(single_encoded)
                revealed = _revealed(single_found, baseline)
                if revealed:
                    reasons[diagnostic] = f"applying it would reveal {revealed}; fix it by hand"
                    continue
                candidate, encoded, found, applied = single, single_encoded, single_found, 1
                break
            if not applied:
                break
        text, data, diagnostics = candidate, encoded, found
        applied_total += applied
    else:
        reasons = {}
        default = f"still changing after {MAX_ROUNDS} rounds of fixes"
        return FixOutcome(
            before, text, data, applied_total, _withhold(diagnostics, reasons, default)
        )
    return FixOutcome(
        before, text, data, applied_total,
        _withhold(diagnostics, reasons, "its edit overlaps another fix"),
    )  # fmt: skip


def _revealed(found: list[Diagnostic], baseline: Counter[str]) -> str:
    """The first problem ``found`` has more of than ``baseline`` ("" when none), in words."""
    extra = Counter(d.code for d in found) - baseline
    for diagnostic in sorted(found):
        if extra[diagnostic.code]:
            return f"{diagnostic.code} {diagnostic.name} at {diagnostic.line}:{diagnostic.column}"
    return ""


def _withhold(
    diagnostics: list[Diagnostic], reasons: Mapping[Diagnostic, str], default: str
) -> list[Diagnostic]:
    """``diagnostics`` with every remaining fix removed and the reason it is withheld."""
    return [
        d if d.fix is None else d.replace(fix=None, fix_withheld=reasons.get(d, default))
        for d in diagnostics
    ]


def text_the_rules_saw(data: bytes) -> str:
    """``data`` decoded as the rules decoded it (``Context.text``: by the declared encoding),
    so that their fixes' offsets point at the right characters.  Decoded without the tree, a
    document declaring UTF-7 read differently and --fix wrote edits one character off."""
    from bxmlkit._parser import decode_for_positions, parse
    from bxmlkit.errors import BxmlParseError

    try:
        root = parse(data).root
    except BxmlParseError:
        root = None
    return decode_for_positions(data, root)

"""The engine: runs the selected rules on a document and turns findings into diagnostics.

The engine, not the rules, attaches codes and severities, applies selection, per-file
ignores and inline suppressions, computes exact positions (only for what is reported), and
turns a crashing rule into a BX900 diagnostic instead of a traceback.  ``lint_bytes``
never raises.

For many files, ``lint_paths`` spreads the work over the machine's cores with a process
pool, once the number of files makes the pool's start-up cost worth paying.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from bxmlkit.errors import BxmlParseError
from bxmlkit.lint.config import Config
from bxmlkit.lint.diagnostic import Diagnostic, Severity
from bxmlkit.lint.fix import fix_until_stable
from bxmlkit.lint.rule import CONTEXTS, Context, Finding, Rule
from bxmlkit.lint.rules import REGISTRY, spellings
from bxmlkit.lint.suppressions import Suppressions, parse_suppressions

if TYPE_CHECKING:
    from bxmlkit._parser import ParsedDocument

__all__ = ["FileResult", "lint_bytes", "lint_file", "lint_paths", "resolve_context"]

_META = ("BX900", "BX901", "BX902")
_INSTANCES: dict[str, Rule[Any]] = {}
_DEFAULT = Config()
#: Below this many files a process pool costs more than it saves (measured, see benchmarks).
PARALLEL_THRESHOLD = 256


#: One step of a plan: the rule instance, its class, its options, whether it has a quick reject.
_Step = tuple[Rule[Any], type[Rule[Any]], Any, bool]
_PLANS: dict[int, tuple[Config, frozenset[str], list[_Step]]] = {}


def _plan(config: Config, path: str) -> tuple[frozenset[str], list[_Step]]:
    """The enabled codes and the steps to run, cached per configuration."""
    cached = _PLANS.get(id(config))
    if cached is None or cached[0] is not config:
        enabled = config.enabled_codes()
        steps = [
            (
                _instance(code),
                REGISTRY[code],
                config.options_for(REGISTRY[code]),
                _prefiltered(REGISTRY[code]),
            )
            for code in sorted(enabled)
            if code not in _META
        ]
        if len(_PLANS) > 64:
            _PLANS.clear()
        cached = _PLANS[id(config)] = (config, enabled, steps)
    _, enabled, steps = cached
    if config.per_file_ignores:
        enabled = config.enabled_codes(path)
        steps = [step for step in steps if step[1].code in enabled]
    return enabled, steps


def _prefiltered(rule: type[Rule[Any]]) -> bool:
    """True when the rule has a quick reject (needles or its own ``applies``)."""
    own = rule.applies.__func__ is not Rule.applies.__func__  # type: ignore[attr-defined]
    return bool(rule.needles or rule.needles_nocase or own)


def _instance(code: str) -> Rule[Any]:
    rule = _INSTANCES.get(code)
    if rule is None:
        rule = _INSTANCES[code] = REGISTRY[code]()
    return rule


#: Rules' quick rejects (``Rule.needles``); tests turn them off to prove they change nothing.
PREFILTER = True
_ASCII_COMPATIBLE = frozenset(
    ("utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1", "windows-1252",
     "cp1252", "iso-8859-15")
)  # fmt: skip


def _haystack(data: bytes, document: ParsedDocument | None) -> bytes | None:
    """``data`` when the rules' byte needles can be trusted on it, else None."""
    if document is None or b"&#" in data or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None
    encoding = document.root.getroottree().docinfo.encoding
    if encoding and encoding.lower() not in _ASCII_COMPATIBLE:
        return None
    return data


def resolve_context(configured: str, root_tag: str | None) -> str:
    """The context to lint in: ``auto`` becomes ``update-call`` for a ``<Bxml>`` root."""
    if configured != "auto":
        return configured
    return "update-call" if root_tag == "Bxml" else "webhook"


def lint_bytes(
    data: bytes,
    *,
    path: str = "<bytes>",
    config: Config | None = None,
    context: str | None = None,
    from_text: bool = False,
    size: int | None = None,
) -> list[Diagnostic]:
    """Lint one document given as bytes; never raises.

    ``context`` (when given) overrides the configuration's context for this document; a
    ``<!-- bxmlkit: context=... -->`` comment in the document overrides both.  ``size`` is
    the document's real size when ``data`` is only its beginning (a file over the parser's
    limit is not read whole).
    """
    try:
        return _lint(data, path, config or _DEFAULT, context, from_text, size)
    except Exception as exc:
        return [
            Diagnostic(
                path, 1, 1, "BX900", "internal-error", Severity.ERROR,
                f"the linter failed on this document ({type(exc).__name__}: {exc}); "
                "please report it",
            )
        ]  # fmt: skip


def _lint(
    data: bytes,
    path: str,
    config: Config,
    context: str | None,
    from_text: bool,
    size: int | None = None,
) -> list[Diagnostic]:
    from bxmlkit._parser import parse

    enabled, steps = _plan(config, path)
    document = None
    parse_error: BxmlParseError | None = None
    try:
        document = parse(data, source=path, from_text=from_text)
    except BxmlParseError as exc:
        parse_error = exc
    root_tag = None
    if document is not None and isinstance(document.root.tag, str):
        root_tag = document.root.tag
    ctx = Context(path=path, data=data, document=document, parse_error=parse_error, context="")
    if size is not None:
        ctx.size = size

    suppressions = Suppressions([], [])
    if b"bxmlkit" in data:
        suppressions = parse_suppressions(ctx.text, spellings())
    configured = context or config.context_for(path)
    if suppressions.context in CONTEXTS:
        configured = suppressions.context
    ctx.context = resolve_context(configured, root_tag)

    diagnostics: list[Diagnostic] = []
    haystack = _haystack(data, document)
    lower = haystack.lower() if haystack is not None else None
    for rule, rule_type, options, prefiltered in steps:
        if rule_type.needs_tree and document is None:
            continue
        if (
            prefiltered
            and haystack is not None
            and PREFILTER
            and not rule_type.applies(haystack, lower or b"")
        ):
            continue
        code = rule_type.code
        try:
            findings = list(rule.check(ctx, options))
        except Exception as exc:
            if "BX900" in enabled:
                diagnostics.append(
                    _diagnostic(
                        ctx, REGISTRY["BX900"], config,
                        Finding(f"rule {code} ({rule_type.name}) crashed: "
                                f"{type(exc).__name__}: {exc}", line=1, column=1),
                    )
                )  # fmt: skip
            continue
        for finding in findings:
            diagnostics.append(_diagnostic(ctx, rule_type, config, finding))

    if suppressions.directives:
        diagnostics = _suppress(ctx, config, enabled, suppressions, diagnostics)
    diagnostics.sort()
    return diagnostics


def _diagnostic(
    ctx: Context, rule: type[Rule[Any]], config: Config, finding: Finding
) -> Diagnostic:
    line, column = ctx.position(finding)
    return Diagnostic(
        path=ctx.path,
        line=line,
        column=column,
        code=rule.code,
        name=rule.name,
        severity=config.severity_of(rule),
        message=finding.message,
        fix=finding.fix,
    )


def _suppress(
    ctx: Context,
    config: Config,
    enabled: frozenset[str],
    suppressions: Suppressions,
    diagnostics: list[Diagnostic],
) -> list[Diagnostic]:
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        directive = suppressions.suppressing(diagnostic.code, diagnostic.line)
        if directive is None:
            kept.append(diagnostic)
        else:
            directive.used.add(diagnostic.code)
    if "BX901" in enabled:
        for directive in suppressions.directives:
            problems = []
            if directive.error:
                problems.append(directive.error)
            if directive.unknown:
                names = ", ".join(repr(u) for u in directive.unknown)
                problems.append(f"unknown rule code {names}; `bxmlkit rules` lists them")
            if directive.scope == "context":
                value = directive.codes[0] if directive.codes else ""
                if value not in CONTEXTS or len(directive.codes) != 1:
                    problems.append(
                        f"unknown context {','.join(directive.codes)!r}; allowed: "
                        f"{', '.join(CONTEXTS)}"
                    )
            for problem in problems:
                kept.append(_diagnostic(ctx, REGISTRY["BX901"], config, Finding(
                    f"invalid suppression comment: {problem}",
                    line=directive.line, column=directive.column)))  # fmt: skip
    if "BX902" in enabled or config.report_unused_suppressions:
        for directive in suppressions.directives:
            if directive.scope in ("enable", "context") or directive.error:
                continue
            unused = [c for c in directive.codes if c not in directive.used and c in enabled]
            if unused:
                kept.append(_diagnostic(ctx, REGISTRY["BX902"], config, Finding(
                    f"unused suppression: {', '.join(unused)} reported nothing here",
                    line=directive.line, column=directive.column)))  # fmt: skip
    return kept


# -- files ----------------------------------------------------------------------------------
class FileResult:
    """The outcome of linting one file.

    ``lines`` maps the 1-based line numbers that diagnostics point at to their text;
    ``fixed`` is (text before, text after) when fixes changed the file; ``error`` is an I/O
    problem (the file could not be read or written; exit code 2).
    """

    __slots__ = ("diagnostics", "error", "fixed", "fixes_applied", "lines", "path")

    def __init__(self, path: str, diagnostics: list[Diagnostic] | None = None) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = diagnostics if diagnostics is not None else []
        self.lines: dict[int, str] = {}
        self.fixed: tuple[str, str] | None = None
        self.fixes_applied = 0
        self.error = ""


def lint_file(
    path: str,
    config: Config,
    *,
    data: bytes | None = None,
    context: str | None = None,
    fix: bool = False,
    write: bool = True,
) -> FileResult:
    """Lint one file (``data`` for standard input), optionally fixing it."""
    from bxmlkit._parser import decode_for_positions, read_file
    from bxmlkit.errors import SourceError

    result = FileResult(path)
    size: int | None = None
    if data is None:
        try:
            data, size = read_file(path, partial=True)
        except SourceError as exc:
            result.error = str(exc)
            return result
    diagnostics = lint_bytes(data, path=path, config=config, context=context, size=size)
    whole = size is None or size == len(data)  # never write back part of a file
    if whole and any(d.fix for d in diagnostics):
        # Plain lint runs the fix loop too (writing nothing), so that ``[*]`` marks only the
        # fixes that --fix will apply and a withheld fix is reported with its reason.
        outcome = fix_until_stable(
            data,
            diagnostics,
            lambda candidate: lint_bytes(candidate, path=path, config=config, context=context),
        )
        if fix:
            result.fixes_applied = outcome.applied
            data, diagnostics = outcome.data, outcome.diagnostics
            if outcome.after != outcome.before:
                result.fixed = (outcome.before, outcome.after)
                if write and path != "-":
                    try:
                        with open(path, "wb") as handle:
                            handle.write(data)
                    except OSError as exc:
                        result.error = f"{path}: cannot write: {exc.strerror or exc}"
        else:
            diagnostics = _mark_withheld(diagnostics, outcome.withheld())
    result.diagnostics = diagnostics
    if diagnostics:
        text = decode_for_positions(data)
        all_lines = text.splitlines()
        for diagnostic in diagnostics:
            if 0 < diagnostic.line <= len(all_lines):
                result.lines[diagnostic.line] = all_lines[diagnostic.line - 1]
    return result


def _mark_withheld(
    diagnostics: list[Diagnostic], withheld: dict[tuple[str, str], list[str]]
) -> list[Diagnostic]:
    """``diagnostics`` of the unfixed text, each fix that --fix withholds replaced by its
    reason (matched by code and message: fixes applied before it may have moved it)."""
    marked = []
    for diagnostic in diagnostics:
        reasons = withheld.get((diagnostic.code, diagnostic.message))
        if diagnostic.fix is not None and reasons:
            diagnostic = diagnostic.replace(fix=None, fix_withheld=reasons.pop(0))
        marked.append(diagnostic)
    return marked


def _work(batch: Sequence[tuple[str, Config]], context: str | None, fix: bool,
          write: bool) -> list[FileResult]:  # fmt: skip
    return [lint_file(p, c, context=context, fix=fix, write=write) for p, c in batch]


def lint_paths(
    files: Sequence[tuple[str, Config]],
    *,
    context: str | None = None,
    fix: bool = False,
    write: bool = True,
    jobs: int | None = None,
) -> Iterator[FileResult]:
    """Lint ``(path, config)`` pairs, in parallel when there are enough of them.

    ``jobs`` is the number of worker processes (default: every core; the load average was
    tried and dropped: it mostly measured bxmlkit's own previous runs and made the choice
    erratic);
    below ``PARALLEL_THRESHOLD`` files everything runs in this process.

    Results come back in the order of ``files``.
    """
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(files) < PARALLEL_THRESHOLD:
        for path, config in files:
            yield lint_file(path, config, context=context, fix=fix, write=write)
        return
    yield from _parallel(files, workers, lambda batch: (batch, context, fix, write))


def _parallel(
    files: Sequence[tuple[str, Config]],
    workers: int,
    args: Callable[[Sequence[tuple[str, Config]]], tuple[Any, ...]],
) -> Iterator[FileResult]:
    import gc
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if threading.active_count() == 1 and hasattr(os, "fork") else None
    mp_context = multiprocessing.get_context(method)
    size = max(1, -(-len(files) // (workers * 4)))
    batches = [files[i : i + size] for i in range(0, len(files), size)]
    if method == "fork":
        gc.freeze()  # forked workers share the parent's objects without copying their pages
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=mp_context) as pool:
            futures = [pool.submit(_work, *args(batch)) for batch in batches]
            for future in futures:
                yield from future.result()
    finally:
        if method == "fork":
            gc.unfreeze()

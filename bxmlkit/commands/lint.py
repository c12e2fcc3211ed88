"""``bxmlkit lint [PATH|-]...``: lint BXML files, directories and standard input.

Exit codes: 0 no finding at or above ``--fail-on``; 1 findings; 2 usage, configuration or
I/O error.  Heavy work is imported inside ``run`` so that ``bxmlkit --help`` stays fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

from bxmlkit.commands._common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    STDIN,
    find_documents,
    plural,
    print_error,
)

if TYPE_CHECKING:
    from bxmlkit.lint.config import Config
    from bxmlkit.lint.engine import FileResult

__all__ = ["register", "run"]

FORMAT_CHOICES = ("auto", "text", "json", "sarif", "github")


def _codes(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def register(subparsers: Any) -> None:
    """Add the ``lint`` subcommand."""
    parser = subparsers.add_parser(
        "lint",
        help="lint BXML documents (files, directories, - for standard input)",
        description=(
            "Lint BXML documents. Directories are searched recursively for *.xml and *.bxml "
            "files (configurable). Exit codes: 0 clean, 1 problems at or above --fail-on, "
            "2 usage, configuration or I/O error."
        ),
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files, directories, or -")
    parser.add_argument(
        "--format",
        choices=FORMAT_CHOICES,
        default="auto",
        help="output format; auto = github under GitHub Actions, else text",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE")
    parser.add_argument(
        "--select",
        type=_codes,
        action="append",
        metavar="CODES",
        help="only these rules (codes, prefixes, names, ALL)",
    )
    parser.add_argument(
        "--extend-select",
        type=_codes,
        action="append",
        metavar="CODES",
        help="add rules to the selection (e.g. BX902)",
    )
    parser.add_argument(
        "--ignore", type=_codes, action="append", metavar="CODES", help="skip these rules"
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    parser.add_argument(
        "--context",
        choices=("auto", "webhook", "transfer-answer", "conference", "update-call"),
        help="what the documents are for (default: auto, from the root element)",
    )
    parser.add_argument("--config", metavar="FILE", help="use this configuration file")
    parser.add_argument("--isolated", action="store_true", help="ignore configuration files")
    parser.add_argument("--fix", action="store_true", help="apply the safe fixes in place")
    parser.add_argument(
        "--diff", action="store_true", help="show the safe fixes as a diff, write nothing"
    )
    parser.add_argument(
        "--report-unused-suppressions",
        action="store_true",
        help="report bxmlkit: comments that suppress nothing (BX902)",
    )
    parser.add_argument(
        "--include",
        type=_codes,
        action="append",
        metavar="GLOBS",
        help="file name globs to lint in directories (default *.xml,*.bxml)",
    )
    parser.add_argument(
        "--exclude",
        type=_codes,
        action="append",
        metavar="GLOBS",
        help="names or paths to skip in directories",
    )
    parser.add_argument(
        "--stdin-filename", metavar="NAME", help="name of the document read from standard input"
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (auto: on a terminal, unless NO_COLOR)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help="worker processes for many files (default: all cores)",
    )
    parser.set_defaults(func=run)


def _flatten(values: list[list[str]] | None) -> list[str] | None:
    if values is None:
        return None
    return [item for group in values for item in group]


class _Settings:
    """Configuration lookup per file, with the command-line flags applied on top."""

    def __init__(self, args: argparse.Namespace) -> None:
        from bxmlkit.lint.config import Config, ConfigError, _Checker, load_config

        self.args = args
        self._by_dir: dict[str, Config] = {}
        self._by_file: dict[str, Config] = {}
        checker = _Checker("command line", "--")
        self.overrides: dict[str, Any] = {}
        select = _flatten(args.select)
        if select is not None:
            self.overrides["select"] = tuple(checker.selector("select", s) for s in select)
        self.extend_select = tuple(
            checker.selector("extend-select", s) for s in _flatten(args.extend_select) or ()
        )
        self.ignore = tuple(checker.selector("ignore", s) for s in _flatten(args.ignore) or ())
        if args.fail_on:
            self.overrides["fail_on"] = args.fail_on
        if args.report_unused_suppressions:
            self.overrides["report_unused_suppressions"] = True
        if args.include:
            self.overrides["include"] = tuple(_flatten(args.include) or ())
        self.exclude = tuple(_flatten(args.exclude) or ())
        self.explicit: Config | None = None
        if args.config and not args.isolated:
            from pathlib import Path

            if not os.path.isfile(args.config):
                raise ConfigError("no such file", source=args.config)
            self.explicit = self._apply(load_config(Path(args.config)))
        self.default = self._apply(Config())

    def _apply(self, config: Config) -> Config:
        changes = dict(self.overrides)
        if self.extend_select:
            changes["extend_select"] = config.extend_select + self.extend_select
        if self.ignore:
            changes["ignore"] = config.ignore + self.ignore
        if self.exclude:
            changes["exclude"] = config.exclude + self.exclude
        return config.replace(**changes)

    def for_path(self, path: str) -> Config:
        """The configuration for a file (or directory) path."""
        from bxmlkit.lint.config import find_config_file, load_config

        if self.explicit is not None:
            return self.explicit
        if self.args.isolated:
            return self.default
        directory = (
            os.path.dirname(os.path.abspath(path))
            if not os.path.isdir(path)
            else (os.path.abspath(path))
        )
        found = self._by_dir.get(directory)
        if found is None:
            config_file = find_config_file(directory)
            if config_file is None:
                found = self.default
            else:
                key = str(config_file)
                found = self._by_file.get(key)
                if found is None:
                    found = self._by_file[key] = self._apply(load_config(config_file))
            self._by_dir[directory] = found
        return found


def _use_color(args: argparse.Namespace, stream: Any) -> bool:
    if args.color != "auto":
        return bool(args.color == "always")
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def run(args: argparse.Namespace) -> int:
    """Lint, report, and return the exit code."""
    from bxmlkit.lint.config import ConfigError

    try:
        return _run(args)
    except ConfigError as exc:
        print_error(f"configuration error: {exc}", command="lint")
        return EXIT_ERROR


def _run(args: argparse.Namespace) -> int:
    from bxmlkit.lint.engine import lint_file, lint_paths
    from bxmlkit.lint.fix import unified_diff
    from bxmlkit.lint.output import Report, render

    settings = _Settings(args)
    if args.jobs is not None and args.jobs < 1:
        print_error("--jobs must be 1 or more", command="lint")
        return EXIT_ERROR

    def patterns(directory: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        config = settings.for_path(directory)
        return config.include, config.exclude

    inputs = find_documents(args.paths or ["."], patterns=patterns)
    problems = list(inputs.errors)
    files: list[tuple[str, Config]] = []
    stdin_position = -1
    for path in inputs.files:
        if path == STDIN:
            stdin_position = len(files)
        else:
            files.append((path, settings.for_path(path)))

    fix = bool(args.fix or args.diff)
    write = bool(args.fix and not args.diff)
    results: list[FileResult] = list(
        lint_paths(files, context=args.context, fix=fix, write=write, jobs=args.jobs)
    )
    if stdin_position >= 0:
        name = args.stdin_filename or "<stdin>"
        config = settings.for_path(args.stdin_filename or os.path.join(os.getcwd(), "stdin"))
        data = sys.stdin.buffer.read()
        stdin_result = lint_file(
            name, config, data=data, context=args.context, fix=fix, write=False
        )
        results.insert(stdin_position, stdin_result)
        if args.fix and not args.diff and stdin_result.fixed is not None:
            sys.stdout.write(stdin_result.fixed[1])
            sys.stdout.flush()

    for result in results:
        if result.error:
            problems.append(result.error)
    for problem in problems:
        print_error(problem, command="lint")

    output_format = args.format
    if output_format == "auto":
        output_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    stream = sys.stdout
    if args.diff:
        changed = [r for r in results if r.fixed is not None]
        for result in changed:
            assert result.fixed is not None
            stream.write(unified_diff(result.path, *result.fixed))
        count = sum(r.fixes_applied for r in changed)
        for result in results:
            for diagnostic in result.diagnostics:
                if diagnostic.fix_withheld:
                    print(
                        f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}: "
                        f"{diagnostic.code} fix withheld: {diagnostic.fix_withheld}",
                        file=sys.stderr,
                    )
        print(
            f"Would fix {plural(count, 'problem')} in {plural(len(changed), 'file')}.",
            file=sys.stderr,
        )
        return EXIT_ERROR if problems else (EXIT_FINDINGS if changed else EXIT_OK)
    linted = [r for r in results if not r.error]
    if problems and not linted and output_format == "text":
        return EXIT_ERROR  # nothing was linted: no report, above all no "All checks passed"
    fixed = sum(r.fixes_applied for r in results) if args.fix and not args.diff else 0
    configs = {id(cfg): cfg for _, cfg in files} or {0: settings.default}
    ran = sorted({code for cfg in configs.values() for code in cfg.enabled_codes()})
    report = Report(
        results=linted,
        unreadable=len(problems),
        color=output_format == "text" and args.output is None and _use_color(args, stream),
        fixed=fixed,
        rule_codes=ran,
    )
    text = render(report, output_format)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as exc:
            print_error(f"{args.output}: cannot write: {exc.strerror}", command="lint")
            return EXIT_ERROR
    elif not (args.fix and stdin_position >= 0 and output_format == "text"):
        stream.write(text)
    else:
        sys.stderr.write(text)
    if problems:
        return EXIT_ERROR
    return EXIT_FINDINGS if _failing(results, settings, files) else EXIT_OK


def _failing(
    results: list[FileResult], settings: _Settings, files: list[tuple[str, Config]]
) -> bool:
    from bxmlkit.lint.diagnostic import Severity

    levels = {"error": 2, "warning": 1, "info": 0, "never": 99}
    configs = dict(files)
    for result in results:
        config = configs.get(result.path, settings.default)
        threshold = levels[config.fail_on]
        if any(d.severity.rank >= threshold for d in result.diagnostics):
            return True
    del Severity
    return False

"""The ``bxmlkit`` command line.

Each subcommand lives in its own module under ``bxmlkit.commands`` and exposes
``register(subparsers)``; heavy imports happen inside the command's ``run`` so that
``bxmlkit lint`` does not pay for pydantic or httpx.  Exit codes are the same for every
command: 0 success, 1 problems found in the documents, 2 usage, configuration or I/O error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from bxmlkit._version import __version__

__all__ = ["main"]

#: Subcommand name -> the module that registers it, in the order ``--help`` lists them.
_COMMANDS = {
    "lint": "bxmlkit.commands.lint",
    "rules": "bxmlkit.commands.rules",
    "rule": "bxmlkit.commands.rules",
    "fmt": "bxmlkit.commands.fmt",
    "validate": "bxmlkit.commands.validate",
    "check": "bxmlkit.commands.check",
    "diff": "bxmlkit.commands.diff",
    "schema": "bxmlkit.commands.schema",
    "simulate": "bxmlkit.commands.simulate",
}


def _terminal_width() -> int:
    """The width ``argparse`` wraps help to, as ``shutil.get_terminal_size()`` gives it
    (``$COLUMNS``, else the terminal's, else 80; minus 2), without importing ``shutil``:
    its import (bz2, lzma, fnmatch) is about 3 ms of every start-up, and ``argparse``
    creates a formatter, so asks, for every ``add_argument``."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0 and sys.__stdout__ is not None:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):  # not a terminal, or no real file
            columns = 0
    return (columns or 80) - 2


class _HelpFormatter(argparse.HelpFormatter):
    """``argparse``'s formatter, told the terminal width (see ``_terminal_width``)."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        super().__init__(
            prog, indent_increment, max_help_position, _terminal_width() if width is None else width
        )


class _ArgumentParser(argparse.ArgumentParser):
    """``argparse.ArgumentParser`` whose help formatter defaults to ``_HelpFormatter`` (for the
    subcommands' parsers too)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with ``command``, only that subcommand's module is imported
    (start-up time matters for ``bxmlkit lint`` in pre-commit hooks)."""
    import importlib

    parser = _ArgumentParser(
        prog="bxmlkit",
        description="Models, schema, linter and client for Bandwidth BXML.",
    )
    parser.add_argument("--version", action="version", version=f"bxmlkit {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = (
        [_COMMANDS[command]] if command in _COMMANDS else list(dict.fromkeys(_COMMANDS.values()))
    )
    for name in modules:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in arguments if not a.startswith("-")), None)
    parser = build_parser(first)
    try:
        args = parser.parse_args(arguments)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help/--version
        return int(exc.code or 0)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

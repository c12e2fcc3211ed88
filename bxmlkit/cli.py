"""The ``bxmlkit`` command line.

Each subcommand lives in its own module under ``bxmlkit.commands`` and exposes
``register(subparsers)``; heavy imports happen inside the command's ``run`` so that
``bxmlkit lint`` does not pay for pydantic or httpx.  Exit codes are the same for every
command: 0 success, 1 problems found in the documents, 2 usage, configuration or I/O error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from bxmlkit._version import __version__

__all__ = ["main"]

#: Subcommand modules, in the order ``--help`` lists them.
_COMMANDS = (
    "bxmlkit.commands.lint",
    "bxmlkit.commands.rules",
    "bxmlkit.commands.validate",
    "bxmlkit.commands.check",
    "bxmlkit.commands.schema",
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    import importlib

    parser = argparse.ArgumentParser(
        prog="bxmlkit",
        description="Models, schema, linter and client for Bandwidth BXML.",
    )
    parser.add_argument("--version", action="version", version=f"bxmlkit {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMANDS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
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

"""``bxmlkit validate FILE...``: check BXML documents against the bundled XSD.

Prints ``path:line:column: message`` for each violation on standard output.  A file that
cannot be read, or is not well-formed XML, is reported on standard error in the same form.
Exit codes: 0 every file is valid; 1 at least one violation; 2 a file could not be read or
parsed, or the XSD could not be loaded (2 wins over 1).  ``-`` reads standard input.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    """Add the ``validate`` subcommand."""
    parser = subparsers.add_parser(
        "validate",
        help="check BXML files against the bundled XSD (- for standard input)",
        description=(
            "Validate BXML documents against the XSD shipped with bxmlkit and print "
            "path:line:column: message for every violation. Exit codes: 0 valid, "
            "1 violations, 2 a file cannot be read or is not XML."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="BXML files, or - for stdin")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Validate every file; returns the exit code."""
    from pathlib import Path

    from bxmlkit import schema
    from bxmlkit.errors import BxmlParseError, SchemaLoadError, SourceError

    status = 0
    out = sys.stdout
    for name in args.files:
        source: Any = sys.stdin.buffer if name == "-" else Path(name)
        shown = "<stdin>" if name == "-" else name
        try:
            violations = schema.validate(source)
        except SchemaLoadError as exc:
            print(f"bxmlkit validate: {exc}", file=sys.stderr)
            return 2
        except BxmlParseError as exc:
            print(f"{shown}:{exc.line}:{exc.column}: {exc.message}", file=sys.stderr)
            status = 2
            continue
        except SourceError as exc:
            print(f"{shown}: {exc.message}", file=sys.stderr)
            status = 2
            continue
        for violation in violations:
            out.write(f"{shown}:{violation.line}:{violation.column}: {violation.message}\n")
        if violations and status == 0:
            status = 1
    out.flush()
    return status

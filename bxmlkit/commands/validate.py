"""``bxmlkit validate PATH...``: check BXML documents against the bundled XSD.

Prints ``path:line:column: message`` for each violation on standard output.  A file that
cannot be read, or is not well-formed XML, is reported on standard error in the same form.
Directories are searched for ``*.xml`` and ``*.bxml`` files; ``-`` reads standard input.
Exit codes: 0 every file is valid; 1 at least one violation; 2 a path is missing, unreadable
or holds no documents, a file is not XML, or the XSD could not be loaded (2 wins over 1).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bxmlkit.commands._common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    find_documents,
    label,
    parse_error_line,
    print_error,
    read_document,
)

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    """Add the ``validate`` subcommand."""
    parser = subparsers.add_parser(
        "validate",
        help="check BXML files against the bundled XSD (- for standard input)",
        description=(
            "Validate BXML documents against the XSD shipped with bxmlkit and print "
            "path:line:column: message for every violation. Directories are searched for "
            "*.xml and *.bxml files. Exit codes: 0 valid, 1 violations, 2 a path is missing, "
            "unreadable or holds no documents, or a file is not XML."
        ),
    )
    parser.add_argument(
        "files", nargs="+", metavar="PATH", help="BXML files, directories, or - for stdin"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Validate every file; returns the exit code."""
    from bxmlkit import schema
    from bxmlkit.errors import BxmlParseError, SchemaLoadError, SourceError

    inputs = find_documents(args.files)
    status = EXIT_OK
    for problem in inputs.errors:
        print_error(problem, command="validate")
        status = EXIT_ERROR
    out = sys.stdout
    for path in inputs.files:
        shown = label(path)
        try:
            violations = schema.validate(read_document(path))
        except SchemaLoadError as exc:
            print_error(str(exc), command="validate")
            return EXIT_ERROR
        except SourceError as exc:
            print_error(f"{shown}: {exc.message}")
            status = EXIT_ERROR
            continue
        except BxmlParseError as exc:
            print_error(parse_error_line(path, exc))
            status = EXIT_ERROR
            continue
        for violation in violations:
            out.write(f"{shown}:{violation.line}:{violation.column}: {violation.message}\n")
        if violations:
            status = max(status, EXIT_FINDINGS)
    out.flush()
    return status

"""``bxmlkit check``: parse every document into models, check it, and re-serialize it.

Prints one line per file: ``ok`` with the root and verb count, or the located error.
``--print`` writes the re-serialized document to standard output.  ``--write-back`` (``-w``)
is kept for existing scripts as an alias of ``bxmlkit fmt`` for the valid files: the same
canonical form, the same guarantee that nothing (no comment) is lost.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bxmlkit.commands._common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    STDIN,
    find_documents,
    label,
    parse_error_line,
    plural,
    print_error,
    read_document,
)

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    """Add the ``check`` subcommand."""
    parser = subparsers.add_parser(
        "check",
        help="parse documents into models, check and re-serialize them",
        description=(
            "Parse each BXML document into typed models (which checks every element, "
            "attribute and value) and serialize it back. Directories are searched for "
            "*.xml and *.bxml files. Exit codes: 0 valid, 1 invalid documents, 2 a path "
            "is missing, unreadable or holds no documents."
        ),
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="files or directories ('-' = stdin)"
    )
    parser.add_argument("--print", action="store_true", help="print the re-serialized documents")
    parser.add_argument(
        "-w",
        "--write-back",
        action="store_true",
        help="rewrite valid files in canonical form (same as `bxmlkit fmt`)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Check every document; returns the exit code."""
    from bxmlkit.codec import from_xml, to_xml
    from bxmlkit.commands.fmt import FormatError, format_document
    from bxmlkit.errors import BxmlParseError, SourceError

    inputs = find_documents(args.paths)
    status = EXIT_OK
    for problem in inputs.errors:
        print_error(problem, command="check")
        status = EXIT_ERROR
    for path in inputs.files:
        try:
            data = read_document(path)
            document = from_xml(data)
        except SourceError as exc:
            print_error(f"{label(path)}: {exc.message}")
            status = EXIT_ERROR
            continue
        except BxmlParseError as exc:
            print(parse_error_line(path, exc))
            status = max(status, EXIT_FINDINGS)
            continue
        if args.print:
            sys.stdout.write(to_xml(document, pretty=True).decode("utf-8"))
        if args.write_back and path != STDIN:
            try:
                formatted = format_document(data)
                if formatted != data:
                    with open(path, "wb") as handle:
                        handle.write(formatted)
            except FormatError as exc:
                print_error(f"{path}: cannot format: {exc}")
                status = EXIT_ERROR
            except OSError as exc:
                print_error(f"{path}: cannot write: {exc.strerror or exc}")
                status = EXIT_ERROR
        print(
            f"ok {label(path)}: <{document.xml_tag}> with "
            f"{plural(len(list(document.iter_children())), 'verb')}",
            file=sys.stderr if args.print else sys.stdout,
        )
    return status

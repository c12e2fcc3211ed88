"""``bxmlkit diff A B``: the semantic differences between two BXML documents.

Prints one line per difference, each with its location (``/Response/Gather[1]/@maxDigits:
1 != 3``, ``/Response/Hangup[1]: added <Hangup/>``).  Formatting, attribute order, quoting,
character references and number spelling are not differences.  Exit codes: 0 the same
BXML, 1 different, 2 a document could not be read or is not valid BXML.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "diff",
        help="show the semantic differences between two BXML documents",
        description=(
            "Compare two BXML documents as models and print each difference with its "
            "location. Exit 0 when they are the same BXML, 1 when they differ, 2 when a "
            "document cannot be read or is not valid BXML."
        ),
    )
    parser.add_argument("old", metavar="A", help="the first document ('-' = stdin)")
    parser.add_argument("new", metavar="B", help="the second document ('-' = stdin)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from bxmlkit._diff import diff_elements
    from bxmlkit.codec import from_xml
    from bxmlkit.errors import BxmlParseError, SourceError

    if args.old == "-" and args.new == "-":
        print("bxmlkit diff: only one of the documents can be standard input", file=sys.stderr)
        return 2
    documents = []
    for name in (args.old, args.new):
        shown = "<stdin>" if name == "-" else name
        try:
            documents.append(from_xml(sys.stdin.buffer.read() if name == "-" else Path(name)))
        except SourceError as exc:
            print(f"{shown}: {exc.message}", file=sys.stderr)
            return 2
        except BxmlParseError as exc:
            print(f"{shown}:{exc.line}:{exc.column}: {exc.message}", file=sys.stderr)
            return 2
    old_name = "<stdin>" if args.old == "-" else args.old
    new_name = "<stdin>" if args.new == "-" else args.new
    differences = diff_elements(documents[0], documents[1])
    if not differences:
        print(f"{old_name} and {new_name} are the same BXML")
        return 0
    print(f"--- {old_name}\n+++ {new_name}")
    for difference in differences:
        print(difference.describe(old_name, new_name, added="added", removed="removed"))
    count = len(differences)
    print(f"{count} difference{'s' if count != 1 else ''}")
    return 1

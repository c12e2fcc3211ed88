"""``bxmlkit schema``: print the bundled XSD, or with ``--path`` where it is installed.

The XSD imports ``xml.xsd`` from its own folder (for SSML's ``xml:lang``); tools outside
Python should use the installed path (or copy both files), not a lone copy of the text.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    """Add the ``schema`` subcommand."""
    parser = subparsers.add_parser(
        "schema",
        help="print the bundled BXML XSD, or its installed path with --path",
        description=(
            "Print the XSD that bxmlkit validates against. It imports xml.xsd from the same "
            "folder; point xmllint or your editor at the path that --path prints."
        ),
    )
    parser.add_argument(
        "--path", action="store_true", help="print the path of the installed bxml.xsd"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the XSD's path or text; returns the exit code."""
    from bxmlkit.errors import SchemaLoadError
    from bxmlkit.schema import schema_path

    try:
        path = schema_path()
        if args.path:
            sys.stdout.write(f"{path}\n")
        else:
            sys.stdout.write(path.read_text(encoding="utf-8"))
    except SchemaLoadError as exc:
        print(f"bxmlkit schema: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"bxmlkit schema: cannot read the XSD: {exc}", file=sys.stderr)
        return 2
    sys.stdout.flush()
    return 0

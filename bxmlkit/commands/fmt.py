"""``bxmlkit fmt [--check] [--diff] PATH...``: rewrite BXML documents in canonical form.

The canonical form is what ``to_xml(from_xml(document), pretty=True)`` writes: the XML
declaration, one element per line in element-only content, two spaces of indentation per
level, attributes in the models' fixed order with double quotes, text and SSML exactly as
they were (mixed content is never re-indented), lines ending as the document's first line
ends (LF, or CR LF as in a Windows checkout).  Formatting is idempotent: a formatted
document formats to itself.

Nothing is ever lost: the formatted document is parsed back and must give the same models,
and every comment of the original must be in it, in the same order, or the file is left as
it was and the command says why (exit code 2).

Exit codes: 0 every document is (now) formatted; 1 with ``--check`` or ``--diff``, some
document would be reformatted; 2 a path is missing or holds no documents, a document is not
valid BXML or cannot be formatted without losing something.
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

__all__ = ["FormatError", "format_document", "register", "run"]


class FormatError(Exception):
    """The document cannot be formatted without losing something; it is left unchanged."""


def register(subparsers: Any) -> None:
    """Add the ``fmt`` subcommand."""
    parser = subparsers.add_parser(
        "fmt",
        help="rewrite BXML documents in canonical, indented form (--check for CI)",
        description=(
            "Rewrite BXML documents in bxmlkit's canonical form: the XML declaration, one "
            "element per line indented by two spaces, attributes in a fixed order; text, SSML "
            "and comments are kept, and so are CR LF line endings. Directories are searched "
            "for *.xml and *.bxml files; '-' formats standard input to standard output. "
            "Exit codes: 0 formatted, 1 --check or --diff found a file to reformat, "
            "2 a path or document error."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or -")
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 when a file would be reformatted (for CI)",
    )
    parser.add_argument(
        "--diff",
        action="store_true",
        help="write nothing; print a unified diff of the changes (exit 1 when there are any)",
    )
    parser.set_defaults(func=run)


def _comments(data: bytes) -> list[str]:
    """The text of every comment in the document, in document order (also those before and
    after the root element)."""
    from lxml import etree

    from bxmlkit._parser import parse

    root = parse(data).root
    before = [n for n in root.itersiblings(preceding=True) if isinstance(n, etree._Comment)]
    after = [n for n in root.itersiblings() if isinstance(n, etree._Comment)]
    inside = [n for n in root.iter() if isinstance(n, etree._Comment)]
    return [str(n.text or "") for n in (*reversed(before), *inside, *after)]


def _uses_crlf(data: bytes) -> bool:
    """Whether the document's first line ends in CR LF (a Windows checkout): the formatted
    document keeps that line ending, as ruff format and black do.  XML parsers read CR LF as
    LF, so this is the only place that still sees it."""
    newline = data.find(b"\n")
    return newline > 0 and data[newline - 1 : newline] == b"\r"


def format_document(data: bytes) -> bytes:
    """``data`` (a BXML document) in canonical form.

    Raises ``BxmlParseError`` when it is not valid BXML, and ``FormatError`` when the
    canonical form would lose something (a comment, or anything the models do not keep).
    """
    from bxmlkit.codec import from_xml, to_xml

    document = from_xml(data)
    formatted = to_xml(document, pretty=True)
    if _uses_crlf(data):
        formatted = formatted.replace(b"\n", b"\r\n")
    if formatted == data:
        return data
    comments = _comments(data) if b"<!--" in data else []
    if comments and _comments(formatted) != comments:
        raise FormatError(
            f"it has {plural(len(comments), 'comment')}, which the canonical form would drop "
            "(a comment inside an element that holds only text or nothing has no place in the "
            "models); left unchanged so that no "
            "comment is lost"
        )
    if from_xml(formatted) != document:  # pragma: no cover - a codec bug; never write it
        raise FormatError("the canonical form does not read back to the same document")
    return formatted


def run(args: argparse.Namespace) -> int:
    """Format every document; returns the exit code."""
    from bxmlkit.errors import BxmlParseError, SourceError
    from bxmlkit.lint.fix import unified_diff

    inputs = find_documents(args.paths)
    status = EXIT_OK
    for problem in inputs.errors:
        print_error(problem, command="fmt")
        status = EXIT_ERROR
    write = not (args.check or args.diff)
    changed = unchanged = 0
    for path in inputs.files:
        try:
            data = read_document(path)
            formatted = format_document(data)
        except SourceError as exc:
            print_error(str(exc) if path != STDIN else f"{label(path)}: {exc.message}")
            status = EXIT_ERROR
            continue
        except BxmlParseError as exc:
            print_error(parse_error_line(path, exc))
            status = EXIT_ERROR
            continue
        except FormatError as exc:
            print_error(f"{label(path)}: cannot format: {exc}")
            status = EXIT_ERROR
            continue
        if path == STDIN and write:
            sys.stdout.buffer.write(formatted)
            sys.stdout.flush()
        if formatted == data:
            unchanged += 1
            continue
        changed += 1
        if args.diff:
            before = data.decode("utf-8", errors="replace")
            sys.stdout.write(unified_diff(label(path), before, formatted.decode("utf-8")))
        elif args.check:
            print(f"Would reformat: {label(path)}", file=sys.stderr)
        elif path != STDIN:
            try:
                with open(path, "wb") as handle:
                    handle.write(formatted)
            except OSError as exc:
                print_error(f"{path}: cannot write: {exc.strerror or exc}")
                status = EXIT_ERROR
                changed -= 1
                continue
    if not changed + unchanged:
        return EXIT_ERROR
    if write:
        summary = f"{plural(changed, 'file')} reformatted, {unchanged} left unchanged"
    else:
        summary = f"{plural(changed, 'file')} would be reformatted, {unchanged} already formatted"
    print(summary + ".", file=sys.stderr)
    sys.stdout.flush()
    if status == EXIT_OK and changed and not write:
        status = EXIT_FINDINGS
    return status

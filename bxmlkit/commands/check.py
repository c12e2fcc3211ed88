"""``bxmlkit check``: parse every document into models, check it, and re-serialize it.

Prints one line per file: ``ok`` with the root and verb count, or the located error.  With
``--write-back`` (``-w``) it rewrites each valid file in bxmlkit's canonical pretty form;
``--print`` writes the re-serialized document to standard output instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["register", "run"]

_SUFFIXES = (".xml", ".bxml")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check",
        help="parse documents into models, check and re-serialize them",
        description=(
            "Parse each BXML document into typed models (which checks every element, "
            "attribute and value) and serialize it back. Directories are searched for "
            "*.xml and *.bxml files."
        ),
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="files or directories ('-' = stdin)"
    )
    parser.add_argument("--print", action="store_true", help="print the re-serialized documents")
    parser.add_argument(
        "-w", "--write-back", action="store_true", help="rewrite valid files in canonical form"
    )
    parser.set_defaults(func=run)


def _expand(paths: list[str]) -> list[str]:
    found: list[str] = []
    for name in paths:
        path = Path(name)
        try:
            is_dir = name != "-" and path.is_dir()
        except OSError:  # a name too long, ...: reading it reports the error
            is_dir = False
        if is_dir:
            found.extend(
                str(p) for p in sorted(path.rglob("*")) if p.suffix in _SUFFIXES and p.is_file()
            )
        else:
            found.append(name)
    return found


def run(args: argparse.Namespace) -> int:
    from bxmlkit.codec import from_xml, to_xml
    from bxmlkit.errors import BxmlParseError, SourceError

    worst = 0
    files = _expand(args.paths)
    if not files:
        print("bxmlkit check: no *.xml or *.bxml files found", file=sys.stderr)
        return 2
    for name in files:
        try:
            source = sys.stdin.buffer.read() if name == "-" else Path(name)
            document = from_xml(source)
        except SourceError as exc:
            print(f"error: {exc}", file=sys.stderr)
            worst = 2
            continue
        except BxmlParseError as exc:
            label = "<stdin>" if name == "-" else name
            print(
                f"{label}:{exc.line}:{exc.column}: {exc.message}"
                + (f" ({exc.hint})" if exc.hint else "")
            )
            worst = max(worst, 1)
            continue
        output = to_xml(document, pretty=True)
        if args.print:
            sys.stdout.write(output.decode("utf-8"))
        if args.write_back and name != "-":
            Path(name).write_bytes(output)
        label = "<stdin>" if name == "-" else name
        print(
            f"ok {label}: <{document.xml_tag}> with {len(document.verbs)} verbs",
            file=sys.stderr if args.print else sys.stdout,
        )
    return worst

"""What the document commands (``check``, ``validate``, ``lint``, ``fmt``) share: finding the
files a command line names, reading them, printing errors, and the exit codes.

Every command takes paths the same way:

* ``-`` is standard input (at most once);
* a directory is searched recursively for ``*.xml`` and ``*.bxml`` files (``lint`` reads the
  patterns from its configuration), skipping ``.git``, ``.venv``, ``node_modules`` and the like;
* any other path is a file, whatever its name, and is read when its turn comes.

A path that does not exist, a file that cannot be read, and a directory with no documents in
it are errors (exit code 2): a mistyped path must never pass CI as "nothing to complain about".
"""

from __future__ import annotations

import fnmatch
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bxmlkit.errors import BxmlParseError

__all__ = [
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "STDIN",
    "STDIN_LABEL",
    "Inputs",
    "find_documents",
    "label",
    "parse_error_line",
    "plural",
    "print_error",
    "read_document",
]

#: Every document is fine (or, for ``fmt``, already formatted).
EXIT_OK = 0
#: Problems were found in the documents (or ``fmt --check`` would change a file).
EXIT_FINDINGS = 1
#: Usage, configuration or I/O error: a path is missing, unreadable or holds no documents.
EXIT_ERROR = 2

STDIN = "-"
STDIN_LABEL = "<stdin>"


class Inputs:
    """The files a command line names, in its order, and the paths that name none.

    ``files`` holds paths (``-`` where standard input was given), each once; ``errors`` holds
    one message per path that is missing or is a directory without documents.
    """

    __slots__ = ("errors", "files")

    def __init__(self, files: list[str] | None = None, errors: list[str] | None = None) -> None:
        self.files: list[str] = [] if files is None else files
        self.errors: list[str] = [] if errors is None else errors

    def __repr__(self) -> str:
        return f"Inputs(files={self.files!r}, errors={self.errors!r})"


#: ``patterns(directory) -> (include, exclude)``: the globs to use when searching a directory.
Patterns = Callable[[str], tuple[Sequence[str], Sequence[str]]]


def _default_patterns(directory: str) -> tuple[Sequence[str], Sequence[str]]:
    """The linter's default patterns (``*.xml``, ``*.bxml``; ``.git``, ``.venv``, ...)."""
    from bxmlkit.lint.config import DEFAULT_EXCLUDE, DEFAULT_INCLUDE

    return DEFAULT_INCLUDE, DEFAULT_EXCLUDE


def find_documents(paths: Sequence[str], *, patterns: Patterns | None = None) -> Inputs:
    """Expand command-line ``paths`` into the files to work on (see the module docstring)."""
    patterns = patterns or _default_patterns
    inputs = Inputs()
    seen: set[str] = set()
    for path in paths:
        if path == STDIN:
            if STDIN in seen:
                inputs.errors.append("standard input (-) can be given only once")
            else:
                seen.add(STDIN)
                inputs.files.append(STDIN)
            continue
        try:
            is_dir = os.path.isdir(path)
        except (OSError, ValueError):  # a name too long or with a NUL: reading it says why
            is_dir = False
        if not is_dir:  # a file, or a missing path: reading it reports what is wrong
            if path not in seen:
                seen.add(path)
                inputs.files.append(path)
            continue
        include, exclude = patterns(path)
        found = 0
        for name in _walk(path, include, exclude):
            found += 1
            if name not in seen:
                seen.add(name)
                inputs.files.append(name)
        if not found:
            inputs.errors.append(
                f"{path}: no files to check in this directory (looked for "
                f"{', '.join(include) or 'nothing'})"
            )
    return inputs


def _globs(patterns: Sequence[str]) -> re.Pattern[str]:
    """One compiled pattern for a list of globs (``(?!)`` matches nothing)."""
    parts = [fnmatch.translate(p.rstrip("/")) for p in patterns]
    return re.compile("|".join(parts) if parts else "(?!)")


def _walk(directory: str, include: Sequence[str], exclude: Sequence[str]) -> Iterator[str]:
    """The files under ``directory`` whose name matches ``include``, in sorted order; names or
    relative paths matching ``exclude`` are skipped (with everything under them)."""
    included = _globs(include)
    excluded = _globs(exclude)
    start = len(directory.rstrip(os.sep)) + 1
    for current, dirs, files in os.walk(directory):
        rel_dir = current[start:].replace(os.sep, "/") + "/" if len(current) >= start else ""
        dirs[:] = sorted(d for d in dirs if not (excluded.match(d) or excluded.match(rel_dir + d)))
        for name in sorted(files):
            if excluded.match(name) or excluded.match(rel_dir + name):
                continue
            if included.match(name):
                yield os.path.join(current, name)


def label(path: str) -> str:
    """How a path is named in messages (standard input is ``<stdin>``)."""
    return STDIN_LABEL if path == STDIN else path


def read_document(path: str) -> bytes:
    """The bytes of one document: standard input for ``-``, else the file, read through
    the hardened parser's one reading function (limits, no FIFOs or devices).

    Raises ``SourceError`` (cannot read) or ``XmlLimitError`` (over the size limit).
    """
    from pathlib import Path

    from bxmlkit._parser import read_source

    if path == STDIN:
        data, _, _ = read_source(sys.stdin.buffer)
        return data
    data, _, _ = read_source(Path(path))
    return data


def print_error(message: str, *, command: str = "") -> None:
    """Print an error on standard error: ``bxmlkit COMMAND: message`` when it concerns the
    command line itself, just ``message`` when it starts with the path it is about."""
    prefix = f"bxmlkit {command}: " if command else ""
    print(f"{prefix}{message}", file=sys.stderr)


def parse_error_line(path: str, error: BxmlParseError) -> str:
    """``path:line:column: message; hint`` for a document that is not valid BXML."""
    text = f"{label(path)}:{error.line}:{error.column}: {error.message}"
    return f"{text}; {error.hint}" if error.hint else text


def plural(count: int, word: str, many: str = "") -> str:
    """``1 file``, ``2 files`` (``many`` for irregular plurals)."""
    return f"{count} {word if count == 1 else (many or word + 's')}"

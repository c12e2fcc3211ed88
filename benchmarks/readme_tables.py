"""Copy the latest saved benchmark tables into the README and the documentation's benchmarks page.

Run from the repository root after saving new results (``make bench`` does both)::

    .venv/bin/python benchmarks/readme_tables.py          # rewrite README.md and the page
    .venv/bin/python benchmarks/readme_tables.py --check  # exit 1 if either is stale

Every Markdown table in the README's ``## Benchmarks`` section, and every table of
``docs/guides/benchmarks.md``, is replaced by the table in ``benchmarks/results/*.md`` that
has the same header row.  A table that no results file has (or has twice) is an error: the
README and the site show measured figures only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS_PAGE = ROOT / "docs" / "guides" / "benchmarks.md"
RESULTS = ROOT / "benchmarks" / "results"
SECTION = "## Benchmarks"


def tables(lines: list[str]) -> list[tuple[int, int]]:
    """The ``(start, end)`` line spans of the Markdown tables in ``lines``."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for index, line in enumerate([*lines, ""]):
        if line.startswith("|"):
            if start is None:
                start = index
        elif start is not None:
            spans.append((start, index))
            start = None
    return spans


def saved_tables(results: Path = RESULTS) -> dict[str, list[str]]:
    """Every table of the results files, by header row."""
    found: dict[str, list[str]] = {}
    duplicated: set[str] = set()
    for path in sorted(results.glob("*.md")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for start, end in tables(lines):
            header = lines[start]
            if header in found:
                duplicated.add(header)
            found[header] = lines[start:end]
    for header in duplicated:
        del found[header]
    return found


def updated_tables(text: str, saved: dict[str, list[str]]) -> str:
    """``text`` with every table replaced by the saved table with the same header row."""
    lines = text.split("\n")
    for start, end in reversed(tables(lines)):
        header = lines[start]
        if header not in saved:
            raise SystemExit(f"no results file has exactly one table headed: {header}")
        lines[start:end] = saved[header]
    return "\n".join(lines)


def updated_readme(text: str, saved: dict[str, list[str]]) -> str:
    """``text`` with the tables of its benchmarks section replaced by the saved ones."""
    before, marker, rest = text.partition(SECTION)
    if not marker:
        raise SystemExit(f"README.md has no {SECTION!r} section")
    section, next_heading, after = rest.partition("\n## ")
    return before + marker + updated_tables(section, saved) + next_heading + after


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a copy is stale")
    args = parser.parse_args(argv)
    saved = saved_tables()
    stale = []
    for path, update in ((README, updated_readme), (DOCS_PAGE, updated_tables)):
        text = path.read_text(encoding="utf-8")
        new = update(text, saved)
        if args.check:
            if new != text:
                stale.append(path.relative_to(ROOT).as_posix())
        else:
            path.write_text(new, encoding="utf-8")
    if stale:
        print(
            f"{' and '.join(stale)}: benchmark tables differ from benchmarks/results/",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

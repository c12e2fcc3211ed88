"""The hand-written guides stay true to the code they describe."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

from bxmlkit._legacy import LEGACY_ATTRIBUTES, LEGACY_VERBS

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_migration_guide_covers_every_legacy_verb_and_attribute() -> None:
    text = (DOCS / "guides" / "migrating-from-v1.md").read_text(encoding="utf-8")
    for verb in LEGACY_VERBS:
        assert f"`<{verb}>`" in text, verb
    for (element, attribute), legacy in LEGACY_ATTRIBUTES.items():
        rows = [line for line in text.splitlines() if f"`{element} {attribute}`" in line]
        assert rows, (element, attribute)
        if legacy.rename:
            assert any(f"`{legacy.replacement}`" in r and "renamed by --fix" in r for r in rows)
        else:
            assert not any("renamed by --fix" in r for r in rows), (element, attribute)


def test_guides_link_only_to_pages_that_exist() -> None:
    for page in sorted((DOCS / "guides").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(((?:\.\./)?[\w./-]+\.md)(?:#[\w-]+)?\)", text):
            if target.startswith("../reference/"):
                continue  # generated at build time; the strict build checks these
            assert (page.parent / target).resolve().is_file(), (page.name, target)


def test_benchmarks_page_shows_the_saved_results() -> None:
    module = runpy.run_path(str(DOCS.parent / "benchmarks" / "readme_tables.py"))
    page = (DOCS / "guides" / "benchmarks.md").read_text(encoding="utf-8")
    saved = module["saved_tables"]()
    assert len(module["tables"](page.split("\n"))) >= 5
    assert module["updated_tables"](page, saved) == page
    stale = page.replace(
        "| bxmlkit (models + codec.to_xml) |", "| bxmlkit (models + codec.to_xml) | 0 |"
    )
    assert module["updated_tables"](stale, saved) == page

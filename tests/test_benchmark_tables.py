"""The README's benchmark tables are the saved results, copied by benchmarks/readme_tables.py."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parents[1] / "benchmarks" / "readme_tables.py"


def test_readme_tables_equal_the_saved_results() -> None:
    module = runpy.run_path(str(SCRIPT))
    assert module["main"](["--check"]) == 0, "run: .venv/bin/python benchmarks/readme_tables.py"


def test_a_readme_table_without_saved_results_is_refused(tmp_path: Path) -> None:
    module = runpy.run_path(str(SCRIPT))
    (tmp_path / "one.md").write_text("| a | b |\n| --- | --- |\n| 1 | 2 |\n", encoding="utf-8")
    saved = module["saved_tables"](tmp_path)
    readme = "# X\n\n## Benchmarks\n\n| a | b |\n| --- | --- |\n| 9 | 9 |\n\n## Next\n\n| c |\n"
    assert module["updated_readme"](readme, saved) == readme.replace("| 9 | 9 |", "| 1 | 2 |")
    with pytest.raises(SystemExit, match="no results file"):
        module["updated_readme"](readme.replace("| a | b |", "| z | b |"), saved)


def test_every_saved_table_is_published() -> None:
    """Each table a benchmark script saves (start-up's included) is shown in the README's
    benchmarks section or on the documentation's benchmarks page, so ``make bench`` updates
    every published figure and no saved result goes unseen."""
    module = runpy.run_path(str(SCRIPT))
    readme = module["README"].read_text(encoding="utf-8")
    section = readme.split(module["SECTION"], 1)[1].split("\n## ", 1)[0]
    page = module["DOCS_PAGE"].read_text(encoding="utf-8")
    published = set((section + "\n" + page).splitlines())
    saved = module["saved_tables"](SCRIPT.parent / "results")
    assert "| start-up | wall time | relative | target |" in saved
    assert [header for header in saved if header not in published] == []

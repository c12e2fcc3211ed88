"""Every ```python block in the documentation (``docs/**/*.md``) runs, and its assertions hold.

The blocks of one page run in order in one namespace, in a fresh temporary working directory,
so a page reads as a session a user could type.  Blocks that are not meant to run are written
as ```text, ```console or ```toml instead.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

DOCS = Path(__file__).parents[1] / "docs"
BLOCK = re.compile(r"^```python[^\n]*\n(.*?)^```", re.S | re.M)


def pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if BLOCK.search(p.read_text(encoding="utf-8")))


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_page_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": f"docs.{page.stem}"}
    text = page.read_text(encoding="utf-8")
    for number, code in enumerate(BLOCK.findall(text), start=1):
        exec(compile(code, f"{page.relative_to(DOCS.parent)} block {number}", "exec"), namespace)
    assert os.getcwd() == str(tmp_path)

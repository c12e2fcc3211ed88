"""Every ```python block in README.md runs, in order, in one namespace, and its assertions hold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).parents[1] / "README.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def blocks() -> list[str]:
    return BLOCK.findall(README.read_text(encoding="utf-8"))


def test_readme_has_examples() -> None:
    assert len(blocks()) >= 3


@pytest.mark.parametrize("index", range(len(blocks())))
def test_readme_block_runs(index: int) -> None:
    namespace: dict[str, object] = {"__name__": "readme"}
    for code in blocks()[: index + 1]:
        exec(compile(code, f"README.md block {index + 1}", "exec"), namespace)


def test_quick_start_has_exactly_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^```sh\n(.*?)^```", section, re.S | re.M)
    lines = [line for block in commands for line in block.splitlines() if line.strip()]
    assert [line.split("#")[0].strip() for line in lines] == ["make demo", "make test"]

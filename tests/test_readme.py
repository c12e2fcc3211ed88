"""Every ```python block in README.md runs, in order, in one namespace, and its assertions hold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).parents[1] / "README.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


#: README sections whose examples need a fixture (a loopback server, files): each is executed
#: by the named test module instead, which checks that its blocks equal the README's.
DELEGATED = {
    "## REST client and webhooks": "tests/client/test_readme_examples.py",
}


def _own_text() -> str:
    """The README without the delegated sections."""
    text = README.read_text(encoding="utf-8")
    for heading in DELEGATED:
        if heading in text:
            before, rest = text.split(heading, 1)
            after = rest.split("\n## ", 1)[1] if "\n## " in rest else ""
            text = before + "\n## " + after
    return text


def blocks() -> list[str]:
    return BLOCK.findall(_own_text())


@pytest.mark.parametrize("heading", sorted(DELEGATED))
def test_delegated_sections_are_tested_elsewhere(heading: str) -> None:
    assert heading in README.read_text(encoding="utf-8")
    module = README.parent / DELEGATED[heading]
    assert "README" in module.read_text(encoding="utf-8")


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

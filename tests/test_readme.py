"""README.md: the newcomer's page. Its ```python blocks run, in order, in one namespace, and
their assertions hold; its Quick start has exactly the two commands; and the sections that
moved to the documentation site are there, linked from the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)

#: README sections whose examples need a fixture (a loopback server, files): each is executed
#: by the named test module instead, which checks that its blocks equal the README's.
DELEGATED = {
    "## REST client and webhooks": "tests/client/test_readme_examples.py",
}

#: Where the README's former sections live now: page -> a sentence the page must still hold.
MOVED = {
    "docs/guides/building.md": "Python names are snake_case; XML names are exactly Bandwidth's",
    "docs/guides/parsing.md": "Anything that is not valid BXML raises a `BxmlParseError`",
    "docs/guides/validating.md": "bxmlkit ships its contract as plain XSD 1.0",
    "docs/guides/linting-in-ci.md": "`bxmlkit lint` checks documents the way Bandwidth will",
    "docs/guides/configuration.md": "found by walking\nup from each file",
    "docs/guides/security.md": "every\npiece of it reads XML through one hardened parser",
    "docs/guides/benchmarks.md": "Measured side by side in one run",
    "docs/guides/getting-started.md": "| `bxmlkit lint PATH...` |",
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
    module = README.parent / DELEGATED[heading]
    assert "README" in module.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", sorted(MOVED))
def test_moved_sections_are_on_the_site_and_linked(page: str) -> None:
    assert MOVED[page] in (ROOT / page).read_text(encoding="utf-8")
    assert f"]({page})" in README.read_text(encoding="utf-8")


def test_readme_links_resolve() -> None:
    text = README.read_text(encoding="utf-8")
    links = re.findall(r"\]\(((?!https?:|#)[^)#]+)\)", text)
    assert links
    for link in links:
        assert (ROOT / link).exists(), link


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

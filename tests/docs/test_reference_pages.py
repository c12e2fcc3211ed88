"""The generated reference pages say what the code says, and their examples hold.

Every element of the XSD has a page listing all its attributes and children, and an example
that builds with the models, validates against the XSD, lints clean and contains the element;
every lint rule has a page with the text of ``bxmlkit rule CODE``; the command-line page has
every subcommand and option; the callbacks page every event type; the API pages every public
module.  New elements, rules, commands, events and modules appear without editing the docs.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any, ClassVar

import pytest
from lxml import etree

from bxmlkit import to_xml, validate
from bxmlkit.cli import main
from bxmlkit.lint import lint
from bxmlkit.lint.rule import NoOptions, Rule
from bxmlkit.lint.rules import REGISTRY
from bxmlkit.schema import element_catalogue
from docsgen import hook
from docsgen.api import api_pages, public_modules
from docsgen.callbacks import callbacks_page, event_models
from docsgen.cli import cli_page, subcommands
from docsgen.elements import build_example, element_slug, webhooks
from docsgen.examples import EXAMPLES
from docsgen.pages import generate
from docsgen.rules import rule_pages
from tests.docs.conftest import BuiltSite

PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
CATALOGUE = element_catalogue()


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return generate().pages


def test_every_element_has_an_example() -> None:
    assert sorted(EXAMPLES) == sorted(CATALOGUE)


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_element_example_builds_validates_and_lints_clean(name: str) -> None:
    _, document = build_example(name)
    xml = to_xml(document)
    assert validate(xml) == []
    assert lint(xml) == []
    tags = {element.tag for element in etree.fromstring(xml).iter()}
    assert name in tags


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_element_page_lists_attributes_children_and_webhooks(
    name: str, pages: dict[str, str]
) -> None:
    page = pages[f"reference/elements/{element_slug(name)}.md"]
    spec = CATALOGUE[name]
    assert page.startswith(f"# {name}\n")
    for attribute in spec.attributes.values():
        assert f"`{attribute.name}`" in page
        assert attribute.value.expected().replace("|", "\\|") in page.replace("&lt;", "<")
    for child in spec.children:
        assert f"[`<{child}>`]({element_slug(child)}.md)" in page
    for parent in spec.parents:
        assert f"[`<{parent}>`]({element_slug(parent)}.md)" in page
    for hook_event in webhooks().get(name, []):
        assert f"`{hook_event['name']}`" in page
    assert EXAMPLES[name].rstrip() in page


def test_element_page_shows_defaults_and_ranges(pages: dict[str, str]) -> None:
    gather = pages["reference/elements/Gather.md"]
    row = next(line for line in gather.splitlines() if line.startswith("| `maxDigits`"))
    assert "`max_digits`" in row and "an integer from 1 to 50" in row and "`50`" in row
    assert "[`GatherEvent`](../callbacks.md#gatherevent)" in gather


def test_every_rule_page_is_the_text_of_bxmlkit_rule(
    pages: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert len(rule_pages()) == len(REGISTRY) + 1
    for code in REGISTRY:
        assert main(["rule", code]) == 0
        _header, _, body = capsys.readouterr().out.partition("\n\n")
        page = pages[f"reference/rules/{code}.md"]
        assert body.strip() in page
        assert page.startswith(f"# {code} {REGISTRY[code].name}\n")
        assert f"[{code}]({code}.md)" in pages["reference/rules/index.md"]


def test_a_new_rule_gets_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    class BrandNew(Rule[NoOptions]):
        """Reports something new.

        ## What it does
        Something new.
        """

        code: ClassVar[str] = "BX999"
        name: ClassVar[str] = "brand-new"
        summary: ClassVar[str] = "Something new"
        category: ClassVar[str] = "test"
        default_severity = REGISTRY["BX201"].default_severity

    monkeypatch.setitem(REGISTRY, "BX999", BrandNew)
    found = {page.code: page for page in rule_pages()}
    assert "Something new." in found["BX999"].markdown
    assert "[BX999](BX999.md)" in found[""].markdown


def test_cli_page_has_every_command_and_option() -> None:
    page = cli_page()
    commands = subcommands()
    assert {"lint", "rules", "rule", "validate", "check", "schema"} <= set(commands)
    for name, parser in commands.items():
        assert f"## bxmlkit {name} {{#{name}}}" in page
        for action in parser._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            for option in action.option_strings:
                assert f"`{option}" in page or f", {option}" in page, (name, option)


def test_callbacks_page_has_every_event() -> None:
    page = callbacks_page()
    for models in event_models().values():
        for model in models:
            assert f"### {model.__name__} {{#{model.__name__.lower()}}}" in page
            for event_type in model.event_types:
                assert f"`{event_type}`" in page
    assert "[`<Gather>`](elements/Gather.md)" in page


def test_api_pages_cover_every_public_module() -> None:
    modules = public_modules()
    assert {"bxmlkit.codec", "bxmlkit.models", "bxmlkit.lint", "bxmlkit.client"} <= set(modules)
    rendered = {page.module: page.markdown for page in api_pages()}
    for module in modules:
        assert f"::: {module}\n" in rendered[module]


def test_python_blocks_of_generated_pages_run(pages: dict[str, str], tmp_path: Path) -> None:
    ran = 0
    for path, markdown in sorted(pages.items()):
        namespace: dict[str, Any] = {"__name__": f"docs.{path}"}
        for number, code in enumerate(PYTHON_BLOCK.findall(markdown), start=1):
            exec(compile(code, f"{path} block {number}", "exec"), namespace)
            ran += 1
    assert ran > len(CATALOGUE)


def test_nav_placeholders_expand_and_unlisted_guides_are_added(tmp_path: Path) -> None:
    (tmp_path / "guides").mkdir()
    (tmp_path / "guides" / "listed.md").write_text("# Listed\n")
    (tmp_path / "guides" / "new-topic.md").write_text("# New\n")
    generated = generate()
    nav: list[Any] = [
        {"Guides": ["guides/listed.md", "guides/not-written-yet.md"]},
        {"Reference": [{"Lint rules": "generated:rules"}, {"Command line": "generated:cli"}]},
    ]
    expanded = hook._expand(nav, generated, tmp_path)
    hook._add_unlisted_guides(expanded, tmp_path)
    assert expanded[0] == {"Guides": ["guides/listed.md", "guides/new-topic.md"]}
    rules = expanded[1]["Reference"][0]["Lint rules"]
    assert rules[0] == "reference/rules/index.md"
    assert {"BX201 unreachable-verb": "reference/rules/BX201.md"} in rules
    assert expanded[1]["Reference"][1] == {"Command line": "reference/cli.md"}


def test_built_site_has_every_generated_page(built_site: BuiltSite, pages: dict[str, str]) -> None:
    for path in pages:
        html = built_site.directory / path.removesuffix(".md").removesuffix("index") / "index.html"
        assert html.is_file(), path
    gather = (built_site.directory / "reference/elements/Gather/index.html").read_text()
    assert "maxDigits" in gather
    api = (built_site.directory / "reference/api/bxmlkit.codec/index.html").read_text()
    assert "to_xml" in api and "from_xml" in api  # mkdocstrings rendered the docstrings

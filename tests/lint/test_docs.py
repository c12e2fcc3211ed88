"""Every rule is documented with the fixed headings, and its examples say what they claim."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bxmlkit.lint import REGISTRY, Rule, lint
from bxmlkit.lint.rule import DOC_HEADINGS, doc_sections

RULES = list(REGISTRY.values())
#: Rules whose Example cannot be shown literally (a 64 KB document, a 300-character value, a
#: crash of the linter itself).
NOT_LITERAL = {"BX203", "BX503", "BX900"}


def _xml_blocks(text: str) -> list[str]:
    return re.findall(r"```xml\n(.*?)```", text, re.DOTALL)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_doc_has_the_fixed_headings_in_order(rule: type[Rule[Any]]) -> None:
    doc = rule.doc()
    headings = re.findall(r"^## (.+)$", doc, re.MULTILINE)
    assert tuple(headings) == DOC_HEADINGS
    first = doc.splitlines()[0]
    assert first.endswith(".")
    sections = doc_sections(doc)
    assert all(sections[h] for h in DOC_HEADINGS)
    assert len(_xml_blocks(sections["Example"])) == 1
    assert len(_xml_blocks(sections["Use instead"])) == 1


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_identity(rule: type[Rule[Any]]) -> None:
    assert re.fullmatch(r"BX\d{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert rule.summary
    assert not rule.summary.endswith(".")
    options = rule.option_defaults()
    documented = doc_sections(rule.doc())["Options"]
    if not options:
        assert documented == "None."
    for name in options:
        assert f"`{name}`" in documented


def test_codes_and_names_are_unique() -> None:
    assert len({r.name for r in RULES}) == len(RULES)
    assert list(REGISTRY) == sorted(REGISTRY)


@pytest.mark.parametrize(
    "rule", [r for r in RULES if r.code not in NOT_LITERAL], ids=lambda r: r.code
)
def test_example_triggers_the_rule_and_use_instead_does_not(rule: type[Rule[Any]]) -> None:
    sections = doc_sections(rule.doc())
    config = {"extend-select": [rule.code]}
    (bad,) = _xml_blocks(sections["Example"])
    (good,) = _xml_blocks(sections["Use instead"])
    assert rule.code in {d.code for d in lint(bad, config=config)}
    assert rule.code not in {d.code for d in lint(good, config=config)}
    assert [d for d in lint(good) if d.severity.value == "error"] == []

"""One reference page per lint rule: the text ``bxmlkit rule CODE`` prints.

Each rule's documentation is its class docstring (``bxmlkit/lint/rule.py``); the page shows
it with the rule's code, name, category, default severity and flags, and the index lists
every rule of :data:`bxmlkit.lint.rules.REGISTRY`, so a new rule gets its page on the next
build.
"""

from __future__ import annotations

from dataclasses import dataclass

from docsgen._markdown import cell, code_cell, table

__all__ = ["RulePage", "rule_pages"]


@dataclass(frozen=True)
class RulePage:
    """One generated rule page: the rule's code, title, path under docs/ and Markdown."""

    code: str
    title: str
    path: str
    markdown: str


def rule_pages(prefix: str = "reference/rules") -> list[RulePage]:
    """The rule index followed by one page per rule, in code order."""
    from bxmlkit.lint.rules import REGISTRY

    pages = [RulePage("", "Lint rules", f"{prefix}/index.md", _index())]
    for code, rule in REGISTRY.items():
        title = f"{code} {rule.name}"
        flags = [
            ("Code", code_cell(code)),
            ("Name", code_cell(rule.name)),
            ("Category", rule.category),
            ("Default severity", str(rule.default_severity.value)),
            ("Fixable with `--fix`", "yes" if rule.fixable else "no"),
            ("Enabled by default", "yes" if rule.enabled_by_default else "no (select it)"),
        ]
        markdown = (
            f"# {title}\n\n"
            + table(("Property", "Value"), flags)
            + f"\n{rule.doc().rstrip()}\n\n"
            + f"This page is the text of `bxmlkit rule {code}`. "
            + "[All rules](index.md)\n"
        )
        pages.append(RulePage(code, title, f"{prefix}/{code}.md", markdown))
    return pages


def _index() -> str:
    from bxmlkit.lint.rules import REGISTRY

    rows = [
        (
            f"[{code}]({code}.md)",
            code_cell(rule.name),
            rule.category,
            str(rule.default_severity.value),
            ("fixable" if rule.fixable else "")
            + ("" if rule.enabled_by_default else " off by default"),
            cell(rule.summary),
        )
        for code, rule in REGISTRY.items()
    ]
    return (
        "# Lint rules\n\n"
        "Every rule `bxmlkit lint` checks, generated from the rules' own documentation "
        "(`bxmlkit rules` prints this table, `bxmlkit rule CODE` one page). Codes are stable: "
        "BX1xx schema, BX2xx call flow, BX3xx security, BX4xx BXML v1 leftovers, "
        "BX5xx catalogues and soft limits, BX6xx document roots, BX9xx the linter itself.\n\n"
        + table(("Code", "Name", "Category", "Severity", "Flags", "What it reports"), rows)
    )

"""All generated pages and their place in the navigation.

:func:`generate` returns ``{path under docs/: Markdown}``; :func:`nav_sections` the
navigation entries that replace the ``generated:NAME`` placeholders in ``mkdocs.yml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Generated", "generate"]


@dataclass
class Generated:
    """The generated pages (path -> Markdown) and the navigation of each placeholder."""

    pages: dict[str, str] = field(default_factory=dict)
    nav: dict[str, list[Any]] = field(default_factory=dict)


def generate() -> Generated:
    """Generate every reference page."""
    from docsgen.api import api_pages
    from docsgen.callbacks import callbacks_page
    from docsgen.cli import cli_page
    from docsgen.elements import CATEGORY_TITLES, element_pages
    from docsgen.rules import rule_pages

    found = Generated()

    elements = element_pages()
    found.pages.update((p.path, p.markdown) for p in elements)
    element_nav: list[Any] = [elements[0].path]
    for category, title in CATEGORY_TITLES.items():
        entries = [{p.name: p.path} for p in elements if p.category == category]
        if entries:
            element_nav.append({title: entries})
    found.nav["elements"] = element_nav

    rules = rule_pages()
    found.pages.update((p.path, p.markdown) for p in rules)
    found.nav["rules"] = [rules[0].path, *({p.title: p.path} for p in rules[1:])]

    found.pages["reference/cli.md"] = cli_page()
    found.nav["cli"] = ["reference/cli.md"]
    found.pages["reference/callbacks.md"] = callbacks_page()
    found.nav["callbacks"] = ["reference/callbacks.md"]

    api = api_pages()
    found.pages.update((p.path, p.markdown) for p in api)
    found.nav["api"] = [api[0].path, *({p.module: p.path} for p in api[1:])]
    return found

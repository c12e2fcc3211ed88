"""API reference pages: one per public module of bxmlkit, rendered by mkdocstrings.

The modules are found, not listed: every module or package directly under ``bxmlkit/``
whose name does not start with ``_``, except the command-line plumbing (documented on the
command-line page), so a new public module gets its page on the next build.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docsgen._markdown import first_paragraph, prose

__all__ = ["ApiPage", "api_pages", "public_modules"]

PACKAGE = Path(__file__).resolve().parents[1] / "bxmlkit"

#: Modules under bxmlkit/ that are not library API.
NOT_API = frozenset({"cli", "commands"})


@dataclass(frozen=True)
class ApiPage:
    """One API page: the module's dotted name, path under docs/ and Markdown."""

    module: str
    path: str
    markdown: str


def public_modules() -> list[str]:
    """Dotted names of the public modules, sorted."""
    names = []
    for entry in PACKAGE.iterdir():
        stem = entry.stem
        if stem.startswith("_") or stem in NOT_API:
            continue
        if (entry.is_dir() and (entry / "__init__.py").is_file()) or entry.suffix == ".py":
            names.append(f"bxmlkit.{stem}")
    return sorted(names)


def _summary(module: str) -> str:
    import importlib

    return first_paragraph(importlib.import_module(module).__doc__)


def api_pages(prefix: str = "reference/api") -> list[ApiPage]:
    """The API index followed by one page per public module."""
    modules = public_modules()
    rows = "\n".join(f"- [`{m}`]({m}.md): {prose(_summary(m))}" for m in modules)
    index = (
        "# API reference\n\n"
        "Generated from the docstrings. Everything public is also importable from the "
        "top-level `bxmlkit` package (`from bxmlkit import Response, to_xml, validate`); the "
        "REST client's models and errors live in `bxmlkit.client`, the callback events in "
        "`bxmlkit.callbacks`.\n\n" + rows + "\n"
    )
    pages = [ApiPage("", f"{prefix}/index.md", index)]
    pages.extend(ApiPage(m, f"{prefix}/{m}.md", f"# `{m}`\n\n::: {m}\n") for m in modules)
    return pages

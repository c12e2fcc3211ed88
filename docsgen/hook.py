"""MkDocs hook (``hooks:`` in mkdocs.yml): adds the generated reference pages to the build.

``on_config`` generates the pages and replaces each ``generated:NAME`` entry of the
navigation with the generated section; it also drops guide entries whose file does not
exist yet and appends any guide that the navigation does not list, so a guide added to
``docs/guides/`` is never left out.  ``on_files`` adds the generated pages as files that
exist only in the build.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.structure.files import File, Files  # noqa: E402

from docsgen.pages import Generated, generate  # noqa: E402

log = logging.getLogger("mkdocs.hooks.docsgen")
_generated: Generated | None = None
PLACEHOLDER = "generated:"


def _expand(items: list[Any], generated: Generated, docs_dir: Path) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if isinstance(item, str):
            if item.startswith(PLACEHOLDER):
                out.extend(generated.nav[item.removeprefix(PLACEHOLDER)])
            elif item.startswith("guides/") and not (docs_dir / item).is_file():
                log.info("nav: %s does not exist yet; left out", item)
            else:
                out.append(item)
        elif isinstance(item, dict):
            ((title, value),) = item.items()
            if isinstance(value, list):
                section = _expand(value, generated, docs_dir)
                if section:  # a section whose guides are all still unwritten is left out
                    out.append({title: section})
            elif isinstance(value, str) and value.startswith(PLACEHOLDER):
                section = generated.nav[value.removeprefix(PLACEHOLDER)]
                single = len(section) == 1 and isinstance(section[0], str)
                out.append({title: section[0] if single else section})
            elif (
                isinstance(value, str)
                and value.startswith("guides/")
                and not (docs_dir / value).is_file()
            ):
                log.info("nav: %s does not exist yet; left out", value)
            else:
                out.append(item)
        else:
            out.append(item)
    return out


def _listed(items: list[Any]) -> set[str]:
    found: set[str] = set()
    for item in items:
        values = list(item.values()) if isinstance(item, dict) else [item]
        for value in values:
            if isinstance(value, list):
                found |= _listed(value)
            elif isinstance(value, str):
                found.add(value)
    return found


def _add_unlisted_guides(nav: list[Any], docs_dir: Path) -> None:
    listed = _listed(nav)
    extra = [
        f"guides/{p.name}"
        for p in sorted((docs_dir / "guides").glob("*.md"))
        if f"guides/{p.name}" not in listed
    ]
    if not extra:
        return
    for item in nav:
        if isinstance(item, dict) and "Guides" in item and isinstance(item["Guides"], list):
            item["Guides"].extend(extra)
            return
    nav.append({"Guides": extra})


def on_config(config: Any) -> Any:
    global _generated
    _generated = generate()
    docs_dir = Path(config["docs_dir"])
    if config["nav"]:
        nav = _expand(config["nav"], _generated, docs_dir)
        _add_unlisted_guides(nav, docs_dir)
        config["nav"] = nav
    return config


def on_files(files: Files, config: Any) -> Files:
    generated = _generated if _generated is not None else generate()
    for path, markdown in generated.pages.items():
        files.append(File.generated(config, path, content=markdown))
    return files

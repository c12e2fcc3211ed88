"""One reference page per BXML element, generated from the bundled XSD and the models.

What each page says comes from the package: the element's description, attributes (type,
default, allowed values, documentation), children and parents from the XSD catalogue
(:func:`bxmlkit.schema.element_catalogue`); the Python names from the models
(:data:`bxmlkit.models.ELEMENTS`); the contexts from the linter's context rule; the webhooks
from ``docsgen/data/element-webhooks.json`` (copied from the reference data); the example
from :mod:`docsgen.examples`, built and printed when the page is generated.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docsgen._markdown import cell, code_cell, prose, table

__all__ = [
    "CATEGORY_TITLES",
    "ElementPage",
    "build_example",
    "element_pages",
    "element_slug",
    "webhooks",
]

DATA = Path(__file__).parent / "data" / "element-webhooks.json"

#: Category (as the XSD catalogue names it) -> section title, in navigation order.
CATEGORY_TITLES = {
    "root": "Roots",
    "verb": "Verbs",
    "noun": "Nouns (inside a verb)",
    "ssml": "SSML (inside SpeakSentence)",
}


@dataclass(frozen=True)
class ElementPage:
    """One generated element page: its XML name, category, path under docs/ and Markdown."""

    name: str
    category: str
    path: str
    markdown: str


def element_slug(name: str) -> str:
    """The page name of an element: ``Gather``, ``ssml-say-as``."""
    from bxmlkit.schema import element_catalogue

    spec = element_catalogue().get(name)
    return f"ssml-{name}" if spec is not None and spec.category == "ssml" else name


def webhooks() -> dict[str, list[dict[str, Any]]]:
    """Element name -> the webhooks it triggers (``name``, ``bxml_reply``)."""
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    found: dict[str, list[dict[str, Any]]] = data["webhooks"]
    return found


def build_example(name: str) -> tuple[str, Any]:
    """The example code of ``name`` and the document it builds."""
    from docsgen.examples import EXAMPLES

    code = EXAMPLES[name]
    namespace: dict[str, Any] = {"__name__": f"docsgen.example.{name}"}
    exec(compile(code, f"<example of {name}>", "exec"), namespace)
    return code, namespace["document"]


def element_pages(prefix: str = "reference/elements") -> list[ElementPage]:
    """Every element page, roots first, then verbs, nouns and SSML, each sorted by name."""
    from bxmlkit.schema import element_catalogue

    catalogue = element_catalogue()
    order = list(CATEGORY_TITLES)
    specs = sorted(
        catalogue.values(),
        key=lambda s: (order.index(s.category) if s.category in order else len(order), s.name),
    )
    pages = [
        ElementPage(
            s.name, s.category, f"{prefix}/{element_slug(s.name)}.md", _page(s.name, prefix)
        )
        for s in specs
    ]
    pages.insert(0, ElementPage("", "index", f"{prefix}/index.md", _index(specs)))
    return pages


def _link(name: str) -> str:
    return f"[`<{name}>`]({element_slug(name)}.md)"


def _index(specs: list[Any]) -> str:
    out = [
        "# BXML elements\n",
        "Every element of BXML v2 that bxmlkit models, validates and lints, generated from the "
        "bundled XSD and the models. Each page lists the attributes with their types, defaults "
        "and allowed values, the allowed children, where the element may appear, the webhooks "
        "it triggers, and an example that the test suite builds, validates and lints.\n",
    ]
    for category, title in CATEGORY_TITLES.items():
        rows = [(_link(s.name), cell(s.documentation)) for s in specs if s.category == category]
        if rows:
            out.append(f"## {title}\n")
            out.append(table(("Element", "What it does"), rows))
    return "\n".join(out)


def _model_name(name: str) -> str | None:
    from bxmlkit.models import ELEMENTS

    model = ELEMENTS.get(name)
    return None if model is None else model.__name__


def _python_names(name: str) -> dict[str, str]:
    from bxmlkit.models import ELEMENTS

    model = ELEMENTS.get(name)
    if model is None:
        return {}
    return {a.xml_name: a.field for a in model.xml_attributes}


def _default_text(default: str | None) -> str:
    if default is None:
        return "(none)"
    return code_cell(default) if default else "(empty)"


def _type_text(spec: Any) -> str:
    value = spec.value
    kind = {"int": "integer", "decimal": "number", "enum": "enumeration"}.get(
        value.kind, value.kind
    )
    return f"{kind} ({value.type_name})" if value.type_name else kind


def _allowed_text(spec: Any) -> str:
    value = spec.value
    text: str = value.expected()
    if spec.soft_max_length is not None:
        text += f"; documented limit {spec.soft_max_length} characters (the linter warns past it)"
    return text


def _attributes_section(spec: Any) -> str:
    if not spec.attributes:
        return "## Attributes\n\nNone.\n"
    python = _python_names(spec.name)
    rows = []
    for attribute in spec.attributes.values():
        name = code_cell(attribute.name)
        if python.get(attribute.name, attribute.name) != attribute.name:
            name += "<br>" + code_cell(python[attribute.name])
        if attribute.required:
            name += "<br>**required**"
        rows.append(
            (
                name,
                f"{cell(_type_text(attribute))}: {cell(_allowed_text(attribute))}",
                _default_text(attribute.default),
                cell(attribute.documentation),
            )
        )
    header = ("Attribute (Python name)", "Type and allowed values", "Default", "Meaning")
    note = (
        "Defaults are what Bandwidth assumes when the attribute is absent; bxmlkit never "
        "writes them.\n"
    )
    return "## Attributes\n\n" + note + "\n" + table(header, rows)


def _occurs(low: int, high: int | None) -> str:
    if high is None:
        return f"{low} or more"
    if low == high:
        return "exactly one" if low == 1 else f"exactly {low}"
    return f"{low} to {high}"


def _content_section(spec: Any) -> str:
    lines = ["## Content\n"]
    if spec.content == "empty":
        lines.append("Empty: no text and no child elements.\n")
    if spec.text is not None and spec.has_text:
        what = "Text and the children below, mixed" if spec.content == "mixed" else "Text"
        lines.append(f"{what}: {prose(spec.text.expected())}.")
        if spec.text.description:
            lines.append(" " + prose(spec.text.description))
        lines.append("\n")
    elif spec.content == "mixed":
        lines.append("Text and the children below, mixed.\n")
    if spec.children:
        if spec.child_group is not None:
            group = spec.child_group
            lines.append(
                f"\nChildren, in any order, {_occurs(group.min_occurs, group.max_occurs)} in all:\n"
            )
        else:
            lines.append("\nChildren:\n")
        rows = [
            (_link(child.name), _occurs(child.min_occurs, child.max_occurs))
            for child in spec.children.values()
        ]
        lines.append("\n" + table(("Child", "How many"), rows))
    return "".join(lines)


def _contexts_section(spec: Any) -> str:
    from bxmlkit.lint.rules.context_verb import CONFERENCE_ALLOWED, TRANSFER_ANSWER_FORBIDDEN

    lines = ["## Where it may appear\n"]
    if spec.category == "root":
        if spec.name == "Response":
            lines.append(
                "The root of every document returned to a webhook (a `<Bxml>` root there is "
                "rejected: lint rule [BX601](../rules/BX601.md)).\n"
            )
        else:
            lines.append(
                "The root of the body of the update-call and update-conference BXML requests "
                "(a `<Response>` root there is rejected: lint rule "
                "[BX602](../rules/BX602.md)).\n"
            )
        return "".join(lines)
    parents = ", ".join(_link(p) for p in spec.parents)
    lines.append(f"Directly inside: {parents}.\n")
    if spec.category == "verb":
        conference = (
            "allowed"
            if spec.name in CONFERENCE_ALLOWED
            else "**not allowed** (the whole document is rejected)"
        )
        transfer = "**not allowed**" if spec.name in TRANSFER_ANSWER_FORBIDDEN else "allowed"
        lines.append(
            "\n"
            + table(
                ("Context", "This verb"),
                [
                    ("Webhook reply (`<Response>`), update-call body (`<Bxml>`)", "allowed"),
                    ("Conference BXML (reply to a conference event)", conference),
                    ("Transfer-answer BXML (reply to transferAnswer)", transfer),
                ],
            )
        )
        lines.append(
            "\n`bxmlkit lint --context conference` / `--context transfer-answer` checks these "
            "(rule [BX205](../rules/BX205.md)).\n"
        )
    if spec.name == "SipUri":
        from bxmlkit.schema import element_spec

        refer = element_spec("SipUri", "Refer")
        if refer is not None:
            lines.append(f"\nInside `<Refer>`: {prose(refer.documentation)}\n")
    return "".join(lines)


def _callbacks_section(spec: Any) -> str:
    from bxmlkit.callbacks import VOICE_EVENTS

    events = {key.casefold(): model for key, model in VOICE_EVENTS.items()}
    hooks = webhooks().get(spec.name, [])
    lines = ["## Webhooks it triggers\n"]
    if not hooks:
        lines.append("None.\n")
        return "".join(lines)
    rows = []
    for hook in hooks:
        model = events.get(str(hook["name"]).casefold())
        model_text = (
            f"[`{model.__name__}`](../callbacks.md#{model.__name__.lower()})" if model else " "
        )
        reply = "BXML (runs next)" if hook["bxml_reply"] else "ignored (reply 204)"
        rows.append((code_cell(str(hook["name"])), reply, model_text))
    lines.append("\n" + table(("Event", "Your reply", "Parsed by"), rows))
    return "".join(lines)


def _example_section(spec: Any) -> str:
    from bxmlkit import to_xml

    code, document = build_example(spec.name)
    xml = to_xml(document, pretty=True, xml_declaration=False).decode("utf-8").rstrip()
    return (
        "## Example\n\n"
        "Built with the models (the test suite builds, validates and lints every example):\n\n"
        f"```python\n{code.rstrip()}\n```\n\n"
        "`to_xml(document, pretty=True)` writes:\n\n"
        f"```xml\n{xml}\n```\n"
    )


def _model_section(spec: Any) -> str:
    from bxmlkit.models import ELEMENTS

    model = ELEMENTS.get(spec.name)
    if model is None:
        return ""
    doc = textwrap.dedent((model.__doc__ or "").split("\n", 1)[-1]) if model.__doc__ else ""
    summary = (model.__doc__ or "").strip().split("\n", 1)[0]
    details = doc.split("Attributes:", 1)[0].strip()
    text = f"Python model: [`bxmlkit.{model.__name__}`][bxmlkit.models.{model.__name__}]"
    text += f" — {prose(summary)}"
    if details:
        text += "\n\n" + prose(" ".join(details.split()))
    return text + "\n"


def _page(name: str, prefix: str) -> str:
    from bxmlkit.schema import element_catalogue

    spec = element_catalogue()[name]
    kind = {"root": "Root", "verb": "Verb", "noun": "Noun", "ssml": "SSML tag"}.get(
        spec.category, spec.category
    )
    parts = [
        f"# {name}\n",
        f"*{kind}* `<{name}>` — {prose(spec.documentation)}\n",
        _model_section(spec),
        _attributes_section(spec),
        _content_section(spec),
        _contexts_section(spec),
        _callbacks_section(spec),
        _example_section(spec),
    ]
    return "\n".join(part for part in parts if part)

"""The callback events reference, generated from the event models of ``bxmlkit.callbacks``.

One section per event model registered in ``VOICE_EVENTS`` and ``MESSAGE_EVENTS``: the event
type names it parses, whether the reply runs as BXML, the BXML elements whose attributes
point Bandwidth at it, and its fields (JSON name, Python name, type).
"""

from __future__ import annotations

import re
from typing import Any

from docsgen._markdown import cell, code_cell, first_paragraph, prose, table

__all__ = ["callbacks_page", "event_models"]


def event_models() -> dict[str, list[type[Any]]]:
    """``voice`` / ``messaging`` -> the event models, each once, in registry order."""
    from bxmlkit.callbacks import MESSAGE_EVENTS, VOICE_EVENTS

    return {
        "voice": list(dict.fromkeys(VOICE_EVENTS.values())),
        "messaging": list(dict.fromkeys(MESSAGE_EVENTS.values())),
    }


def _type_name(annotation: Any) -> str:
    text = getattr(annotation, "__name__", None) or str(annotation)
    text = re.sub(r"\b(?:typing|datetime|bxmlkit\.[\w.]+)\.", "", str(text))
    text = re.sub(r"Optional\[(.*)\]", r"\1 | None", text)
    return text.replace("NoneType", "None")


def _triggered_by() -> dict[str, list[str]]:
    from docsgen.elements import element_slug, webhooks

    found: dict[str, list[str]] = {}
    for element, hooks in webhooks().items():
        for hook in hooks:
            link = f"[`<{element}>`](elements/{element_slug(element)}.md)"
            found.setdefault(str(hook["name"]).casefold(), []).append(link)
    return found


def _section(model: type[Any], triggers: dict[str, list[str]]) -> str:
    name = model.__name__
    types = ", ".join(f"`{t}`" for t in model.event_types) or "(any other type)"
    if model.expects_bxml:
        reply = "BXML: reply 200 with a `<Response>`"
        if model.bxml_optional:
            reply += " (or 204: the reply may be empty)"
    else:
        reply = "ignored: reply 204"
    elements = sorted(
        {link for event in model.event_types for link in triggers.get(event.casefold(), [])}
    )
    lines = [
        f"### {name} {{#{name.lower()}}}\n",
        prose(first_paragraph(model.__doc__)) + "\n",
        table(
            ("Property", "Value"),
            [
                ("Event type", types),
                ("Reply", reply),
                ("Triggered by", ", ".join(elements) if elements else "the call or application"),
                ("In the current API spec", "yes" if model.in_spec else "no (documented only)"),
                ("API", f"[`{name}`][{model.__module__}.{name}]"),
            ],
        ),
    ]
    fields = [
        (
            code_cell(info.alias or field),
            code_cell(field),
            cell(_type_name(info.annotation)),
        )
        for field, info in model.model_fields.items()
    ]
    if fields:
        lines.append("\n" + table(("JSON field", "Python", "Type"), fields))
    return "\n".join(lines)


def callbacks_page() -> str:
    """The Markdown of the callback events page."""
    triggers = _triggered_by()
    out = [
        "# Callback events\n",
        "Bandwidth calls your webhooks with JSON (POST) or a query string (GET). "
        "[`parse_callback`][bxmlkit.callbacks.parse_callback] turns one payload into the "
        "model of its event type below; an unknown type gives `UnknownVoiceEvent` or "
        "`UnknownMessageEvent`. Every field is optional and unknown fields are kept. "
        "This page is generated from the event models.\n",
        "```python\n"
        "from bxmlkit.callbacks import GatherEvent, parse_callback\n\n"
        'event = parse_callback(\'{"eventType": "gather", "callId": "c-1", "digits": "1"}\')\n'
        'assert isinstance(event, GatherEvent) and event.digits == "1"\n'
        "assert event.expects_bxml  # reply 200 with a <Response>\n"
        "```\n",
    ]
    titles = {"voice": "Voice events", "messaging": "Messaging events"}
    for kind, models in event_models().items():
        out.append(f"## {titles[kind]}\n")
        out.append(
            table(
                ("Event type", "Model", "Reply"),
                [
                    (
                        ", ".join(f"`{t}`" for t in m.event_types) or " ",
                        f"[`{m.__name__}`](#{m.__name__.lower()})",
                        "BXML" if m.expects_bxml else "204",
                    )
                    for m in models
                ],
            )
        )
        out.extend(_section(model, triggers) for model in models)
    return "\n".join(out)

"""Write ``bxmlkit/vocabulary.py`` from the bundled XSD: ``python -m bxmlkit.schema.generate``.

The vocabulary is the XSD read once, at development time, into plain Python data that every
face of bxmlkit (codec errors, ``check``, ``validate``, lint, the start-up path) can import
without lxml, pydantic or a schema parse.  The XSD stays the one source: facts it cannot
express as XSD (document size, context rules, what a value means) live in its appinfo.

``--check`` exits 1 when the file on disk differs from what would be generated (CI and a test
use it); without it the file is rewritten.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from bxmlkit.schema import _files
from bxmlkit.schema._catalogue import (
    AttributeSpec,
    ElementSpec,
    ValueSpec,
    _XsdReader,
)
from bxmlkit.schema._files import read_xsd

__all__ = ["TARGET", "generate", "main"]

#: The generated module.
TARGET = Path(__file__).resolve().parent.parent / "vocabulary.py"

_XS = "{http://www.w3.org/2001/XMLSchema}"

_HEADER = '''\
"""The BXML vocabulary: the facts about BXML that every face of bxmlkit shares, as plain data.

GENERATED from schema/bxml.xsd by ``python -m bxmlkit.schema.generate`` (``make vocabulary``).
Do not edit: change the XSD (its appinfo holds what XSD cannot say) and regenerate; a test
fails when this file and the XSD disagree.  No pydantic, no lxml: the linter's start-up and
the error messages of every face read it.
"""
# ruff: noqa: E501
# No ``from __future__ import annotations`` here: NamedTuple would compile each field's
# annotation string at import (about 20 us a field); evaluated annotations cost nothing more.

from typing import Final, NamedTuple

__all__ = [
    "CONFERENCE_VERBS",
    "DTMF_ALPHABET",
    "ELEMENTS",
    "GATHER_MAX_PROMPTS",
    "MAX_DOCUMENT_BYTES",
    "ROOTS",
    "TRANSFER_ANSWER_FORBIDDEN_VERBS",
    "UUI_ENCODINGS",
    "VALUES",
    "VARIANTS",
    "VERBS",
    "Attribute",
    "Element",
    "Value",
]


class Value(NamedTuple):
    """The allowed values of an attribute or of an element's text (one XSD simple type)."""

    #: The XSD simple type's name, None for a built-in or anonymous type.
    type: str | None
    #: What the value is: url, websocket-url, phone-number, sip-uri, duration, dtmf, voice,
    #: locale, enum, int, decimal, boolean, string, ...
    kind: str
    #: How it is checked: boolean, int, decimal, enum, url, websocket-url or string.
    base: str
    #: The allowed values of an enumeration, else ().
    values: tuple[str, ...]
    #: Completes "expected ...": the one wording every face uses.
    expected: str
    minimum: int | float | None = None
    maximum: int | float | None = None
    max_length: int | None = None


class Attribute(NamedTuple):
    """An attribute as the XSD declares it."""

    value: Value
    required: bool = False
    #: The documented default (never added to a document).
    default: str | None = None
    #: A documented length limit the XSD does not enforce (the linter warns).
    soft_max_length: int | None = None
    #: Documented limits of a value the XSD accepts more widely (the linter reports them):
    #: these words, or text that ``soft_pattern`` matches whole; ``soft_expected`` says it.
    soft_values: tuple[str, ...] = ()
    soft_pattern: str | None = None
    soft_expected: str | None = None
    #: A documented largest value the XSD does not enforce, such as ``10s``.
    soft_maximum: str | None = None


class Element(NamedTuple):
    """An element as the XSD declares it."""

    #: root, verb (allowed in a root), noun (only inside a verb) or ssml.
    category: str
    #: empty, simple (text only), element-only or mixed.
    content: str
    #: The allowed text (simple content), else None.
    text: Value | None
    attributes: dict[str, Attribute]
    #: The elements allowed directly inside, in the XSD's order.
    children: tuple[str, ...]
    #: The elements this one appears in.
    parents: tuple[str, ...]

'''


def _value_kind(value: ValueSpec) -> str:
    if value.meaning:
        return value.meaning
    return value.kind


def _value(value: ValueSpec) -> str:
    fields = [
        repr(value.type_name),
        repr(_value_kind(value)),
        repr(value.kind),
        repr(tuple(value.enumeration or ())),
        repr(value.expected()),
    ]
    extra = {"minimum": value.min, "maximum": value.max, "max_length": value.max_length}
    fields.extend(f"{key}={item!r}" for key, item in extra.items() if item is not None)
    return f"Value({', '.join(fields)})"


def _value_ref(value: ValueSpec) -> str:
    return f"VALUES[{value.type_name!r}]" if value.type_name else _value(value)


def _attribute(spec: AttributeSpec) -> str:
    fields = [_value_ref(spec.value)]
    if spec.required:
        fields.append("required=True")
    if spec.default is not None:
        fields.append(f"default={spec.default!r}")
    if spec.soft_max_length is not None:
        fields.append(f"soft_max_length={spec.soft_max_length!r}")
    if spec.soft_values:
        fields.append(f"soft_values={spec.soft_values!r}")
    for name in ("soft_pattern", "soft_expected", "soft_maximum"):
        if getattr(spec, name) is not None:
            fields.append(f"{name}={getattr(spec, name)!r}")
    return f"Attribute({', '.join(fields)})"


def _element(spec: ElementSpec, indent: str) -> str:
    inner = indent + "    "
    lines = ["Element("]
    lines.append(f"{inner}category={spec.category!r},")
    lines.append(f"{inner}content={spec.content!r},")
    lines.append(f"{inner}text={_value_ref(spec.text) if spec.text else None},")
    if spec.attributes:
        lines.append(f"{inner}attributes={{")
        for name, attribute in spec.attributes.items():
            lines.append(f"{inner}    {name!r}: {_attribute(attribute)},")
        lines.append(f"{inner}}},")
    else:
        lines.append(f"{inner}attributes={{}},")
    lines.append(f"{inner}children={tuple(spec.children)!r},")
    lines.append(f"{inner}parents={tuple(spec.parents)!r},")
    lines.append(f"{indent})")
    return "\n".join(lines)


def _appinfo(path: Path, source: str) -> str:
    root = read_xsd(path)
    for info in root.iterfind(f"{_XS}annotation/{_XS}appinfo"):
        if info.get("source") == source:
            return " ".join((info.text or "").split())
    raise SystemExit(f"{path}: the schema's annotation has no appinfo {source!r}")


def _character_class(pattern: str) -> str:
    """The characters of the first ``[...]`` class of an XSD pattern, ranges expanded."""
    found = re.search(r"\[([^\]]+)\]", pattern)
    if found is None:
        raise SystemExit(f"no character class in the pattern {pattern!r}")
    body = found.group(1)
    chars: list[str] = []
    index = 0
    while index < len(body):
        if index + 2 < len(body) and body[index + 1] == "-":
            chars.extend(chr(c) for c in range(ord(body[index]), ord(body[index + 2]) + 1))
            index += 3
        else:
            chars.append(body[index])
            index += 1
    return "".join(chars)


def generate(path: Path | None = None) -> str:
    """The text of ``bxmlkit/vocabulary.py`` for the XSD at ``path`` (the bundled one)."""
    xsd = path or _files.schema_path()
    reader = _XsdReader(xsd)
    catalogue = reader.build()
    values: dict[str, ValueSpec] = {}
    for spec in catalogue.by_type.values():
        candidates = [a.value for a in spec.attributes.values()]
        if spec.text is not None:
            candidates.append(spec.text)
        for value in candidates:
            if value.type_name:
                values.setdefault(value.type_name, value)
    dtmf = values["DtmfDigitsType"].pattern or ""
    out = [_HEADER]
    out.append("#: The root elements.")
    out.append(f"ROOTS: Final = {tuple(catalogue.roots)!r}")
    verbs = tuple(sorted(n for n, s in catalogue.main.items() if s.category == "verb"))
    out.append("#: The verbs a root may hold.")
    out.append(f"VERBS: Final = {verbs!r}")
    size = int(_appinfo(xsd, "bxmlkit:max-document-bytes"))
    out.append("#: The largest document Bandwidth executes, in bytes.")
    out.append(f"MAX_DOCUMENT_BYTES: Final = {size!r}")
    out.append("#: The characters <SendDtmf> may send (digits, A-D, and the pauses , w W).")
    out.append(f"DTMF_ALPHABET: Final = {_character_class(dtmf)!r}")
    conference = tuple(_appinfo(xsd, "bxmlkit:conference-verbs").split())
    out.append("#: The verbs allowed in conference BXML.")
    out.append(f"CONFERENCE_VERBS: Final = frozenset({conference!r})")
    forbidden = tuple(_appinfo(xsd, "bxmlkit:transfer-answer-forbidden-verbs").split())
    out.append("#: The verbs not allowed in transfer-answer BXML.")
    out.append(f"TRANSFER_ANSWER_FORBIDDEN_VERBS: Final = frozenset({forbidden!r})")
    encodings = tuple(_appinfo(xsd, "bxmlkit:uui-encodings").split())
    out.append("#: The RFC 7433 encodings a uui (SIP User-To-User) value may declare.")
    out.append(f"UUI_ENCODINGS: Final = {encodings!r}")
    prompts = int(_appinfo(xsd, "bxmlkit:gather-max-prompts"))
    out.append("#: The most prompts a <Gather> may play: repeatCount x its prompts.")
    out.append(f"GATHER_MAX_PROMPTS: Final = {prompts!r}")
    out.append("")
    out.append("#: The named value types, by XSD simple type name.")
    out.append("VALUES: Final[dict[str, Value]] = {")
    for name in sorted(values):
        out.append(f"    {name!r}: {_value(values[name])},")
    out.append("}")
    out.append("")
    out.append("#: Every element, by name (where a name has several declarations, the main one).")
    out.append("ELEMENTS: Final[dict[str, Element]] = {")
    for name, spec in catalogue.main.items():
        out.append(f"    {name!r}: {_element(spec, '    ')},")
    out.append("}")
    out.append("")
    out.append("#: (element, parent) -> the declaration used there, if not the one in ELEMENTS.")
    out.append("VARIANTS: Final[dict[tuple[str, str], Element]] = {")
    for (name, _type_name), spec in catalogue.by_type.items():
        if catalogue.main[name] is spec:
            continue
        for parent in spec.parents:
            out.append(f"    ({name!r}, {parent!r}): {_element(spec, '    ')},")
    out.append("}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) ``bxmlkit/vocabulary.py``."""
    parser = argparse.ArgumentParser(prog="python -m bxmlkit.schema.generate")
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args(argv)
    text = generate()
    current = TARGET.read_text(encoding="utf-8") if TARGET.is_file() else ""
    if args.check:
        if current != text:
            print(f"{TARGET} is stale: run python -m bxmlkit.schema.generate", file=sys.stderr)
            return 1
        return 0
    if current != text:
        TARGET.write_text(text, encoding="utf-8")
        print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The models (``bxmlkit.models`` + ``bxmlkit.codec``) and the XSD say the same thing.

* statically: same elements, same XML attributes with the same requiredness, kind,
  enumeration, range and (hard) length limit, the same children and counts;
* by behaviour: for every attribute and every text-bearing element, a set of tricky values is
  accepted or refused alike by ``schema.validate`` and by ``codec.from_xml``;
* Hypothesis: every valid model serializes (``to_xml``) to XML the XSD accepts;
* every document of the negative corpus is refused by ``from_xml`` too, at the same line.

Adding an attribute, a child or a constraint to one side only makes this module fail.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from bxmlkit import schema
from bxmlkit._parser import parse
from bxmlkit.codec import from_xml, to_xml
from bxmlkit.errors import BxmlParseError
from bxmlkit.models import ELEMENTS, Bxml, Element, Response
from bxmlkit.models._base import field_constraints
from bxmlkit.schema import _catalogue

from .conftest import CORPUS, INVALID, VALID

try:  # the shared generators in tests/strategies.py, derived from the models' constraints
    from tests.strategies import documents as _shared_documents
except ImportError:  # pragma: no cover - fallback when tests/strategies.py is absent
    _shared_documents = None  # type: ignore[assignment]

CONTENT = {"empty": "empty", "text": "simple", "children": "element-only", "mixed": "mixed"}
KIND = {"bool": {"boolean"}, "int": {"int"}, "float": {"decimal"}}
STRING_KINDS = {"string", "enum", "url", "websocket-url"}
XML_NS = "{http://www.w3.org/XML/1998/namespace}"


def _specs() -> Iterator[tuple[str, schema.ElementSpec]]:
    yield from schema.element_catalogue().items()


def test_same_elements() -> None:
    assert set(ELEMENTS) == set(schema.element_catalogue())


@pytest.mark.parametrize(("tag", "spec"), list(_specs()), ids=lambda v: getattr(v, "name", v))
def test_attributes_agree(tag: str, spec: schema.ElementSpec) -> None:
    model = ELEMENTS[tag]
    declared = {a.xml_name: a for a in model.xml_attributes}
    assert sorted(declared) == sorted(spec.attributes)
    for name, attribute in spec.attributes.items():
        mine = declared[name]
        where = f"{tag}@{name}"
        assert mine.required == attribute.required, where
        if mine.kind in KIND:
            assert attribute.kind in KIND[mine.kind], where
        else:
            assert attribute.kind in STRING_KINDS, where
        constraints = mine.constraints
        assert constraints.enum == attribute.enumeration, where
        assert _same(constraints.ge, attribute.min), where
        assert _same(constraints.le, attribute.max), where
        assert constraints.max_length == attribute.max_length, where


def _same(left: float | None, right: float | None) -> bool:
    if left is None or right is None:
        return left is right
    return math.isclose(left, right)


@pytest.mark.parametrize(("tag", "spec"), list(_specs()), ids=lambda v: getattr(v, "name", v))
def test_content_and_children_agree(tag: str, spec: schema.ElementSpec) -> None:
    model = ELEMENTS[tag]
    assert CONTENT[model.content_kind] == spec.content
    assert sorted(model.child_tags) == sorted(spec.allowed_children)
    group = spec.child_group
    if model.content_kind == "children":
        assert group is not None
        constraints = field_constraints(model.model_fields[model.children_field or ""])
        assert (constraints.min_length or 0) == group.min_occurs
        assert constraints.max_length == group.max_occurs
    if model.content_kind == "text":
        assert spec.text is not None


def test_refer_sip_uri_takes_no_attributes_in_both() -> None:
    refer_uri = schema.element_spec("SipUri", "Refer")
    assert refer_uri is not None
    assert refer_uri.attributes == {}
    document = '<Response><Refer><SipUri tag="x">sip:a@example.com</SipUri></Refer></Response>'
    assert [v.kind for v in schema.validate(document)] == ["unknown-attribute"]
    with pytest.raises(BxmlParseError):
        from_xml(document)


# --- behaviour, value by value ---------------------------------------------------------------

SAMPLES = (
    "", " ", "0", "1", "-1", "+5", "007", " 5 ", "1.5", "5.", ".5", "1e2", "2", "12.5", "50",
    "51", "0.1", "0.05", "25", "26", "60", "61", "300", "301", "5000", "5001", "10800",
    "10801", "86400", "86401", "true", "false", "True", "FALSE", " true", "GET", "get",
    "POST", "https://example.com/a?b=c#d", "HTTP://EXAMPLE.COM", "http:example", "ftp://x",
    "/relative", "relative/path:colon", "a:b", "#frag", "?q=1", "https://a b", "wss://x",
    "WS://x", "ws:/x", "+15555550100", "+0555", "15555550100", "+1", "Restricted",
    "restricted", "sip:a@b", "sips:a@b", "sip:", "SIP:a@b", "julie", "9julie", "en_US",
    "es-MX", "cmn-CN", "english", "male", "Female", "dtmf_speech", "dtmf speech", "#", "*#",
    "ab", "x" * 256, "x" * 257, "x" * 2049, "a b", "mp3", "both", "stack", "away",
    "interpret", "date", "mdy", "1s", "500ms", "1.5s", "2 s", "strong", "x-strong",
    "moderate", "bidirectional", "c-123", "my-conf.1", "my conf", "12*#AbcD,wW", "12x",
)  # fmt: skip


def _occurrences() -> dict[tuple[str, str], tuple[Path, list[int]]]:
    """For each declaration (tag, type), one valid-corpus document and the element's
    position (child indexes from the root)."""
    found: dict[tuple[str, str], tuple[Path, list[int]]] = {}

    def walk(element: etree._Element, parent: str | None, trail: list[int], path: Path) -> None:
        spec = schema.element_spec(element.tag, parent)
        assert spec is not None
        found.setdefault((spec.name, spec.type_name), (path, trail))
        for index, child in enumerate(element.iterchildren(etree.Element)):
            walk(child, element.tag, [*trail, index], path)

    for path in VALID:
        walk(parse(path.read_bytes()).root, None, [], path)
    return found


OCCURRENCES = _occurrences()


def _variant(path: Path, trail: list[int], attribute: str | None, value: str) -> bytes:
    root = parse(path.read_bytes()).root
    element = root
    for index in trail:
        element = list(element.iterchildren(etree.Element))[index]
    if attribute is None:
        for child in list(element):
            element.remove(child)
        element.text = value
    else:
        element.set(attribute.replace("xml:", XML_NS), value)
    return bytes(etree.tostring(root, encoding="utf-8", xml_declaration=True))


def _verdicts(data: bytes) -> tuple[bool, bool]:
    by_xsd = schema.validate(data) == []
    try:
        from_xml(data)
    except BxmlParseError:
        by_model = False
    else:
        by_model = True
    return by_xsd, by_model


def _cases() -> Iterator[Any]:
    for (name, type_name), (path, trail) in sorted(OCCURRENCES.items()):
        spec = _catalogue.get_catalogue().by_type[(name, type_name)]
        label = name if type_name == f"{name}Type" or spec.category == "ssml" else type_name
        for attribute in spec.attributes:
            yield pytest.param(path, trail, attribute, id=f"{label}@{attribute}")
        if spec.content == "simple":
            yield pytest.param(path, trail, None, id=f"{label}#text")


@pytest.mark.parametrize(("path", "trail", "attribute"), list(_cases()))
def test_values_are_judged_alike(path: Path, trail: list[int], attribute: str | None) -> None:
    disagreements = []
    for value in SAMPLES:
        by_xsd, by_model = _verdicts(_variant(path, trail, attribute, value))
        if by_xsd != by_model:
            disagreements.append(f"{value[:20]!r}: xsd={by_xsd} model={by_model}")
    assert disagreements == []


# --- Hypothesis --------------------------------------------------------------------------------


@st.composite
def _fallback_documents(draw: st.DrawFn) -> Response | Bxml:  # pragma: no cover
    from bxmlkit.models import Gather, Hangup, Pause, PhoneNumber, SpeakSentence, Transfer

    verbs: list[Element] = [
        SpeakSentence(draw(st.from_regex(r"[A-Za-z0-9 .,!?<>&'\"]*[A-Za-z]", fullmatch=True))),
        Pause(duration=draw(st.floats(0.1, 86400))),
        Gather(max_digits=draw(st.integers(1, 50))),
        Transfer(PhoneNumber("+1" + draw(st.from_regex(r"[0-9]{10}", fullmatch=True)))),
        Hangup(),
    ]
    bxml_root = draw(st.booleans())
    chosen = draw(st.lists(st.sampled_from(verbs), max_size=5))
    return Bxml(*chosen) if bxml_root else Response(*chosen)


DOCUMENTS = _shared_documents() if _shared_documents is not None else _fallback_documents()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_every_valid_model_serializes_to_xsd_valid_xml(document: Response | Bxml) -> None:
    xml = to_xml(document)
    assert schema.validate(xml) == []


# --- the negative corpus ----------------------------------------------------------------------

EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (CORPUS / "invalid" / "expected.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_negative_corpus_is_refused_by_the_codec_at_the_same_line(path: Path) -> None:
    with pytest.raises(BxmlParseError) as caught:
        from_xml(path)
    assert caught.value.line == EXPECTED[path.name]["line"]


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_corpus_is_accepted_by_the_codec(path: Path) -> None:
    document = from_xml(path)
    assert schema.validate(to_xml(document)) == []

"""The XSD files themselves: self-contained, offline, documented, no defaults, and in line
with the shared reference facts and conventions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import xmlschema
from lxml import etree

from bxmlkit import schema
from bxmlkit._parser import parse
from bxmlkit.schema import _catalogue

from .conftest import XSD

XS = "{http://www.w3.org/2001/XMLSchema}"
XML_XSD = XSD.parent / "xml.xsd"
REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference" / "bxml-v2.json"


def _tree(path: Path) -> etree._Element:
    return parse(path.read_bytes(), source=str(path)).root


def test_compiles_with_lxml_and_with_xmlschema() -> None:
    etree.XMLSchema(etree.parse(str(XSD)))
    xmlschema.XMLSchema10(str(XSD))


def test_imports_are_local_files_only() -> None:
    """No http(s) schemaLocation: validation never needs the network."""
    for path in (XSD, XML_XSD):
        for node in _tree(path).iter(XS + "import", XS + "include", XS + "redefine"):
            location = node.get("schemaLocation", "")
            assert location, "every import names a local file"
            assert not re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", location), location
            assert (path.parent / location).is_file()


def test_xml_lang_works_offline_with_both_processors() -> None:
    """lxml (libxml2, with network off in our parser) and xmlschema both resolve xml:lang."""
    good = '<Response><SpeakSentence><lang xml:lang="es-MX">Hola</lang></SpeakSentence></Response>'
    bad = good.replace("es-MX", "spanish")
    assert schema.validate(good) == []
    assert [v.kind for v in schema.validate(bad)] == ["invalid-value"]
    other = xmlschema.XMLSchema10(str(XSD), allow="local")
    assert other.is_valid(good)
    assert not other.is_valid(bad)


def test_xml_lang_pattern_is_the_locale_pattern() -> None:
    catalogue = schema.element_catalogue()
    assert (
        catalogue["lang"].attributes["xml:lang"].pattern
        == catalogue["SpeakSentence"].attributes["locale"].pattern
    )


def test_no_defaults_or_fixed_values_are_declared() -> None:
    for path in (XSD, XML_XSD):
        for node in _tree(path).iter(XS + "attribute", XS + "element"):
            assert node.get("default") is None, node.get("name")
            assert node.get("fixed") is None, node.get("name")


def test_only_the_two_roots_are_global_elements() -> None:
    globals_ = [node.get("name") for node in _tree(XSD).iterchildren(XS + "element")]
    assert globals_ == ["Response", "Bxml"]


def test_every_type_element_and_attribute_is_documented() -> None:
    root = _tree(XSD)
    for node in root.iter(XS + "complexType", XS + "simpleType", XS + "attribute"):
        if node.tag == XS + "simpleType" and node.get("name") is None:
            continue
        text = node.findtext(f"{XS}annotation/{XS}documentation") or ""
        assert len(text.split()) >= 3, f"{node.tag} {node.get('name') or node.get('ref')}"
    for node in root.iterchildren(XS + "element"):
        assert node.findtext(f"{XS}annotation/{XS}documentation")


def test_documented_defaults_agree_with_the_text() -> None:
    for spec in _catalogue.get_catalogue().by_type.values():
        for attribute in spec.attributes.values():
            if attribute.default is not None:
                shown = attribute.default or "(empty)"
                assert f"Default: {shown}." in attribute.documentation, (spec.name, attribute.name)


def test_simple_type_names_are_clear() -> None:
    names = {node.get("name") for node in _tree(XSD).iterchildren(XS + "simpleType")}
    assert {"UrlType", "WebSocketUrlType", "E164Type", "BooleanType", "MethodType"} <= names
    assert all(name and name.endswith("Type") for name in names)


def _reference() -> dict[str, dict[str, object]]:
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    return {element["name"]: element for element in data["elements"]}


# Conventions (shared decisions) that deliberately differ from the raw reference.
OPEN_CATALOGUE = {("SpeakSentence", "voice"), ("SpeakSentence", "locale")}
ADDED_RANGES = {
    ("Gather", "repeatCount"): (1, None),
    ("Gather", "speechTimeout"): (1, None),
    ("Record", "maxDuration"): (1, 10800),
}
SOFT_LIMITS = {("SipUri", "uui"): 256, ("PhoneNumber", "uui"): 350, ("Forward", "uui"): 256}
KIND_OF = {"bool": "boolean", "int": "int", "float": "decimal", "enum": "enum", "url": "url"}


def test_elements_and_attributes_match_the_reference() -> None:
    reference = _reference()
    catalogue = schema.element_catalogue()
    assert set(reference) == {n for n, s in catalogue.items() if s.category in ("verb", "noun")}
    for name, element in reference.items():
        spec = catalogue[name]
        attributes = {a["name"]: a for a in element.get("attributes", [])}  # type: ignore[attr-defined]
        assert list(spec.attributes) == list(attributes), name
        for attr_name, facts in attributes.items():
            declared = spec.attributes[attr_name]
            where = (name, attr_name)
            assert declared.required == facts["required"], where
            expected_kind = KIND_OF.get(str(facts["type"]), "string")
            if where in OPEN_CATALOGUE:
                expected_kind = "string"
            elif attr_name == "destination":
                expected_kind = "websocket-url"
            assert declared.kind == expected_kind, where
            if facts.get("allowed") and where not in OPEN_CATALOGUE:
                assert declared.enumeration == tuple(facts["allowed"]), where
            bounds = facts.get("range") or {}
            low, high = ADDED_RANGES.get(where, (bounds.get("min"), bounds.get("max")))
            if where == ("Record", "maxDuration"):
                assert bounds == {"min": None, "max": 10800}
            assert (declared.min, declared.max) == (low, high), where
            if where in SOFT_LIMITS:
                assert declared.max_length is None
                assert declared.soft_max_length == SOFT_LIMITS[where]
                assert facts["max_length"] == SOFT_LIMITS[where]
            else:
                assert declared.max_length == facts.get("max_length"), where


def test_children_match_the_reference() -> None:
    reference = _reference()
    catalogue = schema.element_catalogue()
    for name, element in reference.items():
        names = [c["name"] for c in element.get("children", []) if "name" in c]  # type: ignore[attr-defined]
        assert sorted(catalogue[name].allowed_children) == sorted(names), name
    transfer = catalogue["Transfer"].child_group
    assert transfer is not None
    assert (transfer.min_occurs, transfer.max_occurs) == (1, 8)
    refer = schema.element_spec("SipUri", "Refer")
    assert refer is not None
    assert refer.attributes == {}


def test_roots_match_the_reference() -> None:
    roots = json.loads(REFERENCE.read_text(encoding="utf-8"))["roots"]
    catalogue = schema.element_catalogue()
    for root in ("Response", "Bxml"):
        assert sorted(catalogue[root].allowed_children) == sorted(roots[root]["children"])

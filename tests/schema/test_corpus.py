"""The corpora: valid documents pass everywhere, each invalid one breaks exactly one rule.

``corpus/valid`` covers every element (in every context) and every attribute at least once;
``corpus/invalid/expected.json`` records, for each invalid document, the one violation
``validate`` must report: line, column, kind, path, element, attribute and message.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import xmlschema
from lxml import etree

from bxmlkit import schema
from bxmlkit._parser import parse
from bxmlkit.schema import _catalogue

from .conftest import CORPUS, INVALID, VALID, XSD

EXPECTED: dict[str, dict[str, object]] = json.loads(
    (CORPUS / "invalid" / "expected.json").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def other_validator() -> xmlschema.XMLSchema10:
    return xmlschema.XMLSchema10(str(XSD))


def _id(path: Path) -> str:
    return path.stem


def test_the_corpora_are_not_empty() -> None:
    assert len(VALID) >= 15
    assert len(INVALID) >= 40
    assert sorted(EXPECTED) == sorted(p.name for p in INVALID), "expected.json out of date"


@pytest.mark.parametrize("path", VALID, ids=_id)
def test_valid_document_has_no_violations(path: Path) -> None:
    assert schema.validate(path) == []


@pytest.mark.parametrize("path", VALID, ids=_id)
def test_valid_document_passes_xmlschema(
    path: Path, other_validator: xmlschema.XMLSchema10
) -> None:
    errors = [str(error) for error in other_validator.iter_errors(str(path))]
    assert errors == []


@pytest.mark.parametrize("path", INVALID, ids=_id)
def test_invalid_document_breaks_exactly_one_rule(path: Path) -> None:
    expected = EXPECTED[path.name]
    violations = schema.validate(path)
    assert len(violations) == 1, [str(v) for v in violations]
    (violation,) = violations
    found = {
        "line": violation.line,
        "column": violation.column,
        "kind": violation.kind,
        "path": violation.path,
        "element": violation.element,
        "attribute": violation.attribute,
        "message": violation.message,
    }
    assert found == expected


@pytest.mark.parametrize("path", VALID + INVALID, ids=_id)
def test_lxml_and_xmlschema_agree(path: Path, other_validator: xmlschema.XMLSchema10) -> None:
    """The same XSD judged by two independent XSD 1.0 processors gives the same verdict."""
    document = parse(path.read_bytes(), source=str(path))
    by_lxml = schema.compiled_schema().validate(document.root)
    by_xmlschema = other_validator.is_valid(str(path))
    assert by_lxml == by_xmlschema
    assert by_lxml == (path.parent.name == "valid")


def test_every_violation_kind_is_exercised() -> None:
    kinds = {entry["kind"] for entry in EXPECTED.values()}
    assert kinds == set(schema.VIOLATION_KINDS)


def _walk(element: etree._Element, parent: str | None, seen: set[tuple[str, str, str]]) -> None:
    spec = schema.element_spec(element.tag, parent) if parent else schema.element_spec(element.tag)
    assert spec is not None, f"{element.tag} inside {parent}"
    seen.add((spec.name, spec.type_name, ""))
    for name in element.attrib:
        written = name.replace("{http://www.w3.org/XML/1998/namespace}", "xml:")
        seen.add((spec.name, spec.type_name, written))
    for child in element.iterchildren(etree.Element):
        _walk(child, element.tag, seen)


def test_valid_corpus_covers_every_element_and_attribute() -> None:
    """Every declaration (SipUri in Transfer and in Refer, SSML too) and every attribute."""
    seen: set[tuple[str, str, str]] = set()
    for path in VALID:
        _walk(parse(path.read_bytes()).root, None, seen)
    wanted = set()
    for spec in _catalogue.get_catalogue().by_type.values():
        wanted.add((spec.name, spec.type_name, ""))
        wanted.update((spec.name, spec.type_name, attribute) for attribute in spec.attributes)
    assert sorted(wanted - seen) == []
    assert len({name for name, _, attribute in wanted if not attribute}) == 42


def test_valid_corpus_uses_both_roots_and_the_boundaries() -> None:
    roots = {parse(path.read_bytes()).root.tag for path in VALID}
    assert roots == {"Response", "Bxml"}
    text = "\n".join(path.read_text(encoding="utf-8") for path in VALID)
    for boundary in (
        'maxDigits="50"',
        'maxDigits="1"',
        'firstDigitTimeout="0"',
        'duration="0.1"',
        'duration="86400"',
        'maxDuration="10800"',
        'callTimeout="300"',
        'toneDuration="50"',
        'toneInterval="5000"',
    ):
        assert boundary in text


@pytest.mark.skipif(shutil.which("xmllint") is None, reason="xmllint (libxml2-utils) not installed")
@pytest.mark.parametrize("path", VALID + INVALID, ids=_id)
def test_xmllint_command_agrees(path: Path) -> None:
    """The README's recipe: ``xmllint --noout --schema schema/bxml.xsd doc.xml``."""
    result = subprocess.run(
        ["xmllint", "--noout", "--nonet", "--schema", str(XSD), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode == 0) == (path.parent.name == "valid"), result.stderr

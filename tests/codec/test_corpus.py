"""The document corpus: every file parses, re-serializes, and equals its input after
canonical normalisation (C14N, comments and insignificant whitespace ignored); together
the files use every element and every attribute."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from bxmlkit.codec import from_xml, to_xml
from bxmlkit.models import ELEMENTS

CORPUS = Path(__file__).parent / "corpus"
FILES = sorted(CORPUS.glob("*.xml"))
EXAMPLES = sorted((Path(__file__).parents[2] / "examples").glob("*.xml"))


def canonical(data: bytes) -> bytes:
    """C14N of ``data`` without comments, with whitespace-only and surrounding whitespace
    of element-only and text-only content removed."""
    root = etree.fromstring(data, etree.XMLParser(remove_comments=True, resolve_entities=False))
    for element in root.iter(etree.Element):
        if len(element) == 0:
            element.text = (element.text or "").strip() or None
        elif element.text is not None and not element.text.strip():
            element.text = None
        if element.tail is not None and not element.tail.strip():
            element.tail = None
    return bytes(etree.tostring(root, method="c14n"))


def test_corpus_is_not_empty() -> None:
    assert len(FILES) >= 8


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_round_trips_canonically(path: Path) -> None:
    original = path.read_bytes()
    model = from_xml(path)
    written = to_xml(model)
    assert canonical(written) == canonical(original)
    assert from_xml(written) == model
    assert canonical(to_xml(model, pretty=True)) == canonical(original)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_bundled_examples_are_in_the_corpus(path: Path) -> None:
    assert (CORPUS / path.name).read_bytes() == path.read_bytes()


def test_corpus_uses_every_element_and_attribute() -> None:
    seen: set[tuple[str, str]] = set()
    for path in FILES:
        root = etree.fromstring(path.read_bytes())
        for element in root.iter(etree.Element):
            seen.add((element.tag, ""))
            for name in element.attrib:
                name = name.replace("{http://www.w3.org/XML/1998/namespace}", "xml:")
                seen.add((element.tag, name))
    wanted = {(tag, "") for tag in ELEMENTS}
    for tag, cls in ELEMENTS.items():
        wanted |= {(tag, attribute.xml_name) for attribute in cls.xml_attributes}
    assert wanted - seen == set()

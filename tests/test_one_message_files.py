"""Every face agrees on every document the repository keeps: the schema corpus, the lint
golden documents and the examples (valid and broken).

For each one: the problem ``from_xml`` stops at is one of ``validate()``'s, with the same
line, column, message (``message; hint``) and expected; lint's structure and BXML v1 rules
report exactly ``validate()``'s problems, worded the same (a ``<SpeakSentence>`` with nothing
to speak included, which the XSD cannot see: ``validate()`` checks it after the XSD).  A
document that is not well-formed, or holds a DOCTYPE, an entity reference or a processing
instruction, makes ``from_xml`` and ``validate()`` raise the same error, which is lint's
first BX100/BX108 diagnostic.

The same checks run on valid documents given one random mistake each (a bad value, an
attribute added or removed, text, a child, an element removed or renamed), 320 of them from
fixed seeds.
"""

from __future__ import annotations

import random
from copy import deepcopy
from pathlib import Path

import pytest
from lxml import etree

from bxmlkit._parser import parse
from bxmlkit.codec import from_xml
from bxmlkit.errors import BxmlStructureError, XmlSyntaxError
from bxmlkit.lint import lint
from bxmlkit.schema import validate
from bxmlkit.vocabulary import ELEMENTS

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = sorted(
    [
        *(ROOT / "tests" / "schema" / "corpus").glob("*/*.xml"),
        *(ROOT / "tests" / "lint" / "golden" / "docs").glob("*.xml"),
        *(ROOT / "examples").rglob("*.xml"),
    ]
)
#: Lint's rules for what validate() reports: structure (BX1xx) and BXML v1 leftovers.
SAME_AS_VALIDATE = {"BX101", "BX102", "BX103", "BX104", "BX105", "BX106", "BX107", "BX109"}
SAME_AS_VALIDATE |= {"BX401", "BX402"}

#: (line, column, message; hint) of each problem, and what was expected (not from lint).
Found = list[tuple[int, int, str]]
Said = tuple[int, int, str, str]


def _faces(data: bytes) -> tuple[Said | None, list[Said], Found]:
    """What from_xml stops at, what validate() reports (each with its ``expected``), and
    lint's structure diagnostics."""
    first = None
    try:
        from_xml(data)
    except BxmlStructureError as error:
        text = f"{error.message}; {error.hint}" if error.hint else error.message
        first = (error.line, error.column, text, error.expected)
    found = [(v.line, v.column, v.message, v.expected or "") for v in validate(data)]
    linted = [(d.line, d.column, d.message) for d in lint(data) if d.code in SAME_AS_VALIDATE]
    return first, found, linted


def test_there_are_documents_of_every_sort() -> None:
    assert len(DOCUMENTS) >= 80
    assert any("broken" in p.parts for p in DOCUMENTS)


def _syntax_error(data: bytes) -> tuple[int, int, str] | None:
    """from_xml's XmlSyntaxError as (line, column, message; hint), after checking that
    validate() raises the same (expected and actual too); None when the document is XML without forbidden constructs."""
    try:
        from_xml(data)
    except XmlSyntaxError as error:
        with pytest.raises(XmlSyntaxError) as same:
            validate(data)
        said = (error.line, error.column, error.message, error.hint, error.expected, error.actual)
        other = same.value
        assert (
            other.line,
            other.column,
            other.message,
            other.hint,
            other.expected,
            other.actual,
        ) == said
        text = f"{error.message}; {error.hint}" if error.hint else error.message
        return error.line, error.column, text
    except BxmlStructureError:
        pass
    return None


@pytest.mark.parametrize("path", DOCUMENTS, ids=[str(p.relative_to(ROOT)) for p in DOCUMENTS])
def test_every_face_agrees(path: Path) -> None:
    syntax = _syntax_error(path.read_bytes())
    if syntax is not None:
        refused = sorted(
            (d.line, d.column, d.message)
            for d in lint(path.read_bytes())
            if d.code in ("BX100", "BX108")
        )
        assert refused[0] == syntax
        return
    first, found, linted = _faces(path.read_bytes())
    # two problems at one place: either order
    assert sorted(linted) == sorted(said[:3] for said in found)
    if first is None:
        assert found == []
    else:
        assert first in found  # the same expected too


# -- one mistake more: valid documents, mutated at random (seeded, so every run is the same) --

VALID = sorted(
    [*(ROOT / "tests" / "schema" / "corpus" / "valid").glob("*.xml"), *ROOT.glob("examples/*.xml")]
)
_VALUES = ["", " ", "0", "-1", "abc", "True", "1.5", "99999", "x" * 300, "GET", "get"]
_VALUES += ["wss://a", "http://a b", "+1555", "sip:x", "1e3", "\t5", " dtmf "]
_ATTRIBUTES = sorted({a for e in ELEMENTS.values() for a in e.attributes if ":" not in a})


def _mutated(data: bytes, rng: random.Random) -> bytes:
    """``data`` with one random change: a value, an attribute added or removed, text, a child
    added, an element removed or renamed (names and values BXML has, or near misses)."""
    root = deepcopy(parse(data).root)
    element = rng.choice(list(root.iter(etree.Element)))
    parent = element.getparent()
    change = rng.randrange(7)
    if change == 0 and element.attrib:
        element.set(rng.choice(sorted(element.attrib)), rng.choice(_VALUES))
    elif change == 1:
        element.set(rng.choice(_ATTRIBUTES), rng.choice(_VALUES))
    elif change == 2 and element.attrib:
        del element.attrib[rng.choice(sorted(element.attrib))]
    elif change == 3:
        element.text = rng.choice([*_VALUES, "hello"])
    elif change == 4:
        etree.SubElement(element, rng.choice(sorted(ELEMENTS)))
    elif change == 5 and parent is not None:
        parent.remove(element)
    else:
        element.tag = rng.choice(sorted(ELEMENTS))
    mutated: bytes = etree.tostring(root)
    return mutated


@pytest.mark.parametrize("seed", range(8))
def test_mutated_documents_read_the_same_everywhere(seed: int) -> None:
    rng = random.Random(seed)
    checked = 0
    for _ in range(40):
        data = _mutated(rng.choice(VALID).read_bytes(), rng)
        first, found, linted = _faces(data)
        assert sorted(linted) == sorted(said[:3] for said in found), data
        if first is None:
            assert found == [], data
        else:
            assert first in found, data
            checked += 1
    assert len(VALID) >= 20 and checked >= 10  # most mutations are mistakes

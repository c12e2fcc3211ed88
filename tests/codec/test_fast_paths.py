"""The codec's fast paths give exactly what the straightforward paths give.

``to_xml`` runs a writer compiled per model class; ``from_xml`` validates a whole document
in one pydantic call and only reads it again element by element to locate an error.  These
tests pin both against the slower, obviously correct forms.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from lxml import etree

from bxmlkit import models as M
from bxmlkit._parser import parse
from bxmlkit.codec import _PLANS, _Reader, _writer_source, format_number, from_xml, to_xml
from bxmlkit.errors import BxmlStructureError, XmlSyntaxError
from bxmlkit.models import ELEMENTS
from tests.strategies import documents


@pytest.mark.parametrize("tag", sorted(ELEMENTS))
def test_every_writer_compiles_from_the_class_tables_alone(tag: str) -> None:
    cls = ELEMENTS[tag]
    source = _writer_source(cls)
    compile(source, tag, "exec")
    # Every attribute appears as its repr'd field name and XML name, in the class's order.
    positions = [source.index(f" {a.xml_name}=") for a in cls.xml_attributes]
    assert positions == sorted(positions)
    for attribute in cls.xml_attributes:
        assert f"values[{attribute.field!r}]" in source


def test_a_model_built_without_validation_still_gives_well_formed_xml() -> None:
    # model_construct skips validation: a string where a number belongs, markup in a field
    # whose pattern admits none.  The writer's general path escapes both.
    pause = M.Pause.model_construct(duration='2" onload="x')  # type: ignore[arg-type]
    sentence = M.SpeakSentence.model_construct(content=["hi"], voice="<b>")
    root = etree.fromstring(to_xml(M.Response.model_construct(verbs=[pause, sentence])))
    assert [child.tag for child in root] == ["Pause", "SpeakSentence"]
    assert root[0].get("duration") == '2" onload="x'
    assert root[1].get("voice") == "<b>"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (2.0, "2"),
        (0.5, "0.5"),
        (0.1, "0.1"),
        (86400.0, "86400"),
        (999999999999999.0, "999999999999999"),
        (1e-05, "0.00001"),
        (1e16, "10000000000000000"),
        (1.2345678901234567e20, "123456789012345670000"),
        (-0.0, "0"),
        (7, "7"),
    ],
)
def test_numbers_are_written_in_plain_decimal(value: float, text: str) -> None:
    assert format_number(value) == text
    if 0.1 <= value <= 86400:
        assert f'duration="{text}"'.encode() in to_xml(M.Pause(duration=value))


def _per_element(data: bytes) -> M.Response | M.Bxml:
    """The document read and validated one element at a time (the error-locating path)."""
    document = parse(data)
    reader = _Reader(document)
    outer = reader.outer_comments(document.root)
    return reader.element(document.root, _PLANS[document.root.tag], True, outer)  # type: ignore[no-any-return]


@settings(max_examples=150, deadline=None)
@given(documents())
def test_one_validation_per_document_equals_one_per_element(
    document: M.Response | M.Bxml,
) -> None:
    for pretty in (False, True):
        data = to_xml(document, pretty=pretty)
        assert from_xml(data) == _per_element(data) == document


def test_an_invalid_value_deep_inside_is_still_located() -> None:
    data = (
        b"<Response>\n  <Transfer>\n    <PhoneNumber>+15555550100</PhoneNumber>\n"
        b"    <PhoneNumber>5550100</PhoneNumber>\n  </Transfer>\n</Response>\n"
    )
    with pytest.raises(BxmlStructureError) as caught:
        from_xml(data)
    assert (caught.value.line, caught.value.path) == (4, "/Response/Transfer/PhoneNumber[2]")


def test_element_models_are_final() -> None:
    with pytest.raises(TypeError, match="Hangup cannot be subclassed: element models are final"):

        class MyHangup(M.Hangup):
            pass

    assert ELEMENTS["Hangup"] is M.Hangup


@pytest.mark.parametrize(
    ("xml", "column"),
    [
        ('<Response><Gather maxDigits="x"/><?pi?></Response>', 34),
        ('<Response><Gather maxDigits="-"/><Hangup><?pi?></Hangup></Response>', 42),
        ('<Response><Gather bogus="1"/><Transfer><PhoneNumber>+15555550100<?pi?></PhoneNumber>'
         "</Transfer></Response>", 65),
        ("<Response><Nope/><SpeakSentence>Hi <?pi?></SpeakSentence></Response>", 36),
        ('<Response>stray<Pause duration="1.5"/><?pi?></Response>', 39),
        ("<Foo><?pi?></Foo>", 6),
        ('<Response><Pause duration=" 2 "/><?pi?></Response>', 34),
        ('<Response><SpeakSentence><lang xml:lang="de">Hallo</lang><?pi?></SpeakSentence>'
         "</Response>", 58),
    ],
)  # fmt: skip
def test_a_processing_instruction_is_reported_before_any_other_mistake(
    xml: str, column: int
) -> None:
    # from_xml looks for forbidden constructs inside the root only when its reading of the
    # tree stops on something unusual; the order of the errors stays what it always was.
    with pytest.raises(XmlSyntaxError, match="a processing instruction is not allowed") as caught:
        from_xml(xml)
    assert (caught.value.line, caught.value.column) == (1, column)


def test_rare_forms_read_by_the_full_reader_give_the_same_model() -> None:
    # Signs, spaces and decimals in numbers, xml:lang and comments inside text-only elements
    # are read by _Reader.element, everything else by _Reader.data; the models agree.
    plain = from_xml(
        '<Response><Pause duration="2"/><SpeakSentence>Hi <lang xml:lang="de">Hallo</lang>'
        "</SpeakSentence><Transfer><PhoneNumber>+15555550100</PhoneNumber></Transfer></Response>"
    )
    rare = from_xml(
        '<Response><Pause duration=" +2.0 "/><SpeakSentence>Hi <lang xml:lang="de">Hallo</lang>'
        "</SpeakSentence><Transfer><PhoneNumber>+1555<!-- c -->5550100</PhoneNumber></Transfer>"
        "</Response>"
    )
    assert rare == plain

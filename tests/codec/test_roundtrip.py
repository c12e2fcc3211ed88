"""The laws of the codec: from_xml(to_xml(m)) == m, deterministic output, JSON twin."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bxmlkit import models as M
from bxmlkit.codec import from_xml, to_xml
from bxmlkit.models import ELEMENTS, VERB_TAGS, Element
from tests.strategies import documents, elements


def _wrap(element: Element) -> M.Response:
    """Put any element into the smallest document that may hold it."""
    tag = element.xml_tag
    if tag in ("Response", "Bxml"):
        return element  # type: ignore[return-value]
    child: Any = element  # which parent may hold it is decided by its tag, at run time
    if tag in VERB_TAGS:
        return M.Response(child)
    if tag in M.SSML_TAGS:
        return M.Response(M.SpeakSentence("x", child))
    parents: dict[str, Callable[[Any], Any]] = {
        "PhoneNumber": lambda e: M.Transfer(e),
        "SipUri": lambda e: M.Transfer(e),
        "StreamParam": lambda e: M.StartStream(e, destination="wss://example.com"),
        "CustomParam": lambda e: M.StartTranscription(e),
        "Endpoint": lambda e: M.Connect(e),
    }
    return M.Response(parents[tag](child))


@pytest.mark.parametrize("tag", sorted(ELEMENTS))
@settings(max_examples=30)
@given(data=st.data())
def test_every_element_round_trips(tag: str, data: st.DataObject) -> None:
    document = _wrap(data.draw(elements(ELEMENTS[tag])))
    assert from_xml(to_xml(document)) == document
    assert from_xml(to_xml(document, pretty=True)) == document


@given(documents())
def test_documents_round_trip_through_xml_and_json(document: M.Response | M.Bxml) -> None:
    xml = to_xml(document)
    assert from_xml(xml) == document
    assert to_xml(from_xml(xml)) == xml  # deterministic: same model, same bytes
    assert type(document).model_validate_json(document.model_dump_json()) == document


@given(st.text(max_size=40))
def test_any_text_survives_in_a_sentence(text: str) -> None:
    if not text.strip() or any(ord(c) < 32 and c not in "\t\n\r" for c in text):
        return
    if any(0xD800 <= ord(c) <= 0xDFFF or c in "\ufffe\uffff" for c in text):
        return
    document = M.Response(M.SpeakSentence(text))
    assert from_xml(to_xml(document)) == document


def test_markup_characters_are_escaped_never_turned_into_markup() -> None:
    document = M.Response(M.SpeakSentence('1 < 2 & "3" > 0 <say-as interpret-as="date">x</say-as>'))
    xml = to_xml(document, xml_declaration=False)
    assert b"<say-as" not in xml
    assert b"&lt;say-as interpret-as=&quot;date&quot;&gt;" in xml
    assert from_xml(xml) == document


def test_attribute_whitespace_survives_as_character_references() -> None:
    document = M.Response(M.Gather(tag="a\tb\nc\rd"))
    xml = to_xml(document, xml_declaration=False)
    assert b'tag="a&#9;b&#10;c&#13;d"' in xml
    assert from_xml(xml) == document


def test_numbers_are_written_without_spurious_decimals_or_exponents() -> None:
    xml = to_xml(
        M.Response(
            M.Pause(duration=2.0), M.Pause(duration=0.1), M.Gather(first_digit_timeout=1e-05)
        )
    )
    assert b'duration="2"' in xml and b'duration="0.1"' in xml
    assert b'firstDigitTimeout="0.00001"' in xml


def test_declaration_and_pretty_layout() -> None:
    document = M.Response(M.Gather(M.SpeakSentence("Hi")), M.Hangup())
    assert to_xml(document).startswith(b'<?xml version="1.0" encoding="UTF-8"?><Response>')
    assert to_xml(document, pretty=True).decode() == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<Response>\n"
        "  <Gather>\n"
        "    <SpeakSentence>Hi</SpeakSentence>\n"
        "  </Gather>\n"
        "  <Hangup/>\n"
        "</Response>\n"
    )


def test_to_xml_refuses_non_models() -> None:
    with pytest.raises(TypeError, match="bxmlkit model"):
        to_xml("<Response/>")  # type: ignore[arg-type]

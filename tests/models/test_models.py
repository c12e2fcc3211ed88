"""Construction, validation, equality, repr and JSON of the models."""

from __future__ import annotations

import copy
import pickle

import pytest
from pydantic import ValidationError

from bxmlkit import models as M
from bxmlkit.catalogue import KNOWN_LOCALES, KNOWN_VOICES
from bxmlkit.codec import to_xml


def test_guide_example_serializes_like_the_documentation() -> None:
    doc = M.Response(
        M.SpeakSentence("Hello from Bandwidth.", voice="susan", locale="en_US", gender="female"),
        M.Hangup(),
    )
    assert to_xml(doc, xml_declaration=False) == (
        b'<Response><SpeakSentence voice="susan" gender="female" locale="en_US">'
        b"Hello from Bandwidth.</SpeakSentence><Hangup/></Response>"
    )


def test_positional_children_and_keywords_read_naturally() -> None:
    gather = M.Gather(M.SpeakSentence("Press 1"), gather_url="/menu", max_digits=1)
    assert gather.prompts == [M.SpeakSentence("Press 1")]
    assert gather.gather_url == "/menu"
    assert gather.max_digits == 1


def test_xml_names_are_accepted_as_keywords_too() -> None:
    assert M.Gather(maxDigits=3) == M.Gather(max_digits=3)  # type: ignore[call-overload]


@pytest.mark.parametrize(
    ("build", "message"),
    [
        pytest.param(
            lambda: M.Gather(M.Hangup()),  # type: ignore[call-overload]
            "not an element allowed here",
            id="gather-hangup",
        ),
        pytest.param(
            lambda: M.Transfer(M.SpeakSentence("x")),  # type: ignore[call-overload]
            "not an element",
            id="transfer-say",
        ),
        pytest.param(lambda: M.Transfer(), "at least 1", id="transfer-empty"),
        pytest.param(
            lambda: M.Transfer(*[M.PhoneNumber(f"+1555555010{i}") for i in range(9)]),
            "at most 8",
            id="transfer-nine",
        ),
        pytest.param(
            lambda: M.StartStream(
                *[M.StreamParam(name=str(i), value="v") for i in range(13)], destination="wss://x"
            ),
            "at most 12",
            id="stream-13-params",
        ),
        pytest.param(lambda: M.Connect(), "at least 1", id="connect-empty"),
        pytest.param(
            lambda: M.Refer(M.SipUri("sip:a@b", uui="x;encoding=base64")),
            "takes no attributes",
            id="refer-sipuri-attrs",
        ),
        pytest.param(
            lambda: M.Response(M.PhoneNumber("+15555550100")),  # type: ignore[call-overload]
            "not an element",
            id="root-noun",
        ),
    ],
)
def test_illegal_nesting_fails_at_construction(build: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        build()  # type: ignore[operator]


@pytest.mark.parametrize(
    ("build", "field"),
    [
        pytest.param(lambda: M.Gather(max_digits=0), "max_digits", id="maxDigits-low"),
        pytest.param(lambda: M.Gather(max_digits=51), "max_digits", id="maxDigits-high"),
        pytest.param(lambda: M.Gather(max_digits="5"), "max_digits", id="maxDigits-str"),  # type: ignore[call-overload]
        pytest.param(lambda: M.Gather(gather_method="get"), "gather_method", id="method-case"),  # type: ignore[call-overload]
        pytest.param(lambda: M.Pause(duration=0.05), "duration", id="pause-short"),
        pytest.param(lambda: M.Ring(answer_call="true"), "answer_call", id="bool-str"),  # type: ignore[arg-type]
        pytest.param(lambda: M.Redirect(redirect_url="ftp://x"), "redirect_url", id="url-scheme"),
        pytest.param(lambda: M.Redirect(redirect_url="a b"), "redirect_url", id="url-space"),
        pytest.param(lambda: M.Redirect(), "redirect_url", id="required"),  # type: ignore[call-arg]
        pytest.param(lambda: M.PhoneNumber("5555550100"), "number", id="not-e164"),
        pytest.param(lambda: M.SendDtmf("12x"), "digits", id="dtmf-char"),
        pytest.param(lambda: M.Conference("my conf"), "name", id="conference-space"),
        pytest.param(lambda: M.SpeakSentence("   "), "content", id="blank-sentence"),
        pytest.param(lambda: M.SpeakSentence("a\x00b"), "content", id="nul-in-text"),
        pytest.param(lambda: M.Gather(tag="x" * 257), "tag", id="tag-too-long"),
        pytest.param(lambda: M.StartStream(destination="https://x"), "destination", id="not-ws"),
        pytest.param(lambda: M.Hangup(bogus="1"), "bogus", id="unknown-attribute"),  # type: ignore[call-arg]
        pytest.param(lambda: M.SayAs("1", interpret_as="number"), "interpret_as", id="ssml-enum"),  # type: ignore[arg-type]
        pytest.param(lambda: M.Break(time="2 seconds"), "time", id="ssml-pattern"),
    ],
)
def test_strict_values(build: object, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        build()  # type: ignore[operator]
    locations = {str(error["loc"][0]) for error in info.value.errors() if error["loc"]}
    aliases = {field, *(info.value.errors()[0]["loc"][:1])}
    assert locations & aliases


def test_voice_and_locale_are_an_open_catalogue() -> None:
    sentence = M.SpeakSentence("Hi", voice="newvoice_enh", locale="pt_BR")
    assert sentence.voice == "newvoice_enh"
    assert "newvoice_enh" not in KNOWN_VOICES
    assert "julie" in KNOWN_VOICES and "en_US" in KNOWN_LOCALES
    with pytest.raises(ValidationError):
        M.SpeakSentence("Hi", voice="not a voice!")


def test_soft_uui_limit_is_accepted_by_the_model() -> None:
    long_uui = "A" * 400 + ";encoding=base64"
    assert M.SipUri("sip:a@example.com", uui=long_uui).uui == long_uui
    assert M.PhoneNumber("+15555550100", uui=long_uui).uui == long_uui
    assert M.Forward(to="+15555550100", uui=long_uui).uui == long_uui


def test_equality_is_by_value() -> None:
    assert M.Pause(duration=2) == M.Pause(duration=2.0)
    assert M.Pause(duration=2) != M.Pause(duration=3)
    assert M.Response(M.Hangup()) != M.Bxml(M.Hangup())  # type: ignore[comparison-overlap]


def test_repr_shows_content_and_set_attributes_only() -> None:
    doc = M.Response(M.Gather(M.SpeakSentence("Press 1"), max_digits=1))
    assert repr(doc) == "Response(Gather(SpeakSentence('Press 1'), max_digits=1))"


def test_json_round_trip_uses_xml_names_and_a_type_key() -> None:
    doc = M.Bxml(
        M.Gather(M.PlayAudio("/a.wav"), max_digits=2),
        M.Forward(to="+15555550100", from_="Anonymous"),
    )
    text = doc.model_dump_json()
    assert '"maxDigits":2' in text and '"from":"Anonymous"' in text and '"type":"Gather"' in text
    assert "null" not in text
    assert M.Bxml.model_validate_json(text) == doc


def test_json_with_a_wrong_type_key_is_rejected() -> None:
    with pytest.raises(ValidationError, match="type\n  Input should be 'Hangup'"):
        M.Hangup.model_validate({"type": "Pause"})


def test_every_element_names_its_type_and_json_puts_it_first() -> None:
    gather = M.Gather(M.PlayAudio("/a.wav"))
    assert (gather.type, gather.prompts[0].type) == ("Gather", "PlayAudio")
    assert next(iter(gather.model_dump())) == "type"
    assert M.Gather(type="Gather") == M.Gather()  # type: ignore[call-overload]
    with pytest.raises(ValidationError, match="Input should be 'Gather'"):
        M.Gather(type="Pause")  # type: ignore[call-overload]
    with pytest.raises(ValidationError):
        gather.type = "Pause"


def test_python_dicts_validate_like_json_and_say_where_they_fail() -> None:
    doc = M.Response(M.Gather(M.SpeakSentence("Hi", M.Break(time="1s")), max_digits=2))
    assert M.Response.model_validate(doc.model_dump()) == doc
    with pytest.raises(ValidationError) as caught:
        M.Response.model_validate({"verbs": [{"type": "Gather", "maxDigits": "2"}]})
    (error,) = caught.value.errors()
    assert error["loc"][-2:] == ("Gather", "maxDigits") and error["type"] == "int_type"
    with pytest.raises(ValidationError, match="not an element allowed here"):
        M.Response(M.Hangup(), "Hangup")  # type: ignore[call-overload]
    with pytest.raises(ValidationError, match="not an element allowed here"):
        M.SpeakSentence("Hi", M.Hangup())  # type: ignore[call-overload]


def test_copies_pickles_and_explicit_init_keep_working() -> None:
    # Calling a model class goes straight to pydantic-core (bxmlkit's metaclass); pydantic's
    # other ways of making instances must not be affected.
    doc = M.Response(M.Gather(M.SpeakSentence("Hi"), max_digits=2), M.Hangup())
    assert pickle.loads(pickle.dumps(doc)) == doc
    assert copy.deepcopy(doc) == doc and copy.copy(doc) == doc
    assert doc.model_copy(update={"verbs": []}) == M.Response()
    assert M.Hangup.model_construct() == M.Hangup()
    blank = M.Gather.__new__(M.Gather)
    blank.__init__(M.PlayAudio("/a.wav"), max_digits=3)  # type: ignore[misc]
    assert blank == M.Gather(M.PlayAudio("/a.wav"), max_digits=3)
    with pytest.raises(TypeError, match="one positional argument"):
        M.PhoneNumber("+15555550100", "+15555550101")  # type: ignore[call-arg]


def test_text_is_trimmed_and_sentence_exposes_plain_text() -> None:
    assert M.Bridge("  c-123 \n").call_id == "c-123"
    sentence = M.SpeakSentence("You owe ", M.SayAs("12", interpret_as="cardinal"), " dollars")
    assert sentence.text == "You owe 12 dollars"


def test_walk_visits_every_element_in_document_order() -> None:
    doc = M.Response(M.Gather(M.SpeakSentence("a", M.Break()), M.PlayAudio("/b.wav")), M.Hangup())
    assert [e.xml_tag for e in doc.walk()] == [
        "Response", "Gather", "SpeakSentence", "break", "PlayAudio", "Hangup"
    ]  # fmt: skip


def test_content_given_twice_is_an_error() -> None:
    with pytest.raises(TypeError, match="both positionally"):
        M.Gather(M.SpeakSentence("a"), prompts=[])  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="no positional"):
        M.Hangup("x")  # type: ignore[call-arg]


def test_assignment_is_validated() -> None:
    gather = M.Gather()
    with pytest.raises(ValidationError):
        gather.max_digits = 99


def test_every_reference_element_has_a_model() -> None:
    import json
    from pathlib import Path

    reference = Path(__file__).parents[1] / "data" / "reference" / "bxml-v2.json"
    names = {e["name"] for e in json.loads(reference.read_text())["elements"]}
    expected = {
        "Bridge", "Conference", "Connect", "Endpoint", "Forward", "Gather", "Hangup", "Pause",
        "PauseRecording", "PhoneNumber", "PlayAudio", "Record", "Redirect", "Refer",
        "ResumeRecording", "Ring", "SendDtmf", "SipUri", "SpeakSentence", "StartGather",
        "StartRecording", "StartStream", "StreamParam", "StartTranscription", "CustomParam",
        "StopGather", "StopRecording", "StopStream", "StopTranscription", "Tag", "Transfer",
    }  # fmt: skip
    assert names == expected
    assert expected | {"Response", "Bxml"} <= set(M.ELEMENTS)


def test_the_type_field_name_is_reserved() -> None:
    from typing import ClassVar

    from bxmlkit.models._base import Element

    with pytest.raises(TypeError, match="the field name 'type' is reserved"):

        class Beep(Element):
            xml_tag: ClassVar[str] = "Beep"
            type: str = "loud"

    assert "Beep" not in M.ELEMENTS

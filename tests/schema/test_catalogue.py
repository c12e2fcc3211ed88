"""``element_catalogue``: the XSD read back as data, for the linter and the model tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from bxmlkit import schema
from bxmlkit.errors import SchemaLoadError
from bxmlkit.schema import _catalogue

VERBS = {
    "Bridge", "Conference", "Connect", "Forward", "Gather", "Hangup", "Pause", "PauseRecording",
    "PlayAudio", "Record", "Redirect", "Refer", "ResumeRecording", "Ring", "SendDtmf",
    "SpeakSentence", "StartGather", "StartRecording", "StartStream", "StartTranscription",
    "StopGather", "StopRecording", "StopStream", "StopTranscription", "Tag", "Transfer",
}  # fmt: skip
NOUNS = {"Endpoint", "PhoneNumber", "SipUri", "StreamParam", "CustomParam"}
SSML = {"break", "emphasis", "lang", "p", "phoneme", "prosody", "s", "say-as", "sub"}


def test_categories_and_roots() -> None:
    catalogue = schema.element_catalogue()
    by_category: dict[str, set[str]] = {}
    for name, spec in catalogue.items():
        by_category.setdefault(spec.category, set()).add(name)
    assert by_category == {"root": {"Response", "Bxml"}, "verb": VERBS, "noun": NOUNS, "ssml": SSML}
    assert schema.root_names() == ("Response", "Bxml")
    assert catalogue["Response"].root
    assert not catalogue["Gather"].root
    assert len(VERBS | NOUNS) == 31


def test_catalogue_is_cached() -> None:
    assert schema.element_catalogue() is schema.element_catalogue()


def test_gather_attributes() -> None:
    gather = schema.element_catalogue()["Gather"]
    max_digits = gather.attributes["maxDigits"]
    assert (max_digits.kind, max_digits.min, max_digits.max, max_digits.required) == (
        "int",
        1,
        50,
        False,
    )
    assert max_digits.default == "50"
    assert gather.attributes["gatherMethod"].enumeration == ("GET", "POST")
    assert gather.attributes["gatherUrl"].kind == "url"
    assert gather.attributes["profanityFilter"].kind == "boolean"
    assert gather.attributes["firstDigitTimeout"].kind == "decimal"
    assert gather.attributes["firstDigitTimeout"].min == 0
    assert gather.attributes["tag"].max_length == 256
    assert gather.attributes["terminatingDigits"].pattern == "[0-9*#]*"
    assert gather.attributes["input"].enumeration == ("dtmf", "speech", "dtmf_speech")
    assert gather.allowed_children == ("SpeakSentence", "PlayAudio")
    assert gather.children["PlayAudio"].min_occurs == 0
    assert gather.children["PlayAudio"].max_occurs is None
    assert gather.content == "element-only"
    assert not gather.has_text


def test_required_attributes() -> None:
    catalogue = schema.element_catalogue()
    required = {
        (name, attribute)
        for name, spec in catalogue.items()
        for attribute in spec.required_attributes
    }
    assert required == {
        ("Forward", "to"),
        ("Redirect", "redirectUrl"),
        ("StartGather", "dtmfUrl"),
        ("StartStream", "destination"),
        ("StopStream", "name"),
        ("StreamParam", "name"),
        ("StreamParam", "value"),
        ("CustomParam", "name"),
        ("CustomParam", "value"),
        ("lang", "xml:lang"),
        ("phoneme", "ph"),
        ("say-as", "interpret-as"),
        ("sub", "alias"),
    }


def test_sip_uri_depends_on_its_parent() -> None:
    transfer_uri = schema.element_spec("SipUri", "Transfer")
    refer_uri = schema.element_spec("SipUri", "Refer")
    assert transfer_uri is schema.element_catalogue()["SipUri"]
    assert transfer_uri is not None
    assert "uui" in transfer_uri.attributes
    assert refer_uri is not None
    assert refer_uri.attributes == {}
    assert refer_uri.type_name == "ReferSipUriType"
    assert refer_uri.parents == ("Refer",)
    assert refer_uri.text is not None
    assert refer_uri.text.pattern == r"sips?:\S+"
    assert schema.element_spec("SipUri", "Gather") is None
    assert schema.element_spec("Nope") is None


def test_child_groups() -> None:
    catalogue = schema.element_catalogue()
    transfer = catalogue["Transfer"].child_group
    assert transfer is not None
    assert (transfer.names, transfer.min_occurs, transfer.max_occurs) == (
        ("PhoneNumber", "SipUri"),
        1,
        8,
    )
    refer = catalogue["Refer"].child_group
    assert refer is not None
    assert (refer.min_occurs, refer.max_occurs) == (1, 1)
    connect = catalogue["Connect"].children["Endpoint"]
    assert (connect.min_occurs, connect.max_occurs) == (1, None)
    stream = catalogue["StartStream"].children["StreamParam"]
    assert (stream.min_occurs, stream.max_occurs) == (0, 12)
    assert catalogue["Hangup"].children == {}
    assert catalogue["Hangup"].child_group is None


def test_text_content() -> None:
    catalogue = schema.element_catalogue()
    phone = catalogue["PhoneNumber"].text
    assert phone is not None
    assert phone.pattern == r"\+[1-9][0-9]{1,14}"
    assert phone.whitespace == "collapse"
    assert catalogue["Hangup"].content == "empty"
    assert catalogue["Hangup"].text is None
    assert catalogue["SpeakSentence"].content == "mixed"
    assert catalogue["Tag"].text is not None
    assert catalogue["Tag"].text.max_length == 256
    assert catalogue["Conference"].text is not None
    assert catalogue["say-as"].content == "simple"
    assert catalogue["break"].content == "empty"


def test_soft_limits_are_documented_not_enforced() -> None:
    catalogue = schema.element_catalogue()
    for name, limit in (("SipUri", 256), ("PhoneNumber", 350), ("Forward", 256)):
        uui = catalogue[name].attributes["uui"]
        assert (uui.max_length, uui.soft_max_length) == (None, limit)


def test_open_voice_and_locale() -> None:
    speak = schema.element_catalogue()["SpeakSentence"]
    assert speak.attributes["voice"].enumeration is None
    assert speak.attributes["voice"].pattern == "[A-Za-z][A-Za-z0-9_\\-]{0,63}"
    assert speak.attributes["gender"].enumeration == ("male", "female")


def test_parents_are_recorded() -> None:
    catalogue = schema.element_catalogue()
    assert catalogue["SpeakSentence"].parents == ("Response", "Bxml", "Gather")
    assert catalogue["Endpoint"].parents == ("Connect",)
    assert "SpeakSentence" in catalogue["emphasis"].parents


def test_expected_phrases() -> None:
    catalogue = schema.element_catalogue()
    assert catalogue["Ring"].attributes["answerCall"].value.expected() == (
        "true or false (lowercase)"
    )
    assert catalogue["Pause"].attributes["duration"].value.expected() == (
        "a decimal number from 0.1 to 86400"
    )
    assert catalogue["Gather"].attributes["repeatCount"].value.expected() == (
        "an integer (1 or more)"
    )
    assert catalogue["Redirect"].attributes["redirectMethod"].value.expected() == (
        "one of GET, POST"
    )


def test_an_xsd_construct_the_reader_does_not_know_is_refused(tmp_path: Path) -> None:
    xsd = tmp_path / "bxml.xsd"
    xsd.write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        '<xs:element name="Response" type="R"/>'
        '<xs:complexType name="R"><xs:all><xs:element name="A" type="R"/></xs:all>'
        "</xs:complexType></xs:schema>",
        encoding="utf-8",
    )
    with pytest.raises(SchemaLoadError, match="unsupported"):
        _catalogue._XsdReader(xsd).build()

"""Mistakes made in Python get messages as good as the same mistakes made in XML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from bxmlkit import Gather, Hangup, PhoneNumber, XmlSyntaxError, from_xml


def _build(cls: Any, *content: Any, **arguments: Any) -> Any:
    """Call a model class the way a user's (mistaken) code does, unseen by mypy."""
    return cls(*content, **arguments)


def _messages(error: ValidationError) -> list[tuple[tuple[str | int, ...], str]]:
    return [(tuple(item["loc"]), item["msg"]) for item in error.errors()]


@pytest.mark.parametrize(
    ("argument", "guess"),
    [
        pytest.param("maxdigits", "max_digits (XML name maxDigits)", id="lowercase-xml-name"),
        pytest.param("max_digit", "max_digits (XML name maxDigits)", id="typo"),
        pytest.param("gatherURL", "gather_url (XML name gatherUrl)", id="case-slip"),
        pytest.param("tags", "tag", id="same-name-in-xml"),
    ],
)
def test_unknown_keyword_names_the_argument_meant(argument: str, guess: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _build(Gather, **{argument: 3})
    assert _messages(caught.value) == [
        ((argument,), f"Gather() got an unknown argument {argument!r}; did you mean {guess}?")
    ]


def test_unknown_keyword_without_a_close_name_lists_the_arguments() -> None:
    with pytest.raises(ValidationError) as caught:
        _build(PhoneNumber, "+15555550100", colour="red")
    message = _messages(caught.value)[0][1]
    assert message.startswith("PhoneNumber() got an unknown argument 'colour'; its arguments are ")
    assert "number" in message and "transfer_answer_url" in message


def test_unknown_keyword_on_a_verb_without_attributes() -> None:
    with pytest.raises(ValidationError) as caught:
        _build(Hangup, reason="done")
    assert _messages(caught.value) == [
        (("reason",), "Hangup() got an unknown argument 'reason'; it takes no arguments")
    ]


def test_other_errors_keep_pydantics_words() -> None:
    with pytest.raises(ValidationError) as caught:
        _build(Gather, max_digits=80, maxdigit=1)
    assert _messages(caught.value) == [
        (("max_digits",), "Input should be less than or equal to 50"),
        (
            ("maxdigit",),
            "Gather() got an unknown argument 'maxdigit'; did you mean max_digits "
            "(XML name maxDigits)?",
        ),
    ]


def test_explicit_init_call_gets_the_same_message() -> None:
    gather = Gather()
    with pytest.raises(ValidationError, match="did you mean max_digits"):
        _build(Gather.__init__, gather, maxdigits=3)


@pytest.mark.parametrize("name", ["answer.xml", "bxml/answer.bxml", "C:\\calls\\answer.xml"])
def test_a_file_name_given_as_str_says_to_pass_a_path(name: str) -> None:
    with pytest.raises(XmlSyntaxError) as caught:
        from_xml(name)
    assert str(caught.value) == (
        f"<string>:1:1: the string {name!r} is not XML: a str is the document text itself; "
        f"to read the file, pass a Path: from_xml(Path({name!r}))"
    )


def test_a_path_reads_the_file(tmp_path: Path) -> None:
    path = tmp_path / "answer.xml"
    path.write_text("<Response><Hangup/></Response>", encoding="utf-8")
    assert from_xml(path).verbs == [Hangup()]


def test_text_that_is_not_a_file_name_gets_the_parser_message() -> None:
    with pytest.raises(XmlSyntaxError) as caught:
        from_xml("hello world")
    assert str(caught.value) == (
        "<string>:1:1: not well-formed XML: expected a root element <Response> or <Bxml>, found "
        '"hello world": a BXML document is one element with nothing before it but an XML '
        "declaration and comments; write <Response>...</Response>"
    )

"""Comments are content: kept where they stand, written back, refused when XML forbids them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from bxmlkit import (
    Break,
    Comment,
    Connect,
    Endpoint,
    Gather,
    Hangup,
    PhoneNumber,
    Refer,
    Response,
    SayAs,
    SipUri,
    SpeakSentence,
    Transfer,
    from_xml,
    to_xml,
)
from bxmlkit.cli import main
from bxmlkit.lint import lint
from bxmlkit.testing import bxml_diff

DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'


def test_comments_between_verbs_and_prompts_are_pinned() -> None:
    document = Response(
        Comment(" greet "),
        SpeakSentence("Hi"),
        Gather(Comment("menu"), SpeakSentence("Press 1"), max_digits=1),
        leading_comments=[Comment(" bxmlkit: disable-file=BX303 ")],
        trailing_comments=[Comment(" end ")],
    )
    assert (
        to_xml(document)
        == (
            DECLARATION + "<!-- bxmlkit: disable-file=BX303 --><Response><!-- greet -->"
            '<SpeakSentence>Hi</SpeakSentence><Gather maxDigits="1"><!--menu-->'
            "<SpeakSentence>Press 1</SpeakSentence></Gather></Response><!-- end -->"
        ).encode()
    )
    assert to_xml(document, pretty=True).decode() == (
        DECLARATION + "\n"
        "<!-- bxmlkit: disable-file=BX303 -->\n"
        "<Response>\n"
        "  <!-- greet -->\n"
        "  <SpeakSentence>Hi</SpeakSentence>\n"
        '  <Gather maxDigits="1">\n'
        "    <!--menu-->\n"
        "    <SpeakSentence>Press 1</SpeakSentence>\n"
        "  </Gather>\n"
        "</Response>\n"
        "<!-- end -->\n"
    )
    assert from_xml(to_xml(document)) == document
    assert from_xml(to_xml(document, pretty=True)) == document


def test_comments_in_ssml_stay_inline_and_are_not_spoken() -> None:
    sentence = SpeakSentence(
        "Your code is ", Comment(" read slowly "), SayAs("12", interpret_as="characters"), "."
    )
    xml = to_xml(Response(sentence), xml_declaration=False)
    assert xml == (
        b"<Response><SpeakSentence>Your code is <!-- read slowly -->"
        b'<say-as interpret-as="characters">12</say-as>.</SpeakSentence></Response>'
    )
    assert sentence.text == "Your code is 12."
    assert from_xml(xml) == Response(sentence)


def test_text_after_a_comment_stays_a_separate_item() -> None:
    document = from_xml("<Response><SpeakSentence>a<!--x-->b<break/>c</SpeakSentence></Response>")
    assert document == Response(SpeakSentence("a", Comment("x"), "b", Break(), "c"))


def test_a_sentence_of_comments_only_has_no_text() -> None:
    with pytest.raises(ValidationError, match="must contain some non-blank text"):
        SpeakSentence(Comment("just a note"))


def test_suppression_comments_survive_a_round_trip_and_keep_suppressing() -> None:
    source = (
        "<Response>\n"
        "  <Hangup/>\n"
        "  <!-- bxmlkit: disable-next-line=BX201 -->\n"
        "  <Hangup/>\n"
        "</Response>\n"
    )
    assert [d.code for d in lint(source)] == []
    rewritten = to_xml(from_xml(source), pretty=True)
    assert b"<!-- bxmlkit: disable-next-line=BX201 -->\n  <Hangup/>" in rewritten
    assert [d.code for d in lint(rewritten)] == []


def test_check_write_back_keeps_comments(tmp_path: Path) -> None:
    doc = tmp_path / "doc.xml"
    doc.write_text(
        "<!-- owner: ivr team -->\n<Response><!-- bxmlkit: disable-next-line=BX201 -->"
        "<Hangup></Hangup><SpeakSentence>Hi <!-- x --> there</SpeakSentence></Response>\n",
        encoding="utf-8",
    )
    assert main(["check", "-w", str(doc)]) == 0
    assert doc.read_text(encoding="utf-8") == (
        DECLARATION + "\n"
        "<!-- owner: ivr team -->\n"
        "<Response>\n"
        "  <!-- bxmlkit: disable-next-line=BX201 -->\n"
        "  <Hangup/>\n"
        "  <SpeakSentence>Hi <!-- x --> there</SpeakSentence>\n"
        "</Response>\n"
    )


def test_check_counts_verbs_not_comments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "doc.xml"
    doc.write_text("<Response><!-- a --><Hangup/><!-- b --></Response>", encoding="utf-8")
    assert main(["check", str(doc)]) == 0
    out = capsys.readouterr().out
    assert out in (f"ok {doc}: <Response> with 1 verb\n", f"ok {doc}: <Response> with 1 verbs\n")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("a--b", "contains '--', which XML forbids inside a comment", id="dashes"),
        pytest.param("--", "contains '--', which XML forbids inside a comment", id="only-dashes"),
        pytest.param("note -", "ends with '-', which XML forbids", id="trailing-dash"),
        pytest.param("a\rb", "contains a carriage return", id="carriage-return"),
        pytest.param("bell\x07", "String should match pattern", id="control-character"),
    ],
)
def test_comment_text_xml_cannot_carry_is_refused_at_construction(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Comment(text)


def test_comment_text_is_kept_exactly() -> None:
    for text in ["", " ", " a - b ", "<not markup> & 'quotes'", "line\nbreak", "-lead"]:
        document = Response(Comment(text), Hangup())
        assert from_xml(to_xml(document)) == document, text


def test_an_unvalidated_bad_comment_is_refused_by_to_xml() -> None:
    bad: Any = Comment.model_construct(text="a--b")
    document = Response.model_construct(verbs=[bad], leading_comments=[], trailing_comments=[])
    with pytest.raises(ValueError, match="cannot write the comment 'a--b' as XML"):
        to_xml(document)


def test_comments_do_not_count_as_children() -> None:
    uri = SipUri("sip:a@example.com")
    assert Refer(Comment("only one"), uri).targets == [Comment("only one"), uri]
    with pytest.raises(ValidationError, match="at least 1 item"):
        Refer(Comment("no uri"))
    with pytest.raises(ValidationError, match="at least 1 item"):
        Connect(Comment("no endpoint"))
    numbers = [PhoneNumber(f"+1555555010{i}") for i in range(8)]
    assert len(Transfer(Comment("eight"), *numbers, Comment("max")).targets) == 10
    with pytest.raises(ValidationError, match="at most 8 items"):
        Transfer(*numbers, PhoneNumber("+15555550109"))
    assert Connect(Endpoint("e-1"), Comment("x")).endpoints[1] == Comment("x")


def test_a_comment_where_an_element_was_too_many_is_located() -> None:
    numbers = "".join(f"<PhoneNumber>+1555555010{i}</PhoneNumber><!-- {i} -->" for i in range(9))
    with pytest.raises(
        Exception, match=r"allows at most 8 PhoneNumber or SipUri children"
    ) as error:
        from_xml(f"<Response><Transfer>{numbers}</Transfer></Response>")
    assert "(at /Response/Transfer/PhoneNumber[9])" in str(error.value)


def test_json_form_names_comments() -> None:
    document = Response(Comment(" a "), Hangup(), leading_comments=[Comment("top")])
    assert document.model_dump_json() == (
        '{"type":"Response","verbs":[{"type":"#comment","text":" a "},{"type":"Hangup"}],'
        '"leading_comments":[{"type":"#comment","text":"top"}]}'
    )
    assert Response.model_validate_json(document.model_dump_json()) == document
    assert Response().model_dump_json() == '{"type":"Response","verbs":[]}'


def test_repr_shows_comments() -> None:
    document = Response(Comment("x"), Hangup(), trailing_comments=[Comment("end")])
    assert repr(document) == "Response(Comment('x'), Hangup(), trailing_comments=[Comment('end')])"


def test_walk_and_iter_children_skip_comments() -> None:
    document = Response(Comment("x"), Gather(Comment("y"), SpeakSentence("Hi")))
    assert [element.xml_tag for element in document.walk()] == [
        "Response",
        "Gather",
        "SpeakSentence",
    ]


def test_comments_inside_text_only_and_empty_elements_are_not_kept() -> None:
    # The documented exception: such an element has no place for a comment.
    document = from_xml(
        "<Response><Transfer><PhoneNumber>+1555<!-- x -->5550100</PhoneNumber></Transfer>"
        "<Hangup><!-- y --></Hangup></Response>"
    )
    assert document == Response(Transfer(PhoneNumber("+15555550100")), Hangup())


def test_diffs_name_comments_as_xpath_does() -> None:
    left = Response(Comment(" a "), Hangup())
    right = Response(Comment(" b "), Hangup())
    assert [(d.path, d.left, d.right) for d in bxml_diff(left, right)] == [
        ("/Response/comment()[1]", "<!-- a -->", "<!-- b -->")
    ]

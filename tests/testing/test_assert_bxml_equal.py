"""bxmlkit.testing: semantic BXML comparison with located differences."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

from bxmlkit import (
    Break,
    Bxml,
    Gather,
    Hangup,
    Pause,
    PhoneNumber,
    Response,
    SpeakSentence,
    Transfer,
    from_xml,
    to_xml,
)
from bxmlkit.models._base import Element
from bxmlkit.testing import assert_bxml_equal, bxml_diff
from tests.strategies import documents

MENU = Response(
    SpeakSentence("Welcome.", voice="susan"),
    Gather(SpeakSentence("Press 1."), gather_url="/menu", max_digits=1),
    Hangup(),
)


def failure(actual: object, expected: object) -> str:
    with pytest.raises(AssertionError) as caught:
        assert_bxml_equal(actual, expected)  # type: ignore[arg-type]
    return str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            '<Response><SpeakSentence voice="susan">Welcome.</SpeakSentence>'
            '<Gather maxDigits="1" gatherUrl="/menu"><SpeakSentence>Press 1.</SpeakSentence>'
            "</Gather><Hangup/></Response>",
            id="attribute-order",
        ),
        pytest.param(
            "<?xml version='1.0'?>\n<Response>\n  <SpeakSentence voice='susan'>Welcome."
            "</SpeakSentence>\n  <Gather gatherUrl='/menu' maxDigits='1'>\n    "
            "<SpeakSentence>Press 1.</SpeakSentence>\n  </Gather>\n  <Hangup />\n</Response>\n",
            id="quotes-and-indentation",
        ),
        pytest.param(
            '<Response><SpeakSentence voice="&#115;usan"><![CDATA[Welcome.]]></SpeakSentence>'
            '<Gather gatherUrl="/menu" maxDigits="1"><SpeakSentence>Press&#32;1.</SpeakSentence>'
            "</Gather><Hangup></Hangup></Response>",
            id="character-references-cdata-empty-tag",
        ),
    ],
)
def test_formatting_is_not_a_difference(text: str) -> None:
    assert_bxml_equal(text, MENU)
    assert_bxml_equal(text.encode("utf-8"), MENU)
    assert bxml_diff(MENU, text) == []


def test_number_spelling_is_not_a_difference() -> None:
    assert_bxml_equal('<Response><Pause duration="5.0"/></Response>', Response(Pause(duration=5)))


def test_changed_attribute_names_its_path_and_both_values() -> None:
    changed = MENU.model_copy(deep=True)
    changed.verbs[1].max_digits = 3  # type: ignore[union-attr]
    assert failure(changed, MENU) == (
        "BXML differs (actual != expected), 1 difference:\n  /Response/Gather[1]/@maxDigits: 3 != 1"
    )


def test_attribute_set_on_one_side_only() -> None:
    actual = Response(SpeakSentence("Welcome."), Hangup())
    expected = Response(SpeakSentence("Welcome.", voice="susan", locale="en_US"), Hangup())
    assert failure(actual, expected).splitlines()[1:] == [
        '  /Response/SpeakSentence[1]/@voice: (absent) != "susan"',
        '  /Response/SpeakSentence[1]/@locale: (absent) != "en_US"',
    ]


def test_verb_added_and_removed() -> None:
    actual = Response(Pause(duration=1), SpeakSentence("Welcome.", voice="susan"), MENU.verbs[1])
    assert failure(actual, MENU).splitlines() == [
        "BXML differs (actual != expected), 2 differences:",
        '  /Response/Pause[1]: unexpected <Pause duration="1"/> (only in actual)',
        "  /Response/Hangup[1]: missing <Hangup/> (only in expected)",
    ]


def test_an_inserted_verb_is_one_difference_not_a_cascade() -> None:
    expected = Response(SpeakSentence("one"), SpeakSentence("two"), SpeakSentence("three"))
    actual = Response(
        SpeakSentence("one"), SpeakSentence("new"), SpeakSentence("two"), SpeakSentence("three")
    )
    assert [
        d.describe("a", "b", added="added", removed="removed") for d in bxml_diff(expected, actual)
    ] == ["/Response/SpeakSentence[2]: added <SpeakSentence>new</SpeakSentence> (only in b)"]


def test_a_changed_verb_among_same_tags_is_a_change_inside_it() -> None:
    expected = Response(SpeakSentence("one"), SpeakSentence("two"), Hangup())
    actual = Response(SpeakSentence("one"), SpeakSentence("2"), Hangup())
    assert failure(actual, expected).splitlines()[1:] == [
        '  /Response/SpeakSentence[2]/text()[1]: "2" != "two"'
    ]


def test_changes_after_an_insertion_pair_by_tag_not_by_index() -> None:
    expected = Response(SpeakSentence("x"), SpeakSentence("b"))
    actual = Response(SpeakSentence("w"), SpeakSentence("x"), SpeakSentence("c"))
    assert failure(actual, expected).splitlines()[1:] == [
        "  /Response/SpeakSentence[1]: unexpected <SpeakSentence>w</SpeakSentence> (only in actual)",
        '  /Response/SpeakSentence[3]/text()[1]: "c" != "b"',
    ]


def test_text_of_a_text_element() -> None:
    expected = Response(Transfer(PhoneNumber("+15555550100")))
    actual = Response(Transfer(PhoneNumber("+15555550199")))
    assert failure(actual, expected).splitlines()[1:] == [
        '  /Response/Transfer[1]/PhoneNumber[1]/text(): "+15555550199" != "+15555550100"'
    ]


def test_ssml_nodes_are_located_among_text() -> None:
    expected = Response(SpeakSentence("Hello ", Break(time="1s"), "world"))
    actual = Response(SpeakSentence("Hello ", Break(time="2s"), "world!"))
    assert failure(actual, expected).splitlines()[1:] == [
        '  /Response/SpeakSentence[1]/break[1]/@time: "2s" != "1s"',
        '  /Response/SpeakSentence[1]/text()[2]: "world!" != "world"',
    ]


def test_different_roots() -> None:
    assert failure(Bxml(Hangup()), Response(Hangup())).splitlines()[1:] == [
        "  /: <Bxml> != <Response>"
    ]


def test_long_elements_are_shortened_in_the_report() -> None:
    long_text = "a" * 200
    message = failure(Response(SpeakSentence(long_text)), Response())
    line = message.splitlines()[1]
    assert line.startswith("  /Response/SpeakSentence[1]: unexpected <SpeakSentence>aaaa")
    assert "…" in line
    assert len(line) < 140


def test_paths_and_files(tmp_path: Path) -> None:
    path = tmp_path / "menu.xml"
    path.write_bytes(to_xml(MENU, pretty=True))
    assert_bxml_equal(path, MENU)
    assert_bxml_equal(MENU, str(to_xml(MENU), "utf-8"))


def test_an_invalid_side_fails_the_assertion_with_its_location() -> None:
    message = failure('<Response>\n  <Gather maxDigits="x"/>\n</Response>', MENU)
    assert message.startswith("actual is not valid BXML: ")
    assert "line 2" in message or ":2:" in message
    assert "maxDigits" in message
    assert failure(MENU, "<Response>").startswith("expected is not valid BXML: ")


def test_other_inputs_are_a_type_error() -> None:
    with pytest.raises(TypeError, match="got int"):
        bxml_diff(MENU, 3)  # type: ignore[arg-type]


def test_elements_below_the_root_can_be_compared() -> None:
    assert bxml_diff(Gather(max_digits=1), Gather(max_digits=1)) == []
    assert [d.path for d in bxml_diff(Gather(max_digits=1), Gather(max_digits=2))] == [
        "/Gather/@maxDigits"
    ]


@given(documents())
def test_a_document_equals_its_own_pretty_serialization(document: Element) -> None:
    assert bxml_diff(document, to_xml(document, pretty=True)) == []
    assert_bxml_equal(from_xml(to_xml(document)), document)


@given(documents())
def test_a_removed_verb_is_found(document: Element) -> None:
    verbs = document.verbs  # type: ignore[attr-defined]
    if not verbs:
        smaller = document.model_copy(update={"verbs": [Hangup()]})
        kinds = {d.kind for d in bxml_diff(document, smaller)}
        assert kinds == {"only_in_right"}
        return
    smaller = document.model_copy(update={"verbs": verbs[:-1]})
    differences = bxml_diff(document, smaller)
    assert [d.kind for d in differences] == ["only_in_left"]
    last = verbs[-1]
    step = last.xml_tag if isinstance(last, Element) else "comment()"
    assert differences[0].path.startswith(f"/{document.xml_tag}/{step}[")


def test_comments_around_the_root_are_compared() -> None:
    before = "<!-- generated -->\n<Response><Hangup/></Response>\n<!-- end -->"
    after = "<!-- generated by v2 -->\n<Response><Hangup/></Response>\n<!-- end --><!-- x -->"
    assert [
        d.describe("a", "b", added="added", removed="removed") for d in bxml_diff(before, after)
    ] == [
        "/comment()[1]: <!-- generated --> != <!-- generated by v2 -->",
        "/comment()[3]: added <!-- x --> (only in b)",
    ]
    assert bxml_diff(before, before.replace("\n", "")) == []

"""Inline suppressions: disable / enable / disable-next-line / disable-line / disable-file."""

from __future__ import annotations

import textwrap

import pytest

from bxmlkit.lint import lint


def codes_at(xml: str, **config: object) -> list[tuple[int, str]]:
    source = textwrap.dedent(xml).strip() + "\n"
    return [(d.line, d.code) for d in lint(source, config=config or None)]


def test_disable_until_enable() -> None:
    found = codes_at(
        """
        <Response>
            <Hangup/>
            <!-- bxmlkit: disable=BX201 -->
            <Pause/>
            <!-- bxmlkit: enable=BX201 -->
        </Response>
        """
    )
    assert found == []
    found = codes_at(
        """
        <Response>
            <SpeakSentence voice="Sophia">a</SpeakSentence>
            <!-- bxmlkit: disable=unknown-voice -->
            <SpeakSentence voice="Sophia">b</SpeakSentence>
            <!-- bxmlkit: enable=unknown-voice -->
            <SpeakSentence voice="Sophia">c</SpeakSentence>
        </Response>
        """
    )
    assert found == [(2, "BX501"), (6, "BX501")]


def test_disable_next_line_and_line() -> None:
    found = codes_at(
        """
        <Response>
            <!-- bxmlkit: disable-next-line=BX501,BX502,ignored-attribute -->
            <SpeakSentence voice="Sophia" locale="en_GB">a</SpeakSentence>
            <SpeakSentence voice="Sophia">b</SpeakSentence> <!-- bxmlkit: disable-line=BX501 -->
            <SpeakSentence voice="Sophia">c</SpeakSentence>
        </Response>
        """
    )
    assert found == [(5, "BX501")]


def test_disable_file_anywhere() -> None:
    found = codes_at(
        """
        <Response>
            <SpeakSentence voice="Sophia">a</SpeakSentence>
        </Response>
        <!-- bxmlkit: disable-file=BX501 -->
        """
    )
    assert found == []


def test_only_the_named_codes_are_suppressed() -> None:
    found = codes_at(
        """
        <Response>
            <!-- bxmlkit: disable-next-line=BX502 -->
            <SpeakSentence voice="Sophia" locale="en_GB">a</SpeakSentence>
        </Response>
        """
    )
    assert found == [(3, "BX501"), (3, "BX204")]


def test_suppressions_work_in_a_broken_document() -> None:
    assert codes_at("<!-- bxmlkit: disable-file=BX100 -->\n<Response>") == []


def test_unknown_code_is_reported_and_known_codes_still_apply() -> None:
    found = codes_at(
        """
        <Response>
            <!-- bxmlkit: disable-next-line=BX501, BX999 -->
            <SpeakSentence voice="Sophia">a</SpeakSentence>
        </Response>
        """
    )
    assert found == [(2, "BX901")]


@pytest.mark.parametrize("report", [True, False])
def test_unused_suppressions(report: bool) -> None:
    xml = """
        <Response>
            <!-- bxmlkit: disable-next-line=BX501 -->
            <SpeakSentence voice="julie">a</SpeakSentence>
            <!-- bxmlkit: disable=BX201 -->
            <Hangup/>
        </Response>
    """
    found = codes_at(xml, **{"report-unused-suppressions": report})
    assert found == ([(2, "BX902"), (4, "BX902")] if report else [])


def test_suppressing_an_ignored_rule_is_not_unused() -> None:
    xml = "<Response>\n<!-- bxmlkit: disable-next-line=BX501 -->\n<Hangup/>\n</Response>"
    found = codes_at(xml, **{"report-unused-suppressions": True, "ignore": ["BX501"]})
    assert found == []

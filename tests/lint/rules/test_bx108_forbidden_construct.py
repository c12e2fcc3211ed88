"""BX108 forbidden-construct."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("xml", "problem", "words"),
    [
        pytest.param(
            (
                '<!DOCTYPE Response [<!ENTITY c "Example">]>\n<Response>'
                "<SpeakSentence>&c;</SpeakSentence></Response>"
            ),
            [(1, 1, "BX108"), (2, 26, "BX108")],  # the DOCTYPE and the entity reference
            "DOCTYPE",
            id="doctype",
        ),
        pytest.param(
            '<!DOCTYPE Response [<!ENTITY c "Example">]>\n'
            "<Response><SpeakSentence>&c;</SpeakSentence></Response>",
            [(1, 1, "BX108"), (2, 26, "BX108")],
            "entity reference is not allowed in BXML (&c;)",
            id="entity",
        ),
        pytest.param(
            '<?xml version="1.0"?>\n<?xml-stylesheet href="x"?>\n<Response/>',
            [(2, 1, "BX108"), (3, 1, "BX206")],
            "processing instruction",
            id="pi",
        ),
        pytest.param(
            "<Response><?php echo 1 ?><Hangup/></Response>",
            [(1, 11, "BX108")],
            "processing instruction",
            id="pi-inside",
        ),
    ],
)
def test_forbidden(
    xml: str, problem: list[tuple[int, int, str]], words: str, check: Any, messages: Any
) -> None:
    diagnostics = check(xml, problem=problem)
    assert any(words in m for m in messages(diagnostics, "BX108"))


def test_xml_declaration_is_fine(check: Any) -> None:
    check('<?xml version="1.0" encoding="UTF-8"?>\n<Response><Hangup/></Response>', clean="BX108")


def test_entity_does_not_crash_other_rules(check: Any) -> None:
    check(
        '<!DOCTYPE R [<!ENTITY c "x">]><Response><Ring answerCall="True"/>&c;</Response>',
        problem=[(1, 1, "BX108"), (1, 47, "BX104"), (1, 66, "BX108")],
    )

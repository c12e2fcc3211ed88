"""BX104 invalid-attribute-value."""

from __future__ import annotations

from typing import Any

import pytest

from bxmlkit.lint import lint
from bxmlkit.lint.fix import apply_fixes


@pytest.mark.parametrize(
    ("xml", "problem", "words"),
    [
        pytest.param(
            '<Response><Ring answerCall="True"/></Response>',
            (1, 17, "BX104"),
            'write "true"',
            id="python-True",
        ),
        pytest.param(
            '<Response><Conference mute="False">c</Conference></Response>',
            (1, 23, "BX104"),
            'write "false"',
            id="python-False",
        ),
        pytest.param(
            '<Response><Gather maxDigits="51"/></Response>', (1, 19, "BX104"), "1 to 50", id="range"
        ),
        pytest.param(
            '<Response><Gather maxDigits="4.5"/></Response>', (1, 19, "BX104"), "integer", id="type"
        ),
        pytest.param(
            '<Response><Gather gatherUrl="https://x" gatherMethod="post"/></Response>',
            (1, 41, "BX104"),
            'did you mean "POST"',
            id="enum-case",
        ),
        pytest.param(
            '<Response><Ring answerCall="1"/></Response>', (1, 17, "BX104"), '"1"', id="bool-one"
        ),
    ],
)
def test_invalid_value(
    xml: str, problem: tuple[int, int, str], words: str, check: Any, messages: Any
) -> None:
    diagnostics = check(xml, problem=problem)
    assert words in messages(diagnostics, "BX104")[0]


def test_python_booleans_are_fixed() -> None:
    source = '<Response>\n  <Ring  answerCall = "True" duration="2"/>\n</Response>\n'
    fixed, applied = apply_fixes(source, lint(source))
    assert applied == 1
    assert fixed == '<Response>\n  <Ring  answerCall = "true" duration="2"/>\n</Response>\n'
    assert lint(fixed) == []


def test_valid_values_are_clean(check: Any) -> None:
    check('<Response><Ring answerCall="false" duration="2.5"/></Response>', clean="BX104")

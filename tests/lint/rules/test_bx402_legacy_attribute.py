"""BX402 legacy-attribute."""

from __future__ import annotations

from typing import Any

import pytest

from bxmlkit.lint import lint
from bxmlkit.lint.fix import apply_fixes


@pytest.mark.parametrize(
    ("verb", "column", "replacement", "fixable"),
    [
        pytest.param('<Pause length="2"/>', 18, '"duration"', True, id="pause-length"),
        pytest.param('<Gather requestUrl="/g"/>', 19, '"gatherUrl"', True, id="gather-requestUrl"),
        pytest.param(
            '<Redirect redirectUrl="/r" requestUrlTimeout="3000"/>',
            38,
            "no v2 equivalent",
            False,
            id="timeout",
        ),
        pytest.param(
            '<Record transcribeCallbackUrl="/t"/>',
            19,
            '"transcriptionAvailableUrl"',
            True,
            id="transcribe-callback",
        ),
        pytest.param(
            '<SpeakSentence volume="2">hi</SpeakSentence>', 26, "prosody", False, id="volume"
        ),
    ],
)
def test_legacy_attribute(
    verb: str, column: int, replacement: str, fixable: bool, check: Any
) -> None:
    (diagnostic,) = check(f"<Response>{verb}</Response>", problem=(1, column, "BX402"))
    assert replacement in diagnostic.message
    assert (diagnostic.fix is not None) is fixable


def test_rename_fix() -> None:
    source = '<Response>\n  <Pause length="2"/>\n  <Redirect requestUrl="/next"/>\n</Response>\n'
    fixed, applied = apply_fixes(source, lint(source))
    assert applied == 2
    assert (
        fixed
        == '<Response>\n  <Pause duration="2"/>\n  <Redirect redirectUrl="/next"/>\n</Response>\n'
    )
    assert lint(fixed) == []


def test_no_rename_onto_an_existing_attribute() -> None:
    (diagnostic,) = lint('<Response><Pause length="2" duration="1"/></Response>')
    assert (diagnostic.line, diagnostic.column, diagnostic.code) == (1, 18, "BX402")
    assert diagnostic.fix is None


def test_v2_attributes_are_clean(check: Any, messages: Any) -> None:
    diagnostics = check('<Response><Pause duration="2"/></Response>', clean="BX402")
    assert not messages(diagnostics, "BX402")

"""BX101 wrong-root."""

from __future__ import annotations

from typing import Any

import pytest

from bxmlkit.lint import lint


@pytest.mark.parametrize(
    ("xml", "problem", "words"),
    [
        pytest.param(
            "<xml>\n<Response><Hangup/></Response>\n</xml>",
            (1, 1, "BX101"),
            "remove the <xml> wrapper",
            id="xml-wrapper",
        ),
        pytest.param(
            "<response><Hangup/></response>", (1, 1, "BX101"), "did you mean <Response>", id="case"
        ),
        pytest.param("<Request><Hangup/></Request>", (1, 1, "BX101"), "v1", id="v1-request"),
        pytest.param("<Speak>hi</Speak>", (1, 1, "BX101"), "not <Speak>", id="verb-as-root"),
    ],
)
def test_wrong_root(
    xml: str, problem: tuple[int, int, str], words: str, check: Any, messages: Any
) -> None:
    diagnostics = check(xml, problem=problem)
    assert words in messages(diagnostics, "BX101")[0]


@pytest.mark.parametrize("root", ["Response", "Bxml"])
def test_allowed_roots(root: str, check: Any) -> None:
    check(f"<{root}><Hangup/></{root}>", clean="BX101")


def test_unwrap_fix_keeps_everything_else() -> None:
    source = (
        '<?xml version="1.0"?>\n<xml>\n  <Response>\n    '
        "<Hangup/> <!-- bye -->\n  </Response>\n</xml>\n"
    )
    (wrapper,) = [d for d in lint(source) if d.code == "BX101"]
    assert wrapper.fix is not None
    from bxmlkit.lint.fix import apply_fixes

    fixed, applied = apply_fixes(source, [wrapper])
    assert applied == 1
    assert (
        fixed == '<?xml version="1.0"?>\n  <Response>\n    <Hangup/> <!-- bye -->\n  </Response>\n'
    )
    assert lint(fixed) == []


def test_default_namespace_is_one_diagnostic_and_the_fix_removes_xmlns() -> None:
    source = (
        '<Response xmlns="http://www.bandwidth.com/bxml">\n'
        "  <SpeakSentence>Hi</SpeakSentence>\n  <Hangup/>\n</Response>\n"
    )
    diagnostics = lint(source)
    assert [(d.code, d.line, d.column, d.message) for d in diagnostics] == [
        (
            "BX101",
            1,
            1,
            '<Response> declares the namespace xmlns="http://www.bandwidth.com/bxml", but BXML '
            'has no namespace: remove xmlns="http://www.bandwidth.com/bxml" (every element '
            "inside is in that namespace too, so Bandwidth would not recognise any of them)",
        )
    ]
    from bxmlkit.lint.fix import apply_fixes

    fixed, applied = apply_fixes(source, diagnostics)
    assert applied == 1
    assert fixed == "<Response>\n  <SpeakSentence>Hi</SpeakSentence>\n  <Hangup/>\n</Response>\n"
    assert lint(fixed) == []


def test_unknown_element_in_a_namespaced_root_is_still_reported() -> None:
    source = '<Response xmlns="urn:x">\n  <Say>Hi</Say>\n</Response>\n'
    assert [(d.code, d.line) for d in lint(source)] == [("BX101", 1), ("BX102", 2)]

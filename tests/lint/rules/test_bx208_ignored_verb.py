"""BX208 ignored-verb: a second StartRecording, StartGather with Forward."""

from __future__ import annotations

import pytest

from bxmlkit.lint import lint

Found = list[tuple[str, int, int, str]]

CASES: list[tuple[str, str, Found]] = [
    (
        "second-start-recording",
        '<Response>\n  <StartRecording/>\n  <SpeakSentence>Recorded.</SpeakSentence>\n  <StartRecording fileFormat="mp3"/>\n</Response>\n',
        [
            (
                "BX208",
                4,
                3,
                "this <StartRecording> is ignored: the one on line 2 is still recording (only one may be active); put <StopRecording/> before it, or remove it",
            )
        ],
    ),
    (
        "stopped-in-between",
        '<Response>\n  <StartRecording/>\n  <StopRecording/>\n  <StartRecording fileFormat="mp3"/>\n</Response>\n',
        [],
    ),
    (
        "start-gather-with-forward",
        '<Response>\n  <StartGather dtmfUrl="https://example.com/dtmf"/>\n  <Forward to="+15555551212"/>\n</Response>\n',
        [
            (
                "BX208",
                2,
                3,
                "<StartGather> cannot be used with <Forward> (line 3): no digits are reported during the forwarded call; remove one of them",
            )
        ],
    ),
]


@pytest.mark.parametrize(("xml", "expected"), [pytest.param(x, e, id=n) for n, x, e in CASES])
def test_exact_diagnostics(xml: str, expected: Found) -> None:
    assert [(d.code, d.line, d.column, d.message) for d in lint(xml)] == expected

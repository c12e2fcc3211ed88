"""BX207 duplicate-name: stream and transcription names are unique per call."""

from __future__ import annotations

import pytest

from bxmlkit.lint import lint

Found = list[tuple[str, int, int, str]]

CASES: list[tuple[str, str, Found]] = [
    (
        "same-stream-name",
        '<Response>\n  <StartStream name="agent" destination="wss://example.com/a"/>\n  <StartStream name="agent" destination="wss://example.com/b"/>\n</Response>\n',
        [
            (
                "BX207",
                3,
                16,
                "<StartStream name='agent'> repeats the name of the <StartStream> on line 2, which is still running: a name must be unique per call; choose another name (or stop the first with <StopStream>)",
            )
        ],
    ),
    (
        "stopped-in-between",
        '<Response>\n  <StartStream name="agent" destination="wss://example.com/a"/>\n  <StopStream name="agent"/>\n  <StartStream name="agent" destination="wss://example.com/b"/>\n</Response>\n',
        [],
    ),
    (
        "same-transcription-name",
        '<Response>\n  <StartTranscription name="t"/>\n  <Pause/>\n  <StartTranscription name="t"/>\n</Response>\n',
        [
            (
                "BX207",
                4,
                23,
                "<StartTranscription name='t'> repeats the name of the <StartTranscription> on line 2, which is still running: a name must be unique per call; choose another name (or stop the first with <StopTranscription>)",
            )
        ],
    ),
    (
        "stop-all-transcriptions",
        '<Response>\n  <StartTranscription name="t"/>\n  <StopTranscription/>\n  <StartTranscription name="t"/>\n</Response>\n',
        [],
    ),
    (
        "stream-and-transcription-may-share",
        '<Response>\n  <StartStream name="x" destination="wss://example.com/a"/>\n  <StartTranscription name="x"/>\n</Response>\n',
        [],
    ),
]


@pytest.mark.parametrize(("xml", "expected"), [pytest.param(x, e, id=n) for n, x, e in CASES])
def test_exact_diagnostics(xml: str, expected: Found) -> None:
    assert [(d.code, d.line, d.column, d.message) for d in lint(xml)] == expected

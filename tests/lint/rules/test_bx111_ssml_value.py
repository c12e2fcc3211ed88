"""BX111 ssml-value: SSML break time and prosody values."""

from __future__ import annotations

import pytest

from bxmlkit.lint import lint

Found = list[tuple[str, int, int, str]]

CASES: list[tuple[str, str, Found]] = [
    (
        "break-too-long",
        '<Response>\n  <SpeakSentence>Hold <break time="11s"/> on</SpeakSentence>\n</Response>\n',
        [
            (
                "BX111",
                2,
                30,
                "<break time='11s'> is longer than the maximum of 10 s: use at most \"10s\" (a <Pause> between sentences waits longer)",
            )
        ],
    ),
    (
        "break-not-duration-is-left-to-bx104",
        '<Response>\n  <SpeakSentence>Hold <break time="long"/> on</SpeakSentence>\n</Response>\n',
        [
            (
                "BX104",
                2,
                30,
                'break attribute time="long" is invalid: expected a duration such as 1s, 0.5s or 500ms',
            )
        ],
    ),
    (
        "break-ms-ok",
        '<Response>\n  <SpeakSentence>Hold <break time="10000ms"/> on <break time="1.5s"/></SpeakSentence>\n</Response>\n',
        [],
    ),
    (
        "prosody-bad",
        '<Response>\n  <SpeakSentence><prosody rate="-20%" pitch="loudish" volume="6dB">x</prosody></SpeakSentence>\n</Response>\n',
        [
            (
                "BX111",
                2,
                27,
                "<prosody rate='-20%'> is not a value the speech engine accepts: expected x-slow, slow, medium, fast, x-fast or a positive percentage such as 50%",
            ),
            (
                "BX111",
                2,
                39,
                "<prosody pitch='loudish'> is not a value the speech engine accepts: expected x-low, low, medium, high, x-high, default or a relative percentage such as -15% or +20%",
            ),
            (
                "BX111",
                2,
                55,
                "<prosody volume='6dB'> is not a value the speech engine accepts: expected silent, x-soft, soft, medium, loud, x-loud, default or decibels such as +1dB or -6dB",
            ),
        ],
    ),
    (
        "prosody-ok",
        '<Response>\n  <SpeakSentence><prosody rate="50%" pitch="-15%" volume="+1dB">x</prosody><prosody rate="x-fast" pitch="default" volume="silent">y</prosody></SpeakSentence>\n</Response>\n',
        [],
    ),
]


@pytest.mark.parametrize(("xml", "expected"), [pytest.param(x, e, id=n) for n, x, e in CASES])
def test_exact_diagnostics(xml: str, expected: Found) -> None:
    assert [(d.code, d.line, d.column, d.message) for d in lint(xml)] == expected

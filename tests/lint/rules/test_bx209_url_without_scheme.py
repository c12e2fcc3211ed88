"""BX209 url-without-scheme: a relative URL that looks like a host name."""

from __future__ import annotations

import pytest

from bxmlkit.lint import lint

Found = list[tuple[str, int, int, str]]

CASES: list[tuple[str, str, Found]] = [
    (
        "host-without-scheme",
        '<Response>\n  <Redirect redirectUrl="ivr.example.com/next"/>\n</Response>\n',
        [
            (
                "BX209",
                2,
                13,
                "redirectUrl 'ivr.example.com/next' has no scheme, so it is a path relative to the URL that returned this BXML, not the host 'ivr.example.com'; write 'https://ivr.example.com/next'",
            )
        ],
    ),
    (
        "www-audio",
        "<Response>\n  <PlayAudio>www.example.com/hello.wav</PlayAudio>\n</Response>\n",
        [
            (
                "BX209",
                2,
                14,
                "<PlayAudio> text 'www.example.com/hello.wav' has no scheme, so it is a path relative to the URL that returned this BXML, not the host 'www.example.com'; write 'https://www.example.com/hello.wav'",
            )
        ],
    ),
    (
        "relative-paths-are-fine",
        '<Response>\n  <PlayAudio>audio/hello.wav</PlayAudio>\n  <StartGather dtmfUrl="menu/main.php?x=1"/>\n  <Redirect redirectUrl="next.xml"/>\n</Response>\n',
        [],
    ),
    (
        "absolute-is-fine",
        '<Response>\n  <Redirect redirectUrl="https://ivr.example.com/next"/>\n</Response>\n',
        [],
    ),
    (
        "host-with-port-is-left-to-bx104",
        '<Response>\n  <Redirect redirectUrl="api.example.net:8443/bxml"/>\n</Response>\n',
        [
            (
                "BX104",
                2,
                13,
                'Redirect attribute redirectUrl="api.example.net:8443/bxml" is invalid: expected an http(s) URL or a relative URL, without spaces',
            )
        ],
    ),
]


@pytest.mark.parametrize(("xml", "expected"), [pytest.param(x, e, id=n) for n, x, e in CASES])
def test_exact_diagnostics(xml: str, expected: Found) -> None:
    assert [(d.code, d.line, d.column, d.message) for d in lint(xml)] == expected

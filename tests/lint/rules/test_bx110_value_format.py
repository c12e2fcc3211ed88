"""BX110 value-format: the formats the reference states in words (uui encoding, display names)."""

from __future__ import annotations

import pytest

from bxmlkit.lint import lint

Found = list[tuple[str, int, int, str]]

CASES: list[tuple[str, str, Found]] = [
    (
        "uui-without-encoding",
        '<Response>\n  <Forward to="+15555551212" uui="bXktdXVp"/>\n</Response>\n',
        [
            (
                "BX110",
                2,
                30,
                "uui value 'bXktdXVp' has no encoding parameter: the SIP User-To-User header must include RFC 7433 'encoding'; add ';encoding=base64' (or ';encoding=jwt')",
            )
        ],
    ),
    (
        "uui-hex-encoding",
        '<Response>\n  <Transfer>\n    <SipUri uui="abc;encoding=hex">sip:a@example.com</SipUri>\n  </Transfer>\n</Response>\n',
        [
            (
                "BX110",
                3,
                13,
                "uui encoding 'hex' is not allowed: only base64 and jwt are; write ';encoding=base64' or ';encoding=jwt'",
            )
        ],
    ),
    (
        "uui-list-second-missing",
        '<Response>\n  <Transfer>\n    <PhoneNumber uui="abc;encoding=base64,def">+15555551212</PhoneNumber>\n  </Transfer>\n</Response>\n',
        [
            (
                "BX110",
                3,
                18,
                "uui value 'def' has no encoding parameter: the SIP User-To-User header must include RFC 7433 'encoding'; add ';encoding=base64' (or ';encoding=jwt')",
            )
        ],
    ),
    (
        "uui-ok",
        '<Response>\n  <Transfer>\n    <PhoneNumber uui="abc;encoding=base64,eyJ;encoding=jwt">+15555551212</PhoneNumber>\n  </Transfer>\n</Response>\n',
        [],
    ),
    (
        "display-name-newline",
        '<Response>\n  <Forward to="+15555551212" callerDisplayName="Ann&#10;Lee"/>\n</Response>\n',
        [
            (
                "BX110",
                2,
                30,
                "callerDisplayName contains the control character U+000A: a display name may not contain control characters such as line breaks; remove it",
            )
        ],
    ),
    (
        "display-name-ok",
        '<Response>\n  <Forward to="+15555551212" callerDisplayName="Ann Lee"/>\n</Response>\n',
        [],
    ),
]


@pytest.mark.parametrize(("xml", "expected"), [pytest.param(x, e, id=n) for n, x, e in CASES])
def test_exact_diagnostics(xml: str, expected: Found) -> None:
    assert [(d.code, d.line, d.column, d.message) for d in lint(xml)] == expected

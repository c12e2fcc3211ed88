"""Encodings: BOMs, UTF-16, lying declarations, invalid bytes, NUL and control characters,
binary files, non-BMP speech.  Valid text round-trips exactly; everything else is refused
with a located ``XmlSyntaxError`` and BX100, never a crash, and ``--fix`` never rewrites it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from bxmlkit.codec import from_xml, to_xml
from bxmlkit.errors import BxmlParseError, XmlSyntaxError
from bxmlkit.lint import lint
from bxmlkit.models import Hangup, Response, SpeakSentence
from bxmlkit.schema import validate

from .conftest import CliRun

pytestmark = pytest.mark.usefixtures("no_network")

SPEECH = "Grüße 😀 𝄞 — 日本語 \U0010fffd"
DOC = f"<Response><SpeakSentence>{SPEECH}</SpeakSentence><Hangup/></Response>"
DECLARED = '<?xml version="1.0" encoding="{}"?>' + DOC
EXPECTED = Response(SpeakSentence(SPEECH), Hangup())

ACCEPTED: dict[str, str | bytes] = {
    "utf-8": DOC.encode("utf-8"),
    "utf-8-bom": b"\xef\xbb\xbf" + DOC.encode("utf-8"),
    "utf-16-bom": DECLARED.format("UTF-16").encode("utf-16"),
    "utf-16le-declared-no-bom": DECLARED.format("UTF-16LE").encode("utf-16-le"),
    "utf-16be-declared-no-bom": DECLARED.format("UTF-16BE").encode("utf-16-be"),
    "utf-16-bom-no-declaration": DOC.encode("utf-16"),
    "str-with-non-bmp": DOC,
}

REFUSED = {
    # (bytes, what the message says: bxmlkit._wellformed names the cause and the fix)
    "utf-16le-no-bom-no-declaration": (DOC.encode("utf-16-le"), "the bytes look like UTF-16 (little-endian) without a byte-order mark"),
    "declared-utf-8-but-latin-1": (
        DECLARED.format("UTF-8").replace(SPEECH, "café").encode("latin-1"),
        "the bytes are not UTF-8 (the declaration says UTF-8): at bytes 0xE9 0x3C 0x2F 0x53, byte 0xE9 is 'é' in windows-1252; save the file as UTF-8",
    ),
    "declared-utf-16-but-utf-8": (DECLARED.format("UTF-16").encode("utf-8"), 'the XML declaration says encoding="UTF-16", but the bytes are one byte per character'),
    "declared-unknown-encoding": (
        DECLARED.format("x-no-such-encoding").encode(),
        'encoding "x-no-such-encoding", which does not exist: declare encoding="UTF-8"',
    ),
    "invalid-utf-8": (b"<Response><SpeakSentence>\xff\xfe\xc3(</SpeakSentence></Response>", "the bytes are not UTF-8 (no encoding is declared, so XML reads it as UTF-8): at bytes 0xFF 0xFE 0xC3 0x28"),
    "truncated-utf-8": (b"<Response><SpeakSentence>\xe2\x82</SpeakSentence></Response>", "at bytes 0xE2 0x82 0x3C 0x2F"),
    "overlong-utf-8": (b"<Response><SpeakSentence>\xc0\xbc</SpeakSentence></Response>", "at bytes 0xC0 0xBC 0x3C 0x2F"),
    "utf-8-surrogate": (b"<Response><SpeakSentence>\xed\xa0\x80</SpeakSentence></Response>", "at bytes 0xED 0xA0 0x80 0x3C"),
    "nul-byte": (b"<Response><SpeakSentence>a\x00b</SpeakSentence></Response>", "the character U+0000 (null) is not allowed in XML 1.0"),
    "nul-in-tag": (b"<Respo\x00nse/>", "the character U+0000 (null) is not allowed"),
    "control-character": (b"<Response><SpeakSentence>a\x1bb</SpeakSentence></Response>", "the character U+001B (escape) is not allowed in XML 1.0, not even as a reference: remove it"),
    "control-character-reference": (b"<Response><SpeakSentence>&#1;</SpeakSentence></Response>", "the character reference &#1; is character 1, which XML 1.0 does not allow"),
    "control-in-attribute": (b'<Response><Redirect redirectUrl="/a\x07"/></Response>', "the character U+0007 (bell) is not allowed"),
    "binary-png": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "this is a binary file (it starts with the bytes 0x89 0x50 0x4E 0x47), not an XML document"),
    "binary-random": (bytes((i * 7919 + 13) % 256 for i in range(4096)), "this is a binary file (it starts with the bytes 0x0D 0xFC 0xEB 0xDA)"),
    "gzip-magic": (b"\x1f\x8b\x08\x00" + b"\x00" * 64, "this is a binary file (it starts with the bytes 0x1F 0x8B 0x08 0x00)"),
}  # fmt: skip


@pytest.mark.parametrize("name", list(ACCEPTED))
def test_accepted_encodings_round_trip_exactly(name: str, tmp_path: Path) -> None:
    source = ACCEPTED[name]
    model = from_xml(source)
    assert model == EXPECTED
    assert model.verbs[0].content == [SPEECH]  # type: ignore[union-attr]  # nothing lost
    assert from_xml(to_xml(model)) == model
    assert validate(source) == []
    assert lint(source) == []
    if isinstance(source, bytes):
        path = tmp_path / "doc.xml"
        path.write_bytes(source)
        assert from_xml(path) == EXPECTED
        assert lint(path) == []


@pytest.mark.parametrize("name", list(REFUSED))
def test_refused_bytes(name: str, tmp_path: Path, cli: Callable[..., CliRun]) -> None:
    data, message = REFUSED[name]
    with pytest.raises(XmlSyntaxError, match="not well-formed XML") as caught:
        from_xml(data)
    error = caught.value
    assert message in error.message
    assert error.line >= 1 and error.column >= 1
    assert "\n" not in error.message
    with pytest.raises(XmlSyntaxError, match="not well-formed XML"):
        validate(data)
    diagnostics = lint(data)
    assert [d.code for d in diagnostics] == ["BX100"], [str(d) for d in diagnostics]
    assert message in diagnostics[0].message
    path = tmp_path / "doc.xml"
    path.write_bytes(data)
    linted = cli("lint", "--isolated", "--color", "never", str(path))
    assert linted.code == 1
    assert cli("validate", str(path)).code == 2
    assert cli("check", str(path)).code == 1
    assert cli("lint", "--isolated", "--fix", str(path)).code == 1
    assert path.read_bytes() == data  # never rewritten


def test_declared_latin_1_over_utf_8_bytes_is_read_as_declared() -> None:
    """The declaration wins (XML 1.0, 4.3.3): every byte is valid Latin-1, so UTF-8 bytes
    under a Latin-1 declaration read as mojibake.  Documented, not detectable."""
    data = DECLARED.format("ISO-8859-1").replace(SPEECH, "café").encode("utf-8")
    model = from_xml(data)
    assert model.verbs[0].content == ["cafÃ©"]  # type: ignore[union-attr]


def test_lone_surrogate_in_text_is_refused() -> None:
    with pytest.raises(XmlSyntaxError):
        from_xml("<Response><SpeakSentence>\ud800</SpeakSentence></Response>")
    assert [d.code for d in lint("<Response><SpeakSentence>\ud800</SpeakSentence></Response>")] == [
        "BX100"
    ]


def test_non_bmp_speech_survives_every_path(tmp_path: Path, cli: Callable[..., CliRun]) -> None:
    path = tmp_path / "speech.xml"
    path.write_bytes(to_xml(EXPECTED, pretty=True))
    assert cli("check", "--write-back", str(path)).code == 0
    assert from_xml(path) == EXPECTED
    before = path.read_bytes()
    assert cli("lint", "--isolated", "--fix", str(path)).code == 0
    assert path.read_bytes() == before
    assert SPEECH.encode() in before


def test_random_bytes_never_crash() -> None:
    for seed in range(64):
        data = os.urandom(seed * 16)
        for call in (from_xml, validate):
            with contextlib.suppress(BxmlParseError):
                call(data)
        assert "BX900" not in {d.code for d in lint(data)}


UTF7 = '<?xml version="1.0" encoding="UTF-7"?>'


@pytest.mark.parametrize(
    ("body", "codec_message", "code"),
    [
        ("<Response>+ADw-?php system(1); ?+AD4-<Hangup/></Response>",
         "a processing instruction is not allowed", "BX108"),
        ('+ADw-!DOCTYPE Response +AFs-+ADw-!ENTITY c "x"+AD4-+AF0-+AD4-<Response>'
         "<SpeakSentence>+ACY-c;</SpeakSentence></Response>", "a DOCTYPE is not allowed", "BX108"),
    ],
    ids=["processing-instruction", "doctype-and-entity"],
)  # fmt: skip
def test_markup_hidden_in_utf7_is_still_refused(body: str, codec_message: str, code: str) -> None:
    """UTF-7 spells '<' as '+ADw-': byte-level shortcuts must not be fooled."""
    data = (UTF7 + body).encode("ascii")
    assert b"<?php" not in data and b"<!DOCTYPE" not in data
    with pytest.raises(XmlSyntaxError, match=codec_message):
        from_xml(data)
    with pytest.raises(XmlSyntaxError, match="not allowed in BXML"):
        validate(data)
    assert code in {d.code for d in lint(data)}


def test_element_limit_holds_for_elements_hidden_in_utf7() -> None:
    from bxmlkit._parser import MAX_ELEMENTS
    from bxmlkit.errors import XmlLimitError

    data = (UTF7 + "<Response>" + "+ADw-Hangup/+AD4-" * (MAX_ELEMENTS + 1) + "</Response>").encode()
    assert data.count(b"<") < 10
    with pytest.raises(XmlLimitError, match="more than"):
        from_xml(data)

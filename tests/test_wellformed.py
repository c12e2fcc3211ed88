"""Messages for XML that is not well-formed (bxmlkit._wellformed), on every face.

Each case is a mistake people make by hand; the test asserts the exact line, column and
message, that the codec, schema validation and the linter say the same thing, and that the
message is never worse than xmllint's for the same bytes: it points at xmllint's line (or at
the line xmllint names as the cause), repeats every name, line and byte value xmllint
mentions, and says what to do.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from bxmlkit._wellformed import PREFIX, namespace_problem
from bxmlkit.codec import from_xml
from bxmlkit.errors import BxmlParseError, XmlSyntaxError
from bxmlkit.lint import lint
from bxmlkit.schema import validate

# fmt: off
CASES = {
 "amp-in-url-query": b'<Response>\n  <Redirect redirectUrl="https://ivr.example.com/next?a=1&b=2"/>\n</Response>\n',
 "amp-in-text": b'<Response>\n  <SpeakSentence>Sales & support</SpeakSentence>\n</Response>\n',
 "amp-in-word": b'<Response>\n  <SpeakSentence>AT&T support</SpeakSentence>\n</Response>\n',
 "html-entity": b'<Response>\n  <SpeakSentence>Hi&nbsp;there</SpeakSentence>\n</Response>\n',
 "lt-in-text": b'<Response>\n  <SpeakSentence>Press < to go back</SpeakSentence>\n</Response>\n',
 "lt-in-attribute": b'<Response>\n  <Redirect redirectUrl="/a<b"/>\n</Response>\n',
 "curly-quotes": '<Response>\n  <Redirect redirectUrl=\u201chttps://ivr.example.com/\u201d/>\n</Response>\n'.encode(),
 "curly-closing-quote": '<Response>\n  <Redirect redirectUrl="https://ivr.example.com/\u201d/>\n</Response>\n'.encode(),
 "mismatched-quotes": b'<Response>\n  <Redirect redirectUrl="https://ivr.example.com/\'/>\n</Response>\n',
 "unquoted-value": b'<Response>\n  <Pause duration=3/>\n</Response>\n',
 "unclosed-quote": b"<Response attr='x></Response>",
 "declared-utf-8-bytes-latin-1": '<?xml version="1.0" encoding="UTF-8"?>\n<Response><SpeakSentence>caf\u00e9</SpeakSentence></Response>\n'.encode("latin-1"),
 "undeclared-windows-1252": '<Response><SpeakSentence>It\u2019s</SpeakSentence></Response>\n'.encode("cp1252"),
 "declared-utf-16-bytes-utf-8": b'<?xml version="1.0" encoding="UTF-16"?>\n<Response/>\n',
 "unknown-encoding": b'<?xml version="1.0" encoding="UTF-9"?>\n<Response/>\n',
 "bom-after-declaration": b'<?xml version="1.0"?>\n\xef\xbb\xbf<Response/>\n',
 "second-bom": b'\xef\xbb\xbf\xef\xbb\xbf<Response/>\n',
 "blank-line-before-declaration": b'\n<?xml version="1.0"?>\n<Response/>\n',
 "second-root": b'<Response>\n  <Hangup/>\n</Response>\n<Response>\n  <Hangup/>\n</Response>\n',
 "text-after-root": b'<Response>\n  <Hangup/>\n</Response>\nthanks\n',
 "unclosed-tag": b'<Response>\n  <Gather>\n    <SpeakSentence>Hi</SpeakSentence>\n</Response>\n',
 "unclosed-root": b'<Response>\n  <Hangup/>\n',
 "case-mismatch": b'<Response>\n  <SpeakSentence>Hi</Speaksentence>\n</Response>\n',
 "stray-closing-tag": b'<Response>\n  <Hangup/>\n  </Gather>\n</Response>\n',
 "duplicate-attribute": b'<Response>\n  <Pause duration="1" duration="2"/>\n</Response>\n',
 "attribute-without-value": b'<Response>\n  <StopStream wait name="a"/>\n</Response>\n',
 "control-character": b'<Response>\n  <SpeakSentence>Hi\x0cthere</SpeakSentence>\n</Response>\n',
 "unclosed-comment": b'<Response><!-- hi </Response>',
 "unclosed-empty-tag": b'<Response>\n  <Hangup/\n</Response>\n',
 "upper-case-declaration": b'<?XML version="1.0"?><Response/>',
 "not-xml": b'hello',
 "json": b'{"verbs": []}',
}

EXPECTED: dict[str, tuple[int, int, str]] = {
    "amp-in-url-query": (2, 58, 'unescaped "&" in the URL of attribute redirectUrl: in XML every "&" is written "&amp;", also between query parameters; write "a=1&amp;b=2"'),
    "amp-in-text": (2, 24, 'unescaped "&" in text: in XML a literal "&" is written "&amp;" (or say "and"); write "Sales &amp; support"'),
    "amp-in-word": (2, 20, 'unescaped "&" in text: in XML a literal "&" is written "&amp;" (or say "and"); write "AT&amp;T support"'),
    "html-entity": (2, 20, '"&nbsp;" is an HTML entity; XML knows only &amp; &lt; &gt; &quot; &apos;: write "&#160;" (U+00A0) or the character itself'),
    "lt-in-text": (2, 24, 'a "<" in text that does not start a tag ("< to go back"): a literal "<" is written "&lt;" in XML; write "&lt;" (or say "less than")'),
    "lt-in-attribute": (2, 28, 'a "<" inside the value of redirectUrl: a literal "<" is written "&lt;" in XML; write "&lt;"'),
    "curly-quotes": (2, 25, 'the value of redirectUrl is in curly quotes (“ left double quotation mark, typical of text pasted from a word processor): XML needs straight quotes; write redirectUrl="https://ivr.example.com/"'),
    "curly-closing-quote": (2, 25, 'the value of redirectUrl opens with " on line 2 but ends with a curly quote ” (right double quotation mark, pasted from a word processor?): use the same straight quote " on both sides'),
    "mismatched-quotes": (2, 25, 'the value of redirectUrl opens with " on line 2 but ends with \': the quotes do not match; use " on both sides'),
    "unquoted-value": (2, 19, 'the value of duration is not in quotes: XML attribute values are quoted; write duration="3"'),
    "unclosed-quote": (1, 16, "the value of attr opened with ' on line 1 is never closed: add the closing '"),
    "declared-utf-8-bytes-latin-1": (2, 29, 'the bytes are not UTF-8 (the declaration says UTF-8): at bytes 0xE9 0x3C 0x2F 0x53, byte 0xE9 is \'é\' in windows-1252; save the file as UTF-8, or declare encoding="windows-1252"'),
    "undeclared-windows-1252": (1, 28, 'the bytes are not UTF-8 (no encoding is declared, so XML reads it as UTF-8): at bytes 0x92 0x73 0x3C 0x2F, byte 0x92 is \'\u2019\' in windows-1252; save the file as UTF-8, or declare encoding="windows-1252"'),
    "declared-utf-16-bytes-utf-8": (1, 31, 'the XML declaration says encoding="UTF-16", but the bytes are one byte per character (UTF-8 or ASCII): change the declaration to encoding="UTF-8"'),
    "unknown-encoding": (1, 31, 'the XML declaration names encoding "UTF-9", which does not exist: declare encoding="UTF-8" and save the file as UTF-8'),
    "bom-after-declaration": (2, 1, 'a byte-order mark (U+FEFF, bytes EF BB BF in UTF-8) in the middle of the document: a BOM may only be the very first bytes of a file (files joined together, or an editor that wrote one after the declaration?); remove it'),
    "second-bom": (1, 1, 'a byte-order mark (U+FEFF, bytes EF BB BF in UTF-8) in the middle of the document: a BOM may only be the very first bytes of a file (files joined together, or an editor that wrote one after the declaration?); remove it'),
    "blank-line-before-declaration": (2, 1, 'the XML declaration <?xml ...?> must be the very first thing in the file; remove the 1 blank line(s) before it'),
    "second-root": (4, 1, 'a second root element <Response> on line 4: a document has exactly one root, and <Response> already ended on line 3; move these elements into the first <Response> and remove the second root'),
    "text-after-root": (4, 1, 'text "thanks" after the end of the root element </Response> (line 3): nothing but comments may follow the root; remove it'),
    "unclosed-tag": (4, 1, '</Response> on line 4 does not close <Gather>, opened on line 2: add </Gather> before </Response>, or correct the tag names'),
    "unclosed-root": (1, 1, '<Response>, opened on line 1, is never closed: the document ends on line 2; add </Response> (or write <Response/> if it has no content)'),
    "case-mismatch": (2, 20, '</Speaksentence> on line 2 does not match <SpeakSentence>, opened on line 2: element names are case-sensitive; write </SpeakSentence>'),
    "stray-closing-tag": (3, 3, '</Gather> on line 3 closes an element that was never opened (the open element is <Response>, from line 1): remove </Gather>'),
    "duplicate-attribute": (2, 23, 'attribute duration appears twice on <Pause>: an attribute may appear once per element; remove one of them'),
    "attribute-without-value": (2, 20, 'attribute wait has no value: XML attributes always have a quoted value; write wait="..." (for example wait="true")'),
    "control-character": (2, 20, 'the character U+000C (form feed) is not allowed in XML 1.0, not even as a reference: remove it'),
    "unclosed-comment": (1, 11, 'the comment opened on line 1 is never closed: end it with "-->"'),
    "unclosed-empty-tag": (2, 10, 'the start tag <Hangup> on line 2 is not closed: end an empty element with "/>" (<Hangup/>) and a start tag with ">"'),
    "upper-case-declaration": (1, 1, '"<?XML" is not an XML declaration, which is lower case: write "<?xml version="1.0" encoding="UTF-8"?>"'),
    "not-xml": (1, 1, 'expected a root element <Response> or <Bxml>, found "hello": a BXML document is one element with nothing before it but an XML declaration and comments; write <Response>...</Response>'),
    "json": (1, 1, 'this looks like JSON, not XML: BXML is an XML document; write it as <Response>...</Response> (or <Bxml> for an update-call request)'),
}
# fmt: on

FIX_WORDS = re.compile(r"\b(write|remove|add|use|save|change|declare|end|move)\b")


def test_every_case_has_an_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(CASES))
def test_codec_schema_and_lint_say_the_same(name: str) -> None:
    data = CASES[name]
    line, column, message = EXPECTED[name]
    with pytest.raises(XmlSyntaxError) as caught:
        from_xml(data)
    assert (caught.value.line, caught.value.column, caught.value.message) == (
        line,
        column,
        PREFIX + message,
    )
    with pytest.raises(XmlSyntaxError) as validated:
        validate(data)
    assert (validated.value.line, validated.value.column, validated.value.message) == (
        line,
        column,
        PREFIX + message,
    )
    found = [(d.code, d.line, d.column, d.message) for d in lint(data)]
    assert found == [("BX100", line, column, PREFIX + message)]


def _xmllint(path: Path) -> tuple[int, list[str], str]:
    """(line of the first error, every error message, the Bytes: line if any)."""
    xmllint = shutil.which("xmllint")
    assert xmllint is not None, "xmllint is required (apt-get install libxml2-utils)"
    result = subprocess.run(
        [xmllint, "--noout", str(path)], capture_output=True, check=False, timeout=30
    )
    err = result.stderr.decode("utf-8", errors="replace")
    errors = re.findall(r"^[^\n]*?:(\d+): parser error : (.*)$", err, re.MULTILINE)
    assert errors, err
    found = re.search(r"^Bytes: (.*)$", err, re.MULTILINE)
    return int(errors[0][0]), [message for _, message in errors], found.group(1) if found else ""


@pytest.mark.parametrize("name", sorted(CASES))
def test_never_worse_than_xmllint(name: str, tmp_path: Path) -> None:
    data = CASES[name]
    path = tmp_path / "doc.xml"
    path.write_bytes(data)
    first_line, messages, raw_bytes = _xmllint(path)
    line, _, message = EXPECTED[name]
    named_lines = {int(n) for m in messages for n in re.findall(r"line (\d+)", m)}
    assert line == first_line or line in named_lines, (line, first_line, messages)
    text = data.decode("utf-8", errors="replace")
    for token in re.findall(r"[A-Za-z][\w.-]*", messages[0]):
        if re.search(r"<" + re.escape(token) + r"[\s/>]|\b" + re.escape(token) + r"\s*=", text):
            assert token in message, (token, messages[0])  # a name xmllint gives, we give
    for number in re.findall(r"line (\d+)", messages[0]):
        assert f"line {number}" in message, messages[0]
    for byte in raw_bytes.split()[:2]:
        assert byte in message, raw_bytes
    assert FIX_WORDS.search(message), message
    assert message not in messages[0] and len(message) > len(messages[0])


def test_default_namespace_on_the_root_says_remove_xmlns_on_every_face() -> None:
    data = b'<Response xmlns="https://bandwidth.com/bxml">\n  <SpeakSentence>Hi</SpeakSentence>\n</Response>'
    message = namespace_problem("Response", "https://bandwidth.com/bxml")
    assert message == (
        '<Response> declares the namespace xmlns="https://bandwidth.com/bxml", but BXML has no '
        'namespace: remove xmlns="https://bandwidth.com/bxml" (every element inside is in that '
        "namespace too, so Bandwidth would not recognise any of them)"
    )
    found = [(d.code, d.line, d.column, d.message) for d in lint(data)]
    assert found == [("BX101", 1, 1, message)]  # <SpeakSentence> is not called unknown
    assert [(v.line, v.message) for v in validate(data)] == [(1, message)]
    with pytest.raises(BxmlParseError) as caught:
        from_xml(data)
    assert caught.value.message == message


def test_not_a_bxml_root_in_a_namespace_is_not_a_namespace_problem() -> None:
    assert namespace_problem("Response", None) is None
    assert namespace_problem("Request", "urn:x") is None

"""Laws: ``lint()`` returns diagnostics and never raises, on any bytes and on mutated documents.

A rule that crashes is reported as BX900 instead of raising; these tests also require that no
rule crashes at all.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bxmlkit.lint import REGISTRY, Diagnostic, lint

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

VALID = [
    b'<?xml version="1.0" encoding="UTF-8"?>\n<Response>\n'
    b'    <SpeakSentence voice="julie">Hello <say-as interpret-as="telephone">5551234</say-as>'
    b"</SpeakSentence>\n"
    b'    <Gather gatherUrl="https://example.com/g" maxDigits="1" repeatCount="2">\n'
    b"        <PlayAudio>https://example.com/a.mp3</PlayAudio>\n    </Gather>\n</Response>\n",
    b'<Response><Transfer transferCallerId="+15555550100" transferCompleteUrl="/done">'
    b'<PhoneNumber uui="abc;encoding=base64">+15555550123</PhoneNumber>'
    b"<SipUri>sip:a@example.com</SipUri></Transfer></Response>",
    b'<Bxml><StartStream name="s" destination="wss://example.com/s">'
    b'<StreamParam name="a" value="b"/></StartStream><Pause duration="1.5"/>'
    b"<!-- bxmlkit: disable-next-line=BX201 --><Hangup/></Bxml>",
]

#: Fragments that make mutations interesting for an XML linter.
FRAGMENTS = [
    b"<", b">", b"/>", b"&", b"&amp;", b"&lt;", b"<!--", b"-->", b"<![CDATA[", b"]]>", b'"',
    b"'", b"=", b"<?pi x?>", b"<!DOCTYPE x>", b"\x00", b"\xff", b"\xc3", b"True",
    b' maxdigits="4"', b"<Hangup/>", b"<Say>", b"</Response>", b"<Response>", b"xmlns:a='x'",
    b"<!-- bxmlkit: disable=BX999 -->", b"<!-- bxmlkit: context=conference -->", b"\n", b"\t",
    b"http://u:p@h/", b"&lt;break/&gt;", b"<xml>", b"\xef\xbb\xbf",
]  # fmt: skip


def _check(diagnostics: list[Diagnostic]) -> None:
    assert isinstance(diagnostics, list)
    assert diagnostics == sorted(diagnostics)
    for diagnostic in diagnostics:
        assert diagnostic.code in REGISTRY
        assert diagnostic.code != "BX900", diagnostic.message
        assert diagnostic.line >= 0
        assert diagnostic.column >= 0
        assert diagnostic.message


@SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes) -> None:
    _check(lint(data))


@SETTINGS
@given(st.text(max_size=500))
def test_arbitrary_text(text: str) -> None:
    _check(lint(text))


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(VALID)))
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate", "replace"]))
        if action == "insert":
            data[position:position] = draw(st.sampled_from(FRAGMENTS) | st.binary(max_size=4))
        elif action == "delete":
            data[position : position + draw(st.integers(1, 20))] = b""
        elif action == "duplicate":
            end = min(len(data), position + draw(st.integers(1, 80)))
            data[position:position] = data[position:end]
        else:
            end = min(len(data), position + draw(st.integers(1, 3)))
            data[position:end] = draw(st.sampled_from(FRAGMENTS))
    return bytes(data)


@SETTINGS
@given(mutated())
def test_mutated_documents(data: bytes) -> None:
    _check(lint(data))


@SETTINGS
@given(mutated(), st.sampled_from(["webhook", "transfer-answer", "conference", "update-call"]))
def test_mutated_documents_in_every_context(data: bytes, context: str) -> None:
    _check(lint(data, context=context, config={"select": ["ALL"]}))


@SETTINGS
@given(mutated())
def test_fixes_are_idempotent(data: bytes) -> None:
    from bxmlkit._parser import decode_for_positions
    from bxmlkit.lint.fix import apply_fixes, encoding_of

    diagnostics = lint(data)
    if not any(d.fix for d in diagnostics):
        return
    text = decode_for_positions(data)
    if encoding_of(data, text) is None:
        return
    for _ in range(10):
        text, applied = apply_fixes(text, lint(text))
        if not applied:
            break
    _check(lint(text))
    assert apply_fixes(text, lint(text)) == (text, 0)


@SETTINGS
@given(mutated())
def test_quick_rejects_change_nothing(data: bytes) -> None:
    from bxmlkit.lint import engine

    with_prefilter = lint(data, config={"select": ["ALL"]})
    engine.PREFILTER = False
    try:
        without = lint(data, config={"select": ["ALL"]})
    finally:
        engine.PREFILTER = True
    assert with_prefilter == without

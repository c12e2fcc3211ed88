"""XML attacks: each ends with the documented error, reads nothing and connects nowhere.

Every document goes through ``from_xml``, ``schema.validate``, ``lint`` (API), the CLI
(``lint``, ``lint --fix``, ``validate``, ``check``).  The secret in the canary file never shows
up anywhere, the canary server sees no connection, Python opens no socket.
"""

from __future__ import annotations

import os
import re
import stat
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from bxmlkit.codec import from_xml, to_xml
from bxmlkit.errors import BxmlParseError, BxmlStructureError, XmlSyntaxError
from bxmlkit.lint import lint
from bxmlkit.models import SpeakSentence
from bxmlkit.schema import validate

from .conftest import SECRET, Canary, CliRun

pytestmark = pytest.mark.usefixtures("no_network")

#: Generous bound for one case through every entry point on a loaded 2-core CI machine.
SECONDS = 5.0


@dataclass(frozen=True)
class Attack:
    name: str
    build: Callable[[Canary], bytes]
    codec_error: type[BxmlParseError]
    codec_message: str
    #: ``None``: validate raises ``codec_error`` with ``validate_message``; else a violation kind.
    validate_message: str
    lint_codes: frozenset[str]


def _laughs(_: Canary) -> bytes:
    entities = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)).replace(
        "&lol0;", "lol"
    )
    return (
        f"<!DOCTYPE Response [{entities}]><Response><SpeakSentence>&lol9;</SpeakSentence>"
        "</Response>"
    ).encode()


def _quadratic(_: Canary) -> bytes:
    return (
        b'<!DOCTYPE Response [<!ENTITY a "'
        + b"a" * 50_000
        + b'">]><Response><SpeakSentence>'
        + b"&a;" * 20_000
        + b"</SpeakSentence></Response>"
    )


DOCTYPE = "DOCTYPE"
ATTACKS = [
    Attack(
        "external-entity-file",
        lambda c: (
            f'<?xml version="1.0"?><!DOCTYPE Response [<!ENTITY x SYSTEM "{c.file_url}">]>'
            "<Response><SpeakSentence>&x;</SpeakSentence></Response>"
        ).encode(),
        XmlSyntaxError, "a DOCTYPE is not allowed in BXML",
        "a DOCTYPE is not allowed in BXML", frozenset({"BX108"}),
    ),
    Attack(
        "external-entity-http",
        lambda c: (
            f'<!DOCTYPE Response [<!ENTITY x SYSTEM "{c.url}/x">]>'
            "<Response><SpeakSentence>&x;</SpeakSentence></Response>"
        ).encode(),
        XmlSyntaxError, "a DOCTYPE is not allowed in BXML",
        "a DOCTYPE is not allowed in BXML", frozenset({"BX108"}),
    ),
    Attack(
        "external-entity-in-attribute",
        lambda c: (
            f'<!DOCTYPE Response [<!ENTITY x SYSTEM "{c.file_url}">]>'
            '<Response><Redirect redirectUrl="&x;"/></Response>'
        ).encode(),
        XmlSyntaxError, "Attribute references external entity 'x'",
        "Attribute references external entity 'x'", frozenset({"BX100"}),
    ),
    Attack(
        "parameter-entity-file",
        lambda c: (
            f'<!DOCTYPE Response [<!ENTITY % p SYSTEM "{c.file_url}"> %p;]><Response/>'
        ).encode(),
        XmlSyntaxError, "a DOCTYPE is not allowed in BXML",
        "a DOCTYPE is not allowed in BXML", frozenset({"BX108"}),
    ),
    Attack(
        "parameter-entity-http",
        lambda c: (f'<!DOCTYPE Response [<!ENTITY % p SYSTEM "{c.url}/p.dtd"> %p;]><Response/>').encode(),
        XmlSyntaxError, "a DOCTYPE is not allowed in BXML",
        "a DOCTYPE is not allowed in BXML", frozenset({"BX108"}),
    ),
    Attack(
        "external-dtd-file",
        lambda c: f'<!DOCTYPE Response SYSTEM "{c.file_url}"><Response><Hangup/></Response>'.encode(),
        XmlSyntaxError, "a DOCTYPE is not allowed in BXML",
        "a DOCTYPE is not allowed in BXML", frozenset({"BX108"}),
    ),
    Attack(
        "external-dtd-http",
        lambda c: f'<!DOCTYPE Response PUBLIC "-//x//y" "{c.url}/bxml.dtd"><Response/>'.encode(),
        XmlSyntaxError, "a DOCTYPE is not allowed in BXML",
        "a DOCTYPE is not allowed in BXML", frozenset({"BX108"}),
    ),
    Attack(
        "billion-laughs", _laughs,
        XmlSyntaxError, "entities expand to too much text",
        "entities expand to too much text", frozenset({"BX100"}),
    ),
    Attack(
        "quadratic-blowup", _quadratic,
        XmlSyntaxError, "entities expand to too much text",
        "entities expand to too much text", frozenset({"BX100"}),
    ),
    Attack(
        "processing-instruction-stylesheet",
        lambda c: (
            f'<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="{c.url}/x.xsl"?>'
            "<Response><Hangup/></Response>"
        ).encode(),
        XmlSyntaxError, "a processing instruction is not allowed in BXML",
        "a processing instruction is not allowed in BXML (<?xml-stylesheet", frozenset({"BX108"}),
    ),
    Attack(
        "processing-instruction-inside",
        lambda c: b"<Response><?php system('id'); ?><Hangup/></Response>",
        XmlSyntaxError, "a processing instruction is not allowed in BXML",
        "a processing instruction is not allowed in BXML (<?php", frozenset({"BX108"}),
    ),
]  # fmt: skip


def _ids(attack: Attack) -> str:
    return attack.name


def _assert_clean(*texts: str) -> None:
    for text in texts:
        assert SECRET not in text


@pytest.mark.parametrize("attack", ATTACKS, ids=_ids)
def test_api_refuses_and_reads_nothing(attack: Attack, canary: Canary) -> None:
    data = attack.build(canary)
    started = time.perf_counter()
    with pytest.raises(attack.codec_error, match=re.escape(attack.codec_message)) as caught:
        from_xml(data)
    assert caught.value.line >= 1 and caught.value.column >= 1
    with pytest.raises(XmlSyntaxError, match=re.escape(attack.validate_message)):
        validate(data)
    diagnostics = lint(data)
    codes = {d.code for d in diagnostics}
    assert attack.lint_codes <= codes, [str(d) for d in diagnostics]
    assert "BX900" not in codes
    assert time.perf_counter() - started < SECONDS
    _assert_clean(str(caught.value), *(str(d) for d in diagnostics))


@pytest.mark.parametrize("attack", ATTACKS, ids=_ids)
def test_cli_refuses_and_fix_changes_nothing_dangerous(
    attack: Attack, canary: Canary, tmp_path: Path, cli: Callable[..., CliRun]
) -> None:
    path = tmp_path / "attack.xml"
    data = attack.build(canary)
    path.write_bytes(data)
    linted = cli("lint", "--isolated", "--color", "never", str(path))
    assert linted.code == 1
    assert any(f" {code} " in linted.out for code in attack.lint_codes), linted.out
    validated = cli("validate", str(path))
    assert validated.code == 2  # validate: a document it cannot parse is exit 2 (documented)
    assert attack.validate_message.split("<")[0][:30] in validated.err
    checked = cli("check", str(path))
    assert checked.code == 1
    fixed = cli("lint", "--isolated", "--fix", str(path))
    assert fixed.code == 1
    after = path.read_bytes()
    assert after == data  # no fix applies to an attack: nothing is expanded or rewritten
    _assert_clean(linted.out, linted.err, validated.err, checked.out, fixed.out, after.decode())


def test_xinclude_is_an_unknown_element_never_processed(canary: Canary) -> None:
    data = (
        '<Response xmlns:xi="http://www.w3.org/2001/XInclude">'
        f'<xi:include href="{canary.file_url}" parse="text"/>'
        f'<xi:include href="{canary.url}/x.xml"/></Response>'
    ).encode()
    with pytest.raises(BxmlStructureError, match=r"unknown element <xi:include> inside <Response>"):
        from_xml(data)
    violations = validate(data)
    assert {v.kind for v in violations} == {"unknown-element"}
    assert "xi:include" in violations[0].message
    diagnostics = lint(data)
    assert {d.code for d in diagnostics} >= {"BX102"}
    _assert_clean(*(str(v) for v in violations), *(str(d) for d in diagnostics))


def test_schema_location_is_never_fetched(canary: Canary) -> None:
    data = (
        '<Response xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:noNamespaceSchemaLocation="{canary.url}/evil.xsd"><Hangup/></Response>'
    ).encode()
    with pytest.raises(BxmlStructureError, match="unknown attribute"):
        from_xml(data)
    validate(data)  # the bundled XSD decides; the instance's hint is ignored
    lint(data)


def test_cdata_where_text_is_expected_is_text() -> None:
    data = b"<Response><SpeakSentence><![CDATA[Press <1> & hold]]></SpeakSentence></Response>"
    model = from_xml(data)
    assert model.verbs == [SpeakSentence("Press <1> & hold")]
    assert validate(data) == []
    assert lint(data) == []
    assert from_xml(to_xml(model)) == model  # written back escaped, read back the same


def test_cdata_where_no_text_is_allowed(cli: Callable[..., CliRun], tmp_path: Path) -> None:
    data = b"<Response><![CDATA[<Hangup/>]]></Response>"
    with pytest.raises(BxmlStructureError, match=r'unexpected text "<Hangup/>" inside <Response>'):
        from_xml(data)
    assert [v.kind for v in validate(data)] == ["invalid-text"]
    assert "BX107" in {d.code for d in lint(data)}
    path = tmp_path / "cdata.xml"
    path.write_bytes(data)
    assert cli("validate", str(path)).code == 1
    assert cli("check", str(path)).code == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="the platform has no FIFOs")
def test_doctype_naming_a_fifo_does_not_hang(tmp_path: Path) -> None:
    """Regression: with lxml's collect_ids=False, libxml2 opened an external DTD subset from a
    local path even with load_dtd=False; a FIFO there blocked the parse forever."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    documents = (
        f'<!DOCTYPE Response SYSTEM "{fifo}"><Response/>'.encode(),
        f'<!DOCTYPE Response [<!ENTITY % p SYSTEM "{fifo}"> %p;]><Response/>'.encode(),
        f'<!DOCTYPE Response [<!ENTITY x SYSTEM "{fifo}">]><Response>&x;</Response>'.encode(),
    )
    outcomes: list[str] = []

    def run() -> None:
        for data in documents:
            try:
                from_xml(data)
            except XmlSyntaxError as exc:
                outcomes.append(exc.message)
            outcomes.append(",".join(sorted({d.code for d in lint(data)})))

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(SECONDS)
    if worker.is_alive():  # unblock the reader so that the test run can go on, then fail
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(SECONDS)
        pytest.fail("parsing a document whose DOCTYPE names a FIFO blocked")
    assert len(outcomes) == 6
    assert all("DOCTYPE is not allowed" in m for m in outcomes[0::2])
    assert all("BX108" in codes for codes in outcomes[1::2])


def test_the_file_canary_catches_an_unhardened_parser(canary: Canary) -> None:
    """The attacks above are real on this machine: lxml with entity expansion on reads the
    canary file into the tree.  (libxml2 2.14 is built without HTTP, so the network canary
    can only catch a build that has it.)"""
    from lxml import etree

    unhardened = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=True)
    document = (
        f'<!DOCTYPE Response [<!ENTITY x SYSTEM "{canary.file_url}">]>'
        "<Response><SpeakSentence>&x;</SpeakSentence></Response>"
    ).encode()
    assert SECRET in etree.tostring(etree.fromstring(document, unhardened)).decode()
    with pytest.raises(XmlSyntaxError):
        from_xml(document)

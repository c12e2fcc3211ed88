"""``bxmlkit.schema.validate`` / ``validate_tree``: inputs, errors, positions, caching, threads."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from bxmlkit import schema
from bxmlkit._parser import may_hold_forbidden, parse
from bxmlkit.errors import SchemaLoadError, SourceError, XmlLimitError, XmlSyntaxError
from bxmlkit.schema import _files, _report

from .conftest import REPO

BAD_GATHER = '<Response>\n  <Gather maxDigits="0"/>\n</Response>\n'


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(BAD_GATHER, id="str"),
        pytest.param(BAD_GATHER.encode(), id="bytes"),
        pytest.param(bytearray(BAD_GATHER.encode()), id="bytearray"),
        pytest.param(io.BytesIO(BAD_GATHER.encode()), id="binary-stream"),
    ],
)
def test_accepts_every_source_kind(source: object) -> None:
    (violation,) = schema.validate(source)  # type: ignore[arg-type]
    assert (violation.line, violation.column, violation.kind) == (2, 11, "invalid-value")


def test_accepts_a_path(tmp_path: Path) -> None:
    file = tmp_path / "doc.xml"
    file.write_text(BAD_GATHER, encoding="utf-8")
    (violation,) = schema.validate(file)
    assert violation.path == "/Response/Gather/@maxDigits"


def test_the_brief_example_message() -> None:
    (violation,) = schema.validate(BAD_GATHER)
    assert (
        violation.message
        == 'Gather attribute maxDigits="0" is invalid: expected an integer from 1 to 50'
    )
    assert (violation.element, violation.attribute, violation.value) == ("Gather", "maxDigits", "0")
    assert violation.expected == "an integer from 1 to 50"
    assert str(violation) == "2:11: " + violation.message


@pytest.mark.parametrize(
    ("data", "error"),
    [
        pytest.param(b"<Response><Hangup></Response>", XmlSyntaxError, id="mismatched-tag"),
        pytest.param(b"", XmlSyntaxError, id="empty"),
        pytest.param(b"just text", XmlSyntaxError, id="not-xml"),
        pytest.param(b"<Response/><Response/>", XmlSyntaxError, id="two-roots"),
        pytest.param(b"<a>" * 100 + b"</a>" * 100, XmlLimitError, id="too-deep"),
    ],
)
def test_not_well_formed_raises(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        schema.validate(data)


def test_missing_file_raises_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError):
        schema.validate(tmp_path / "missing.xml")


@pytest.mark.parametrize(
    ("data", "line", "column", "words"),
    [
        pytest.param(b"<!DOCTYPE Response>\n<Response/>", 1, 1, "DOCTYPE", id="doctype"),
        pytest.param(
            b'<!DOCTYPE R [<!ENTITY e "x">]>\n<Response><SpeakSentence>&e;</SpeakSentence>'
            b"</Response>",
            1,
            1,
            "DOCTYPE",
            id="entity",
        ),
        pytest.param(
            b"<Response>\n  <?php echo 1; ?>\n</Response>", 2, 3, "<?php echo 1; ?>", id="pi"
        ),
    ],
)
def test_forbidden_constructs_raise(data: bytes, line: int, column: int, words: str) -> None:
    with pytest.raises(XmlSyntaxError) as caught:
        schema.validate(data)
    assert (caught.value.line, caught.value.column) == (line, column)
    assert words in caught.value.message


def test_validate_tree_refuses_unexpanded_entities_instead_of_crashing() -> None:
    document = parse(
        b'<!DOCTYPE R [<!ENTITY e "x">]><Response><SpeakSentence>a &e;</SpeakSentence></Response>'
    )
    with pytest.raises(XmlSyntaxError):
        schema.validate_tree(document)


def test_validate_tree_leaves_processing_instructions_to_the_caller() -> None:
    assert schema.validate_tree(parse(b"<Response><?pi x?><Hangup/></Response>")) == []


def test_several_violations_are_sorted_by_position() -> None:
    text = (
        '<Response><Pause duration="x"/>\n'
        '<Gather foo="1" maxDigits="0"><Hangup/></Gather>\n'
        "<Transfer/></Response>"
    )
    found = [(v.line, v.column, v.kind) for v in schema.validate(text)]
    assert found == [
        (1, 18, "invalid-value"),
        (2, 9, "unknown-attribute"),
        (2, 17, "invalid-value"),
        (2, 31, "invalid-child"),
        (3, 1, "too-few-children"),
    ]


def test_columns_count_characters_not_bytes() -> None:
    text = '<Response><SpeakSentence>é€😀</SpeakSentence><Gather maxDigits="0"/></Response>'
    (violation,) = schema.validate(text)
    assert violation.column == text.index("maxDigits") + 1


@pytest.mark.parametrize("encoding", ["utf-16", "iso-8859-1"])
def test_positions_in_other_encodings(encoding: str) -> None:
    text = (
        f'<?xml version="1.0" encoding="{encoding}"?>\n'
        '<Response><SpeakSentence>café</SpeakSentence>\n  <Gather maxDigits="0"/></Response>'
    )
    (violation,) = schema.validate(text.encode(encoding))
    assert (violation.line, violation.column) == (3, 11)


def test_index_in_path_when_siblings_share_a_name() -> None:
    text = "<Response><Gather/><Gather/><Gather maxDigits='99'/></Response>"
    (violation,) = schema.validate(text)
    assert violation.path == "/Response/Gather[3]/@maxDigits"


def test_xml_lang_is_reported_as_written() -> None:
    text = '<Response><SpeakSentence><lang xml:lang="x">a</lang></SpeakSentence></Response>'
    (violation,) = schema.validate(text)
    assert violation.attribute == "xml:lang"
    assert violation.path == "/Response/SpeakSentence/lang/@xml:lang"
    assert violation.column == text.index("xml:lang") + 1


def test_namespaced_unknown_element() -> None:
    text = '<Response xmlns:b="urn:b"><b:Hangup/></Response>'
    (violation,) = schema.validate(text)
    assert violation.kind == "unknown-element"
    assert violation.element == "b:Hangup"
    assert "no namespace" in violation.message


def test_xsi_type_and_nil_are_reported() -> None:
    xsi = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    (typed,) = schema.validate(f'<Response {xsi}><Hangup xsi:type="PauseType"/></Response>')
    assert (typed.kind, typed.attribute) == ("unknown-attribute", "xsi:type")
    (nil,) = schema.validate(f'<Response {xsi}><Hangup xsi:nil="true"/></Response>')
    assert (nil.kind, nil.attribute) == ("unknown-attribute", "xsi:nil")


def test_whitespace_only_content_is_fine_in_empty_verbs() -> None:
    assert schema.validate("<Response><Hangup>\n   </Hangup><Pause>\t</Pause></Response>") == []


def test_violation_is_frozen() -> None:
    (violation,) = schema.validate(BAD_GATHER)
    with pytest.raises(dataclasses.FrozenInstanceError):
        violation.line = 3  # type: ignore[misc]


def _entry(type_name: str, message: str, path: str = "/Response/Gather") -> SimpleNamespace:
    return SimpleNamespace(type_name=type_name, message=message, path=path, line=1)


@pytest.mark.parametrize("facet_first", [True, False])
def test_two_libxml2_errors_for_one_value_become_one_violation(facet_first: bool) -> None:
    document = parse(b'<Response><Gather maxDigits="77"/></Response>')
    facet = _entry(
        "SCHEMAV_CVC_MAXINCLUSIVE_VALID",
        "Element 'Gather', attribute 'maxDigits': [facet 'maxInclusive'] The value '77' is "
        "greater than the maximum value allowed ('50').",
    )
    generic = _entry(
        "SCHEMAV_CVC_DATATYPE_VALID_1_2_1",
        "Element 'Gather', attribute 'maxDigits': '77' is not a valid value of the atomic "
        "type 'MaxDigitsType'.",
    )
    errors = [facet, generic] if facet_first else [generic, facet]
    violations = _report.Reporter(document).report(errors)
    assert [v.message for v in violations] == [
        'Gather attribute maxDigits="77" is invalid: expected an integer from 1 to 50'
    ]


def test_an_error_without_a_known_meaning_keeps_libxml2_words() -> None:
    document = parse(b"<Response><Hangup/></Response>")
    odd = _entry(
        "SCHEMAV_SOMETHING_NEW", "Element 'Hangup': Something new happened.", "/Response/Hangup"
    )
    (violation,) = _report.Reporter(document).report([odd])
    assert violation.message == "<Hangup>: Something new happened"
    assert violation.kind == "invalid-text"


def test_schema_is_not_compiled_at_import() -> None:
    code = (
        "import sys, bxmlkit.schema as s\n"
        "from bxmlkit.schema import _catalogue as c, _files as f\n"
        "assert f._compiled is None and c._catalogue is None\n"
        "assert s.validate('<Response/>') == []\n"
        "assert f._compiled is not None and c._catalogue is None\n"
        "assert 'pydantic' not in sys.modules, 'pydantic imported'\n"
        "assert 'httpx' not in sys.modules, 'httpx imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_compiled_once_and_shared() -> None:
    assert schema.compiled_schema() is schema.compiled_schema()


def test_compiled_once_under_concurrency(
    fresh_schema_caches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = _files._compile

    def counting(path: str) -> object:
        calls.append(path)
        return real(path)

    monkeypatch.setattr(_files, "_compile", counting)
    barrier = threading.Barrier(8)
    results: list[object] = []

    def worker() -> None:
        barrier.wait()
        results.append(schema.compiled_schema())

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1
    assert len({id(result) for result in results}) == 1


def test_threads_get_their_own_correct_violations() -> None:
    documents = {
        n: f'<Response>{"<Hangup/>" * n}<Gather maxDigits="{50 + n}"/></Response>'
        for n in range(1, 9)
    }
    failures: list[str] = []

    def worker(n: int) -> None:
        for _ in range(50):
            (violation,) = schema.validate(documents[n])
            if violation.value != str(50 + n):
                failures.append(f"{n}: {violation}")
        assert schema.validate("<Response/>") == []

    threads = [threading.Thread(target=worker, args=(n,)) for n in documents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_broken_xsd_raises_schema_load_error(
    fresh_schema_caches: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "bxml.xsd"
    broken.write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        '<xs:element name="Response" type="NoSuchType"/></xs:schema>',
        encoding="utf-8",
    )
    monkeypatch.setattr(_files, "schema_file", lambda: str(broken))
    with pytest.raises(SchemaLoadError, match="does not compile"):
        schema.validate("<Response/>")


def test_not_well_formed_xsd_raises_schema_load_error(
    fresh_schema_caches: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "bxml.xsd"
    broken.write_text("<xs:schema", encoding="utf-8")
    monkeypatch.setattr(_files, "schema_file", lambda: str(broken))
    with pytest.raises(SchemaLoadError, match="does not compile"):
        schema.compiled_schema()
    with pytest.raises(SchemaLoadError, match="not well-formed"):
        schema.element_catalogue()


def test_missing_xsd_raises_schema_load_error(
    fresh_schema_caches: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(_files, "__file__", str(tmp_path / "bxmlkit" / "schema" / "_files.py"))
    import importlib.resources

    monkeypatch.setattr(importlib.resources, "files", lambda _: tmp_path / "nowhere")
    with pytest.raises(SchemaLoadError, match="not found"):
        schema.schema_path()


def test_source_checkout_falls_back_to_the_schema_folder() -> None:
    path = schema.schema_path()
    assert path.name == "bxml.xsd"
    assert path.is_file()
    assert path.parent.name in ("schema", "_schema")


@pytest.mark.parametrize(
    ("data", "maybe"),
    [
        pytest.param(b"<Response/>", False, id="plain"),
        pytest.param(b'<?xml version="1.0"?>\n<Response><Hangup/></Response>', False, id="decl"),
        pytest.param(b"<Response><!-- c --><Hangup/></Response>", False, id="comment-inside"),
        pytest.param(b"<!-- c --><Response/>", True, id="comment-before-root"),
        pytest.param(b"<?xml-stylesheet href='a'?><Response/>", True, id="pi-before-root"),
        pytest.param(b"<Response/><?pi?>", True, id="pi-after-root"),
        pytest.param(b"<Response><Gather><?pi?></Gather></Response>", True, id="pi-inside"),
        pytest.param(b"<!DOCTYPE Response><Response/>", True, id="doctype"),
        pytest.param(b'<!DOCTYPE Response SYSTEM "local.dtd"><Response/>', True, id="system-id"),
        pytest.param(b"<Response><![CDATA[<?x?>]]></Response>", False, id="pi-text-in-cdata"),
    ],
)
def test_cheap_forbidden_construct_check(data: bytes, maybe: bool) -> None:
    assert may_hold_forbidden(parse(data).root) is maybe


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_forbidden_constructs_in_wide_encodings_raise(encoding: str) -> None:
    data = f'<?xml version="1.0" encoding="{encoding}"?><!DOCTYPE Response><Response/>'
    with pytest.raises(XmlSyntaxError, match="DOCTYPE"):
        schema.validate(data.encode(encoding))


@pytest.mark.parametrize(
    "sentence",
    [
        "<SpeakSentence/>",
        "<SpeakSentence>  \n </SpeakSentence>",
        '<SpeakSentence><break time="1s"/></SpeakSentence>',
        "<SpeakSentence><!-- words go here --></SpeakSentence>",
    ],
)
def test_a_sentence_with_nothing_to_speak_is_reported_as_from_xml_and_lint_do(
    sentence: str,
) -> None:
    from bxmlkit.codec import from_xml
    from bxmlkit.errors import BxmlStructureError
    from bxmlkit.lint import lint

    text = f"<Response>\n  {sentence}\n</Response>"
    (violation,) = schema.validate(text)
    assert (violation.line, violation.column, violation.kind) == (2, 3, "invalid-text")
    assert violation.message == "<SpeakSentence> has no text to speak; write the words inside it"
    assert violation.expected == "some text"
    with pytest.raises(BxmlStructureError) as info:
        from_xml(text)
    said = (info.value.line, info.value.column, info.value.message, info.value.expected)
    assert said == (2, 3, "<SpeakSentence> has no text to speak", "some text")
    assert [(d.line, d.column, d.code) for d in lint(text) if d.severity == "error"] == [
        (2, 3, "BX107")
    ]


def test_words_in_ssml_or_after_a_comment_are_something_to_speak() -> None:
    for sentence in ("<emphasis>Hi</emphasis>", "<!-- greeting -->Hi", '<break time="1s"/>Hi'):
        assert (
            schema.validate(f"<Response><SpeakSentence>{sentence}</SpeakSentence></Response>") == []
        )

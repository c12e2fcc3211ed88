"""Size and shape: huge, deep, wide, long; each ends with the documented error, in bounded
time and memory, measured in a fresh interpreter (tests/hostile/_measure.py).

The documents are generated here, in a temporary directory, never committed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from bxmlkit._parser import MAX_DEPTH, MAX_DOCUMENT_BYTES, MAX_ELEMENTS
from bxmlkit.codec import from_xml, to_xml
from bxmlkit.errors import XmlLimitError, XmlSyntaxError
from bxmlkit.lint import lint
from bxmlkit.schema import validate

from ._measure import measure
from .conftest import CliRun

pytestmark = pytest.mark.usefixtures("no_network")

MB = 1024 * 1024
#: Bounds a loaded 2-core CI machine meets: each step, and the whole interpreter's growth.
SECONDS = 5.0
PEAK_MB = 200.0


def _write_100_mb(path: Path) -> None:
    chunk = b'<Pause duration="1"/>' * 50_000
    with path.open("wb") as handle:
        handle.write(b"<Response>")
        while handle.tell() < 100 * MB:
            handle.write(chunk)
        handle.write(b"</Response>")


@dataclass(frozen=True)
class Shape:
    name: str
    write: Callable[[Path], object]
    #: step -> substring its outcome must contain
    expected: dict[str, str]
    seconds: float = SECONDS
    peak_mb: float = PEAK_MB


SIZE_LIMIT = f"over the limit of {MAX_DOCUMENT_BYTES:,} bytes"
TOO_MANY = f"more than {MAX_ELEMENTS:,} elements"
TOO_DEEP = f"nested deeper than the limit of {MAX_DEPTH}"
PARSER_LIMIT = "over a limit of the XML parser"

SHAPES = [
    Shape(
        "100-MB-document",
        _write_100_mb,
        {
            "from_xml": "XmlLimitError: document is {size:,} bytes, " + SIZE_LIMIT,
            "validate": SIZE_LIMIT,
            "lint": "1 found: BX203",
            "cli lint": "exit 1",
            "cli validate": "exit 2",
            "cli check": "exit 1",
        },
        # Nothing reads the whole file: the linter reads 10 MB + 1 byte, the rest stat() it.
        peak_mb=64.0,
    ),
    Shape(
        "100000-deep-nesting",
        lambda p: p.write_bytes(b"<Response>" + b"<a>" * 100_000 + b"</a>" * 100_000 + b"</Response>"),
        # As deep as it is long: the element limit (checked first, without a tree) or the
        # depth limit, whichever the parser meets first.
        {"from_xml": "XmlLimitError: ", "validate": "XmlLimitError: ", "lint": "BX100",
         "cli lint": "exit 1", "cli validate": "exit 2", "cli check": "exit 1"},
    ),
    Shape(
        "1000000-sibling-verbs",  # 9 MB: under the size limit, over the element limit
        lambda p: p.write_bytes(b"<Response>" + b"<Hangup/>" * 1_000_000 + b"</Response>"),
        {"from_xml": TOO_MANY, "validate": TOO_MANY, "lint": "BX100", "cli lint": "exit 1",
         "cli validate": "exit 2", "cli check": "exit 1"},
    ),
    Shape(
        "1000000-sibling-verbs-over-size",  # 21 MB: the size limit comes first
        lambda p: p.write_bytes(b"<Response>" + b'<Pause duration="1"/>' * 1_000_000 + b"</Response>"),
        {"from_xml": SIZE_LIMIT, "validate": SIZE_LIMIT, "lint": "1 found: BX203",
         "cli lint": "exit 1", "cli validate": "exit 2", "cli check": "exit 1"},
    ),
    Shape(
        "2600000-tiny-elements",  # <a/> x 2.6 M in 10 MB: counted without building a tree
        lambda p: p.write_bytes(b"<Response>" + b"<a/>" * 2_600_000 + b"</Response>"),
        {"from_xml": TOO_MANY, "validate": TOO_MANY, "lint": "BX100", "cli lint": "exit 1"},
        peak_mb=64.0,
    ),
    Shape(
        "1400000-comments",
        lambda p: p.write_bytes(b"<Response>" + b"<!---->" * 1_400_000 + b"</Response>"),
        {"from_xml": TOO_MANY, "validate": TOO_MANY, "lint": "BX100", "cli lint": "exit 1"},
        peak_mb=64.0,
    ),
    Shape(
        "9990-invalid-siblings",  # just under the element limit, every element a violation
        lambda p: p.write_bytes(b"<Response>" + b'<Pause duration="x"/>' * 9_990 + b"</Response>"),
        {"from_xml": "Pause attribute duration=\"x\" is invalid", "validate": "9990 found",
         "lint": "BX104", "cli lint": "exit 1", "cli validate": "exit 1", "cli check": "exit 1"},
        # libxml2 reports schema errors in more than linear time; see MAX_ELEMENTS.
        seconds=30.0,
    ),
    Shape(
        "attribute-of-10-MB",  # the document is over the size limit before anything else
        lambda p: p.write_bytes(b'<Response><Redirect redirectUrl="https://e.com/' + b"a" * (10 * MB) + b'"/></Response>'),
        {"from_xml": SIZE_LIMIT, "validate": SIZE_LIMIT, "lint": "1 found: BX203",
         "cli lint": "exit 1", "cli validate": "exit 2", "cli check": "exit 1"},
    ),
    Shape(
        "attribute-over-libxml2-limit",  # 10,000,001 characters: under our size limit
        lambda p: p.write_bytes(b'<Response><Pause duration="' + b"1" * 10_000_001 + b'"/></Response>'),
        {"from_xml": PARSER_LIMIT, "validate": PARSER_LIMIT, "lint": "BX100",
         "cli lint": "exit 1", "cli validate": "exit 2", "cli check": "exit 1"},
    ),
    Shape(
        "text-over-libxml2-limit",
        lambda p: p.write_bytes(b"<Response><SpeakSentence>" + b"x" * 10_000_001 + b"</SpeakSentence></Response>"),
        {"from_xml": PARSER_LIMIT, "validate": PARSER_LIMIT, "lint": "BX100", "cli lint": "exit 1"},
    ),
    Shape(
        "attribute-of-9-MB-accepted",
        lambda p: p.write_bytes(b'<Response><Redirect redirectUrl="https://e.com/' + b"a" * (9 * MB) + b'"/></Response>'),
        {"from_xml": "ok: <Response> with 1 verbs", "validate": "0 found", "lint": "1 found: BX203",
         "cli lint": "exit 1", "cli validate": "exit 0", "cli check": "exit 0"},
    ),
    Shape(
        "7-MB-line",  # one line of speech: accepted; the text report shows a window of it
        lambda p: p.write_bytes(b"<Response><SpeakSentence>" + b"word " * 1_400_000 + b"</SpeakSentence></Response>"),
        {"from_xml": "ok: <Response> with 1 verbs", "validate": "0 found", "lint": "1 found: BX203",
         "cli lint": "exit 1", "cli validate": "exit 0", "cli check": "exit 0"},
    ),
]  # fmt: skip


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s.name)
def test_shape(shape: Shape, tmp_path: Path) -> None:
    path = tmp_path / f"{shape.name}.xml"
    shape.write(path)
    size = path.stat().st_size
    try:
        figures = measure(path)
    finally:
        path.unlink()  # pytest keeps the last runs' temporary directories: no 100 MB left
    print(json.dumps({shape.name: figures}))  # the measured figures, with pytest -s
    steps = figures["steps"]
    for step, expected in shape.expected.items():
        expected = expected.replace("{size:,}", f"{size:,}")
        assert expected in steps[step]["outcome"], (step, steps[step])
    for step, value in steps.items():
        assert "TRACEBACK" not in value["outcome"]
        assert value["seconds"] < shape.seconds, (step, value)
    assert figures["peak_rss_growth_mb"] < shape.peak_mb, figures


def test_cli_text_report_of_a_long_line_is_short(
    tmp_path: Path, cli: Callable[..., CliRun]
) -> None:
    """A minified document's one line is shown as a window, not once whole per problem."""
    path = tmp_path / "minified.xml"
    path.write_bytes(b"<Response>" + b'<Pause duration="x"/>' * 5_000 + b"</Response>")
    result = cli("lint", "--isolated", "--color", "never", str(path))
    assert result.code == 1
    assert result.out.count(" BX104 ") == 5_000
    assert len(result.out) < 5_000 * 500  # about 400 characters per problem, not 100 KB


@pytest.mark.parametrize("data", [b"", b"   \n\t  \r\n"], ids=["empty", "whitespace-only"])
def test_empty_documents(data: bytes, tmp_path: Path, cli: Callable[..., CliRun]) -> None:
    with pytest.raises(XmlSyntaxError, match="the document is empty") as caught:
        from_xml(data)
    assert (caught.value.line, caught.value.column) == (1, 1)
    assert caught.value.expected == "an XML document with a <Response> or <Bxml> root"
    with pytest.raises(XmlSyntaxError, match="the document is empty"):
        validate(data)
    assert [(d.code, d.message) for d in lint(data)] == [("BX100", "the document is empty")]
    path = tmp_path / "empty.xml"
    path.write_bytes(data)
    assert cli("lint", "--isolated", str(path)).code == 1
    assert "the document is empty" in cli("validate", str(path)).err
    assert cli("check", str(path)).code == 1
    fixed = cli("lint", "--isolated", "--fix", str(path))
    assert fixed.code == 1
    assert path.read_bytes() == data


def test_limits_are_reported_with_what_was_expected() -> None:
    with pytest.raises(XmlLimitError) as caught:
        from_xml(b"<Response>" + b"<Hangup/>" * (MAX_ELEMENTS + 1) + b"</Response>")
    assert caught.value.expected.startswith(f"at most {MAX_ELEMENTS:,} elements")
    assert caught.value.actual == f"more than {MAX_ELEMENTS:,} elements"
    for depth in (MAX_DEPTH + 1, 300, 5_000):  # ours, then libxml2's own (256) limit
        with pytest.raises(XmlLimitError, match=TOO_DEEP) as caught:
            from_xml(b"<Response>" + b"<a>" * depth + b"</a>" * depth + b"</Response>")
        assert caught.value.expected == f"at most {MAX_DEPTH} levels of nesting"
    with pytest.raises(XmlLimitError) as caught:
        from_xml(b"<Response><Pause duration='" + b"1" * 10_000_001 + b"'/></Response>")
    assert "XML_PARSE_HUGE" not in str(caught.value)  # libxml2's advice is for C programmers
    assert "\n" not in caught.value.message


def test_element_limit_holds_in_utf16_and_from_text() -> None:
    text = "<Response>" + "<Hangup/>" * (MAX_ELEMENTS + 1) + "</Response>"
    for source in (text, ('<?xml version="1.0" encoding="UTF-16"?>' + text).encode("utf-16")):
        with pytest.raises(XmlLimitError, match="more than"):
            from_xml(source)
    # ... while a document of exactly the limit is accepted and survives a round trip
    at_limit = "<Response>" + "<Hangup/>" * (MAX_ELEMENTS - 1) + "</Response>"
    model = from_xml(at_limit)
    assert len(model.verbs) == MAX_ELEMENTS - 1
    assert from_xml(to_xml(model)) == model


def test_fix_never_rewrites_an_oversized_file(tmp_path: Path, cli: Callable[..., CliRun]) -> None:
    """The linter reads only the first 10 MB + 1 byte of a larger file: --fix must never
    write that part back (it would cut the file)."""
    path = tmp_path / "big.xml"
    head = b'<xml>\n<Response>\n<Pause length="2"/>\n'
    with path.open("wb") as handle:
        handle.write(head)
        handle.write(b"<Hangup/>\n" * (MAX_DOCUMENT_BYTES // 10 + 1))
        handle.write(b"</Response>\n</xml>\n")
    size = path.stat().st_size
    result = cli("lint", "--isolated", "--fix", "--color", "never", str(path))
    assert result.code == 1
    assert f"the document is {size:,} bytes" in result.out
    assert path.stat().st_size == size
    with path.open("rb") as handle:
        assert handle.read(len(head)) == head
    path.unlink()

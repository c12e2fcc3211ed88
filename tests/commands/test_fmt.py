"""``bxmlkit fmt``: canonical, idempotent, never loses anything; --check and --diff for CI."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from bxmlkit.cli import main
from bxmlkit.codec import from_xml
from bxmlkit.commands.fmt import FormatError, format_document

ROOT = Path(__file__).parents[2]
DOCUMENTS = sorted(
    [*(ROOT / "tests" / "codec" / "corpus").glob("*.xml"), *(ROOT / "examples").glob("*.xml")]
)

MESSY = (
    b"<Response>  <Gather maxDigits='1'   gatherUrl=\"/menu\">"
    b"<SpeakSentence>Press <emphasis>1</emphasis>  now.</SpeakSentence></Gather>\n"
    b"<Hangup></Hangup></Response>"
)
CANONICAL = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    "<Response>\n"
    '  <Gather gatherUrl="/menu" maxDigits="1">\n'
    "    <SpeakSentence>Press <emphasis>1</emphasis>  now.</SpeakSentence>\n"
    "  </Gather>\n"
    "  <Hangup/>\n"
    "</Response>\n"
)


def run(capsys: pytest.CaptureFixture[str], *args: str, stdin: bytes = b"") -> tuple[int, str, str]:
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        code = main(["fmt", *args])
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return code, out, err


def test_rewrites_in_canonical_form(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "menu.xml"
    doc.write_bytes(MESSY)
    assert run(capsys, str(doc)) == (0, "", "1 file reformatted, 0 left unchanged.\n")
    assert doc.read_text(encoding="utf-8") == CANONICAL
    assert run(capsys, str(doc)) == (0, "", "0 files reformatted, 1 left unchanged.\n")


def test_keeps_crlf_line_endings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "windows.xml"
    doc.write_bytes(MESSY.replace(b"\n", b"\r\n"))
    assert run(capsys, str(doc))[0] == 0
    crlf = CANONICAL.replace("\n", "\r\n").encode()
    assert doc.read_bytes() == crlf
    assert run(capsys, "--check", str(doc)) == (
        0,
        "",
        "0 files would be reformatted, 1 already formatted.\n",
    )
    # text spread over lines keeps its CR LF too, and LF documents stay LF
    lines = b"<Response>\r\n<SpeakSentence>one\r\ntwo</SpeakSentence>\r\n</Response>\r\n"
    assert format_document(lines).count(b"\r\n") == format_document(lines).count(b"\n") == 5
    assert b"\r" not in format_document(MESSY)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_idempotent_and_lossless_on_the_corpus(path: Path) -> None:
    data = path.read_bytes()
    formatted = format_document(data)
    assert _comments(formatted) == _comments(data)
    assert format_document(formatted) == formatted
    assert from_xml(formatted) == from_xml(data)
    lines = formatted.decode("utf-8").splitlines()
    assert lines[0] == '<?xml version="1.0" encoding="UTF-8"?>'
    for line in lines[1:]:  # a stable indentation: two spaces per level
        indent = len(line) - len(line.lstrip(" "))
        assert indent % 2 == 0, line


def test_check_exits_1_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    messy = tmp_path / "messy.bxml"
    messy.write_bytes(MESSY)
    clean = tmp_path / "clean.xml"
    clean.write_text(CANONICAL, encoding="utf-8")
    code, out, err = run(capsys, "--check", str(tmp_path))
    assert (code, out) == (1, "")
    assert err == (f"Would reformat: {messy}\n1 file would be reformatted, 1 already formatted.\n")
    assert messy.read_bytes() == MESSY
    assert run(capsys, "--check", str(clean)) == (
        0,
        "",
        "0 files would be reformatted, 1 already formatted.\n",
    )


def test_diff_prints_a_unified_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "short.xml"
    doc.write_bytes(b"<Response><Hangup></Hangup></Response>\n")
    code, out, err = run(capsys, "--diff", str(doc))
    assert code == 1
    assert out == (
        f"--- a/{doc}\n"
        f"+++ b/{doc}\n"
        "@@ -1 +1,4 @@\n"
        "-<Response><Hangup></Hangup></Response>\n"
        '+<?xml version="1.0" encoding="UTF-8"?>\n'
        "+<Response>\n"
        "+  <Hangup/>\n"
        "+</Response>\n"
    )
    assert err == "1 file would be reformatted, 0 already formatted.\n"
    assert doc.read_bytes() == b"<Response><Hangup></Hangup></Response>\n"


def test_standard_input_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    sys.stdin = io.TextIOWrapper(io.BytesIO(MESSY))
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    real_stdout = sys.stdout
    sys.stdout = stdout
    try:
        code = main(["fmt", "-"])
        stdout.flush()
        written = stdout.buffer.getvalue()
    finally:
        sys.stdin, sys.stdout = sys.__stdin__, real_stdout
    assert code == 0
    assert written.decode("utf-8") == CANONICAL


def test_invalid_document_is_reported_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b'<Response>\n  <Pause duration="0"/></Response>')
    good = tmp_path / "good.xml"
    good.write_bytes(b"<Response><Hangup/></Response>")
    code, out, err = run(capsys, str(bad), str(good))
    assert (code, out) == (2, "")
    first, second = err.splitlines()
    assert first.startswith(f"{bad}:2:10: Pause attribute duration=")
    assert second == "1 file reformatted, 0 left unchanged."
    assert bad.read_bytes() == b'<Response>\n  <Pause duration="0"/></Response>'
    assert good.read_text(encoding="utf-8").endswith("<Response>\n  <Hangup/>\n</Response>\n")


COMMENTED = (
    b"<!-- the main menu -->\n<Response>\n"
    b"  <!-- bxmlkit: disable-next-line=BX303 -->\n"
    b'  <Redirect redirectUrl="http://example.com/next"></Redirect>\n'
    b"  <SpeakSentence>Bye<!-- inside mixed content --></SpeakSentence>\n"
    b"</Response>\n<!-- end -->"
)
COMMENTS = [
    " the main menu ",
    " bxmlkit: disable-next-line=BX303 ",
    " inside mixed content ",
    " end ",
]


def _comments(data: bytes) -> list[str]:
    from lxml import etree

    from bxmlkit._parser import parse

    root = parse(data).root
    tree = root.getroottree()
    return [str(c.text) for c in tree.xpath("//comment()") if isinstance(c, etree._Comment)]


def test_never_loses_a_comment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Either every comment is kept, in order, or the file is left unchanged with exit 2."""
    assert _comments(COMMENTED) == COMMENTS
    doc = tmp_path / "commented.xml"
    doc.write_bytes(COMMENTED)
    code, _, err = run(capsys, str(doc))
    assert (code, err) == (0, "1 file reformatted, 0 left unchanged.\n")
    assert doc.read_text(encoding="utf-8") == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<!-- the main menu -->\n"
        "<Response>\n"
        "  <!-- bxmlkit: disable-next-line=BX303 -->\n"
        '  <Redirect redirectUrl="http://example.com/next"/>\n'
        "  <SpeakSentence>Bye<!-- inside mixed content --></SpeakSentence>\n"
        "</Response>\n"
        "<!-- end -->\n"
    )
    assert _comments(doc.read_bytes()) == COMMENTS
    assert run(capsys, "--check", str(doc))[0] == 0


def test_suppressions_still_suppress_after_formatting(tmp_path: Path) -> None:
    from bxmlkit.lint import lint

    redirect = b"<Redirect redirectUrl='http://example.com/next'></Redirect></Response>"
    doc = tmp_path / "suppressed.xml"
    doc.write_bytes(b"<Response>\n" + redirect)
    assert [(d.line, d.code) for d in lint(doc)] == [(2, "BX303")]  # what the comment hides
    doc.write_bytes(b"<Response><!-- bxmlkit: disable-next-line=BX303 -->\n" + redirect)
    assert lint(doc) == []
    assert main(["fmt", str(doc)]) == 0
    assert doc.read_bytes().count(b"\n") == 5  # declaration, root, comment, verb, end tag
    assert lint(doc) == []  # the comment still stands right before its element


def test_a_comment_the_models_cannot_keep_leaves_the_file_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lost = b"<Response><!-- kept --><Hangup><!-- no place for it --></Hangup></Response>"
    doc = tmp_path / "commented.xml"
    doc.write_bytes(lost)
    code, out, err = run(capsys, str(doc))
    assert (code, out) == (2, "")
    assert err == (
        f"{doc}: cannot format: it has 2 comments, which the canonical form would drop "
        "(a comment inside an element that holds only text or nothing has no place in the "
        "models); left unchanged so that no comment is lost\n"
    )
    assert doc.read_bytes() == lost
    with pytest.raises(FormatError):
        format_document(lost)
    # check -w, the old spelling of fmt, keeps the same promise
    assert main(["check", "-w", str(doc)]) == 2
    assert doc.read_bytes() == lost


def test_check_write_back_is_fmt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "doc.xml"
    doc.write_bytes(MESSY)
    assert main(["check", "-w", str(doc)]) == 0
    assert capsys.readouterr().out == f"ok {doc}: <Response> with 2 verbs\n"
    assert doc.read_text(encoding="utf-8") == CANONICAL


def test_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fmt"]) == 2
    assert "PATH" in capsys.readouterr().err

"""``bxmlkit diff A B``: located differences, exit 0 same / 1 different / 2 unreadable."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from bxmlkit.cli import main

OLD = '<Response><SpeakSentence voice="susan">Hi</SpeakSentence><Gather maxDigits="1"/><Hangup/></Response>'
NEW = """<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <SpeakSentence voice="julie">Hi</SpeakSentence>
  <Gather maxDigits="3"/>
</Response>
"""


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    monkeypatch.chdir(tmp_path)
    Path("old.xml").write_text(OLD, encoding="utf-8")
    Path("new.xml").write_text(NEW, encoding="utf-8")
    return "old.xml", "new.xml"


def test_differences_are_listed_with_paths(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", *files]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "--- old.xml",
        "+++ new.xml",
        '/Response/SpeakSentence[1]/@voice: "susan" != "julie"',
        "/Response/Gather[1]/@maxDigits: 1 != 3",
        "/Response/Hangup[1]: removed <Hangup/> (only in old.xml)",
        "3 differences",
    ]


def test_added_is_relative_to_the_first_document(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", files[1], files[0]]) == 1
    assert "/Response/Hangup[1]: added <Hangup/> (only in old.xml)" in capsys.readouterr().out


def test_the_same_bxml_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.xml").write_text("<Response><Pause duration='5.0'/></Response>")
    (tmp_path / "b.xml").write_text('<Response>\n  <Pause duration="5"/>\n</Response>\n')
    assert main(["diff", str(tmp_path / "a.xml"), str(tmp_path / "b.xml")]) == 0
    assert capsys.readouterr().out == (
        f"{tmp_path / 'a.xml'} and {tmp_path / 'b.xml'} are the same BXML\n"
    )


def test_standard_input_as_one_side(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(OLD.encode())))
    assert main(["diff", "-", files[0]]) == 0
    assert capsys.readouterr().out == "<stdin> and old.xml are the same BXML\n"
    assert main(["diff", "-", "-"]) == 2
    assert "only one of the documents" in capsys.readouterr().err


def test_a_document_that_is_not_bxml_exits_2_with_its_location(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    Path("bad.xml").write_text('<Response>\n  <Gather maxDigits="many"/>\n</Response>\n')
    assert main(["diff", files[0], "bad.xml"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("bad.xml:2:")
    assert "maxDigits" in captured.err


def test_a_missing_file_exits_2(files: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", files[0], "nope.xml"]) == 2
    assert capsys.readouterr().err.startswith("nope.xml: ")


def test_the_guide_shows_what_the_command_prints(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    guide = (Path(__file__).parents[2] / "docs" / "guides" / "diffs.md").read_text("utf-8")
    block = guide.split("```console\n", 1)[1].split("```", 1)[0].splitlines()
    assert block[0] == "$ bxmlkit diff old.xml new.xml"
    main(["diff", *files])
    assert capsys.readouterr().out.splitlines() == block[1:]

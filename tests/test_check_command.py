"""``bxmlkit check``: exit codes and output."""

from __future__ import annotations

from pathlib import Path

import pytest

from bxmlkit.cli import main

EXAMPLES = Path(__file__).parents[1] / "examples"


def test_examples_check_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", *map(str, sorted(EXAMPLES.glob("*.xml")))]) == 0
    assert "ok " in capsys.readouterr().out


def test_invalid_document_exits_1_with_location(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text('<Response>\n<Pause duration="0"/></Response>')
    assert main(["check", str(bad)]) == 1
    assert f"{bad}:2:8: Pause attribute duration=" in capsys.readouterr().out


def test_unreadable_source_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "missing.xml")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_write_back_rewrites_canonically(tmp_path: Path) -> None:
    doc = tmp_path / "doc.bxml"
    doc.write_text("<Response>  <Hangup></Hangup></Response>")
    assert main(["check", "-w", str(tmp_path)]) == 0
    assert (
        doc.read_text()
        == '<?xml version="1.0" encoding="UTF-8"?>\n<Response>\n  <Hangup/>\n</Response>\n'
    )

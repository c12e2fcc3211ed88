"""``bxmlkit validate`` and ``bxmlkit schema``."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bxmlkit.cli import main

from .conftest import CORPUS, REPO, XSD

VALID = CORPUS / "valid" / "ivr.xml"
BAD_ENUM = CORPUS / "invalid" / "bad-enum.xml"
WRONG_ROOT = CORPUS / "invalid" / "wrong-root.xml"


def test_valid_file_exits_0_silently(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(VALID)]) == 0
    assert capsys.readouterr() == ("", "")


def test_violations_exit_1_with_path_line_column(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(VALID), str(BAD_ENUM), str(WRONG_ROOT)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f'{BAD_ENUM}:3:52: Redirect attribute redirectMethod="get" is invalid: expected one of '
        'GET, POST; values are case-sensitive: did you mean "GET"?',
        f"{WRONG_ROOT}:2:1: the root element must be <Response> or <Bxml>, not <Gather>; "
        "<Response> answers a webhook, <Bxml> is the body of an update-call request",
    ]
    assert err == ""


def test_missing_file_exits_2_and_others_are_still_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.xml"
    assert main(["validate", str(missing), str(BAD_ENUM)]) == 2
    out, err = capsys.readouterr()
    assert err == f"{missing}: no such file or directory\n"
    assert out.startswith(f"{BAD_ENUM}:3:52: ")


def test_directory_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["validate", str(tmp_path)]) == 2
    assert "no files to check in this directory" in capsys.readouterr().err


def test_not_xml_exits_2_with_position(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<Response>\n  <Hangup>\n</Response>\n", encoding="utf-8")
    assert main(["validate", str(broken)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"{broken}:3:")
    assert "not well-formed XML" in err
    assert "Traceback" not in err


def test_forbidden_construct_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    doc = tmp_path / "doctype.xml"
    doc.write_bytes(b'<!DOCTYPE R [<!ENTITY x "y">]>\n<Response/>')
    assert main(["validate", str(doc)]) == 2
    assert "DOCTYPE" in capsys.readouterr().err


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stream)


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, b'<Response>\n<Pause duration="0"/></Response>')
    assert main(["validate", "-"]) == 1
    assert capsys.readouterr().out == (
        '<stdin>:2:8: Pause attribute duration="0" is invalid: expected a decimal number from 0.1 '
        "to 86400\n"
    )


def test_stdin_valid(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, b"<Bxml/>")
    assert main(["validate", "-"]) == 0


def test_no_file_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 2


def test_schema_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--path"]) == 0
    printed = Path(capsys.readouterr().out.strip())
    assert printed == XSD
    assert printed.is_file()


def test_schema_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == XSD.read_text(encoding="utf-8")


def test_command_line_in_a_subprocess_has_no_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"\xff\xfe<not xml")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-m", "bxmlkit", "validate", str(broken), str(BAD_ENUM)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{broken}:")
    assert "redirectMethod" in result.stdout


def test_broken_installation_exits_2(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    fresh_schema_caches: None,
) -> None:
    from bxmlkit import schema
    from bxmlkit.errors import SchemaLoadError
    from bxmlkit.schema import _files

    def missing() -> Path:
        raise SchemaLoadError("the bundled XSD bxml.xsd was not found")

    monkeypatch.setattr(schema, "schema_path", missing)
    monkeypatch.setattr(_files, "schema_path", missing)
    monkeypatch.setattr(_files, "schema_file", missing)
    assert main(["validate", str(VALID)]) == 2
    assert "bxmlkit validate: the bundled XSD bxml.xsd was not found" in capsys.readouterr().err
    assert main(["schema", "--path"]) == 2
    assert "not found" in capsys.readouterr().err

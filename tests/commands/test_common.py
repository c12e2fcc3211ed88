"""What ``check``, ``validate``, ``lint`` and ``fmt`` share: finding files, path errors and
exit codes (a mistyped path never passes CI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bxmlkit.cli import main
from bxmlkit.commands._common import find_documents, plural

COMMANDS = [
    pytest.param(["lint", "--isolated"], id="lint"),
    pytest.param(["check"], id="check"),
    pytest.param(["validate"], id="validate"),
    pytest.param(["fmt", "--check"], id="fmt"),
]
GOOD = '<?xml version="1.0" encoding="UTF-8"?>\n<Response>\n  <Hangup/>\n</Response>\n'


@pytest.mark.parametrize("command", COMMANDS)
def test_missing_path_exits_2_and_passes_nothing(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.xml"
    assert main([*command, str(missing)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[0].endswith(f"{missing}: no such file or directory")
    assert "passed" not in err


@pytest.mark.parametrize("command", COMMANDS)
def test_directory_without_documents_exits_2(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("not BXML")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "hidden.xml").write_text(GOOD)
    assert main([*command, str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"bxmlkit {command[0]}: {tmp_path}: no files to check in this directory "
        "(looked for *.xml, *.bxml)\n"
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_a_missing_path_beside_good_files_still_exits_2(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.xml"
    good.write_text(GOOD)
    assert main([*command, str(good)]) == 0
    capsys.readouterr()
    assert main([*command, str(tmp_path / "typo.xml"), str(good)]) == 2
    out, err = capsys.readouterr()
    assert "All checks passed" not in out + err
    assert f"{tmp_path / 'typo.xml'}: no such file or directory" in err


def test_lint_summary_does_not_call_a_partial_run_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.xml"
    good.write_text(GOOD)
    assert main(["lint", "--isolated", str(good), str(tmp_path / "typo.xml")]) == 2
    out, err = capsys.readouterr()
    assert out == "No problems in 1 file, but 1 path could not be linted (see above).\n"
    assert err == f"bxmlkit lint: {tmp_path / 'typo.xml'}: no such file or directory\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_standard_input_only_once(
    command: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode())))
    assert main([*command, "-", "-"]) == 2
    assert "standard input (-) can be given only once" in capsys.readouterr().err


def test_discovery_order_dedup_and_excluded_folders(tmp_path: Path) -> None:
    for name in ("b.xml", "a.bxml", "sub/c.xml", "node_modules/x.xml", ".venv/y.xml", "z.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(GOOD)
    found = find_documents([str(tmp_path / "b.xml"), str(tmp_path), "-"])
    assert found.errors == []
    assert found.files == [
        str(tmp_path / "b.xml"),
        str(tmp_path / "a.bxml"),
        str(tmp_path / "sub" / "c.xml"),
        "-",
    ]
    # an explicit file is taken whatever its name; a missing one is left for the reader
    assert find_documents([str(tmp_path / "z.txt"), "gone.xml"]).files == [
        str(tmp_path / "z.txt"),
        "gone.xml",
    ]


def test_plural() -> None:
    assert [plural(n, "verb") for n in (0, 1, 2)] == ["0 verbs", "1 verb", "2 verbs"]
    assert plural(1, "child", "children") == "1 child"
    assert plural(3, "child", "children") == "3 children"


def test_check_says_1_verb(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "one.xml"
    doc.write_text(GOOD)
    assert main(["check", str(doc)]) == 0
    assert capsys.readouterr().out == f"ok {doc}: <Response> with 1 verb\n"

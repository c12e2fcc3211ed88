"""``[*]`` is a promise: it marks exactly the fixes ``--fix`` applies; a fix that ``--fix``
withholds (it would reveal another problem) says so and why, in every mode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bxmlkit.cli import main
from bxmlkit.lint.config import Config
from bxmlkit.lint.diagnostic import Diagnostic, Edit, Fix, Severity
from bxmlkit.lint.engine import lint_bytes
from bxmlkit.lint.fix import fix_until_stable

#: Renaming gatherurl to gatherUrl makes the <Hangup> after it unreachable (BX201).
REVEALING = '<Response>\n  <Gather gatherurl="https://example.com/g"/>\n  <Hangup/>\n</Response>\n'
#: One harmless fix (the boolean) beside the revealing rename.
MIXED = (
    "<Response>\n"
    '  <Ring duration="5" answerCall="True"/>\n'
    '  <Gather gatherurl="https://example.com/g"/>\n'
    "  <Hangup/>\n"
    "</Response>\n"
)
REASON = "applying it would reveal BX201 unreachable-verb at {}; fix it by hand"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["lint", "--isolated", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_withheld_fix_is_not_marked_and_says_why(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("menu.xml").write_text(REVEALING, encoding="utf-8")
    code, out, _ = run(capsys, "menu.xml")
    assert code == 1
    assert out.splitlines() == [
        'menu.xml:2:11: BX103 unknown attribute "gatherurl" on <Gather>; did you mean "gatherUrl"?',
        ' 2 |   <Gather gatherurl="https://example.com/g"/>',
        "   |           ^",
        "   = fix withheld: " + REASON.format("3:3"),
        "Found 1 problem (1 error) in 1 of 1 file. 1 fix withheld (see above).",
    ]
    # --fix indeed changes nothing, and says the same
    code, out, _ = run(capsys, "--fix", "menu.xml")
    assert code == 1
    assert Path("menu.xml").read_text(encoding="utf-8") == REVEALING
    assert "   = fix withheld: " + REASON.format("3:3") in out.splitlines()
    # --diff shows no change and says why, instead of a bare "Would fix 0 problems"
    code, out, err = run(capsys, "--diff", "menu.xml")
    assert (code, out) == (0, "")
    assert err == (
        f"menu.xml:2:11: BX103 fix withheld: {REASON.format('3:3')}\n"
        "Would fix 0 problems in 0 files.\n"
    )


def test_marked_fixes_are_exactly_those_applied(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("mixed.xml").write_text(MIXED, encoding="utf-8")
    code, out, _ = run(capsys, "mixed.xml")
    assert code == 1
    lines = out.splitlines()
    assert [line.split(" ", 2)[1:2] for line in lines if line.startswith("mixed.xml:")] == [
        ["BX104"],
        ["BX103"],
    ]
    assert lines[0].startswith("mixed.xml:2:22: BX104 [*] ")
    assert lines[3].startswith('mixed.xml:3:11: BX103 unknown attribute "gatherurl" on <Gather>')
    assert lines[6] == "   = fix withheld: " + REASON.format("4:3")
    assert lines[-1] == (
        "Found 2 problems (2 errors) in 1 of 1 file. [*] 1 fixable with `bxmlkit lint --fix`. "
        "1 fix withheld (see above)."
    )
    # --fix applies the one marked fix, and only it
    code, out, _ = run(capsys, "--fix", "mixed.xml")
    assert code == 1
    assert Path("mixed.xml").read_text(encoding="utf-8") == MIXED.replace('"True"', '"true"')
    assert out.splitlines()[-1] == (
        "Fixed 1 problem. Found 1 problem (1 error) in 1 of 1 file. 1 fix withheld (see above)."
    )


def test_fix_until_stable_gives_each_withheld_fix_its_reason() -> None:
    data = REVEALING.encode()
    config = Config()
    diagnostics = lint_bytes(data, path="m.xml", config=config)
    assert [(d.code, d.fix is not None) for d in diagnostics] == [("BX103", True)]
    outcome = fix_until_stable(
        data, diagnostics, lambda candidate: lint_bytes(candidate, path="m.xml", config=config)
    )
    assert (outcome.applied, outcome.after, outcome.data) == (0, REVEALING, data)
    assert [(d.code, d.fix, d.fix_withheld) for d in outcome.diagnostics] == [
        ("BX103", None, REASON.format("3:3"))
    ]


def test_bytes_that_do_not_reencode_withhold_every_fix() -> None:
    data = b'<Response><Ring answerCall="True"/></Response>\n<!-- \xff -->'
    fix = Fix("write true", (Edit(29, 33, "true"),))
    diagnostic = Diagnostic("m.xml", 1, 17, "BX104", "invalid-attribute-value",
                            Severity.ERROR, "not a boolean", fix)  # fmt: skip
    outcome = fix_until_stable(data, [diagnostic], lambda candidate: [])
    assert outcome.applied == 0
    assert outcome.data == data
    assert [(d.fix, d.fix_withheld) for d in outcome.diagnostics] == [
        (None, "the file's encoding would not be written back exactly")
    ]


def test_json_output_names_the_withheld_fix(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("menu.xml").write_text(REVEALING, encoding="utf-8")
    code, out, _ = run(capsys, "--format", "json", "menu.xml")
    assert code == 1
    (diagnostic,) = json.loads(out)["diagnostics"]
    assert diagnostic["fix"] is None
    assert diagnostic["fix_withheld"] == REASON.format("3:3")

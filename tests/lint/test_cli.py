"""``bxmlkit lint``, ``bxmlkit rules`` and ``bxmlkit rule`` from the command line (in process)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from bxmlkit.cli import main

CLEAN = "<Response>\n    <Hangup/>\n</Response>\n"
ERROR = '<Response>\n    <Gather maxdigits="4"/>\n</Response>\n'
WARNING = '<Response>\n    <SpeakSentence voice="Sophia">Hi</SpeakSentence>\n</Response>\n'
FIXABLE = (
    '<?xml version="1.0"?>\n<!-- greeting -->\n<xml>\n  <Response>\n'
    '    <Pause length="2"/>  <!-- v1 -->\n    <Ring answerCall="True" duration="1"/>\n'
    '    <Gather maxdigits="1" gatherUrl="https://example.com/g"/>\n  </Response>\n</xml>\n'
)


def run(
    capsys: pytest.CaptureFixture[str], *args: str, stdin: str | None = None
) -> tuple[int, str, str]:
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode()))
    try:
        code = main(["lint", *args] if not args or args[0] not in ("rule", "rules") else list(args))
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.xml").write_text(CLEAN)
    return tmp_path


# -- exit codes ------------------------------------------------------------------------------
def test_clean_file_exits_0(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "clean.xml")
    assert code == 0
    assert out == "All checks passed (1 file).\n"


def test_error_exits_1_with_caret(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "bad.xml").write_text(ERROR)
    code, out, _ = run(capsys, "bad.xml")
    assert code == 1
    assert out.splitlines()[:3] == [
        'bad.xml:2:13: BX103 [*] unknown attribute "maxdigits" on <Gather>; did you mean "maxDigits"?',
        ' 2 |     <Gather maxdigits="4"/>',
        "   |             ^",
    ]
    assert out.splitlines()[-1].startswith("Found 1 problem (1 error) in 1 of 1 file.")


def test_warnings_pass_unless_fail_on_warning(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tree / "warn.xml").write_text(WARNING)
    assert run(capsys, "warn.xml")[0] == 0
    assert run(capsys, "warn.xml", "--fail-on", "warning")[0] == 1
    (tree / "pyproject.toml").write_text('[tool.bxmlkit]\nfail-on = "warning"\n')
    assert run(capsys, "warn.xml")[0] == 1
    assert run(capsys, "warn.xml", "--fail-on", "never")[0] == 0


def test_missing_file_exits_2(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "nope.xml", "clean.xml")
    assert code == 2
    assert "nope.xml: no such file or directory" in err


def test_unreadable_and_odd_inputs_exit_2(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--jobs", "0", "clean.xml")[0] == 2
    assert run(capsys, "-", "-", stdin="<Response/>")[0] == 2


def test_usage_error_exits_2(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--format", "xml")[0] == 2
    code, _, err = run(capsys, "--select", "BX9999", "clean.xml")
    assert code == 2
    assert "unknown rule 'BX9999'" in err


# -- files, directories, stdin -----------------------------------------------------------------
def test_directories_are_searched_recursively(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tree / "sub" / "deeper").mkdir(parents=True)
    (tree / "sub" / "deeper" / "bad.bxml").write_text(ERROR)
    (tree / "sub" / "notes.txt").write_text(ERROR)
    (tree / "node_modules").mkdir()
    (tree / "node_modules" / "bad.xml").write_text(ERROR)
    code, out, _ = run(capsys, ".")
    assert code == 1
    assert "sub/deeper/bad.bxml:2:13: BX103" in out
    assert "notes.txt" not in out
    assert "node_modules" not in out
    assert "in 1 of 2 files" in out


def test_include_and_exclude(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "a.bxml").write_text(ERROR)
    (tree / "b.tpl").write_text(ERROR)
    assert run(capsys, ".", "--exclude", "*.bxml")[0] == 0
    code, out, _ = run(capsys, ".", "--include", "*.tpl")
    assert code == 1
    assert "b.tpl" in out
    (tree / ".bxmlkit.toml").write_text('include = ["*.tpl"]\nexclude = ["b.*"]\n')
    # Everything excluded: nothing was linted, which is an error, never "All checks passed".
    code, out, err = run(capsys, ".")
    assert (code, out) == (2, "")
    assert err == "bxmlkit lint: .: no files to check in this directory (looked for *.tpl)\n"


def test_stdin(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "-", stdin=ERROR)
    assert code == 1
    assert out.startswith("<stdin>:2:13: BX103")
    code, out, _ = run(capsys, "-", "--stdin-filename", "answer.xml", stdin=CLEAN)
    assert code == 0


def test_explicit_file_is_linted_whatever_its_name(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tree / "reply.txt").write_text(ERROR)
    assert run(capsys, "reply.txt")[0] == 1


# -- formats and colour ----------------------------------------------------------------------
def test_json_format(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "bad.xml").write_text(ERROR)
    code, out, _ = run(capsys, "bad.xml", "--format", "json")
    assert code == 1
    payload = json.loads(out)
    assert payload["diagnostics"][0]["code"] == "BX103"
    assert payload["summary"] == {"files": 1, "errors": 1, "warnings": 0, "info": 0, "fixed": 0}


def test_auto_is_github_under_actions(
    tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tree / "bad.xml").write_text(ERROR)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = run(capsys, "bad.xml")
    assert out.startswith(
        "::error file=bad.xml,line=2,col=13,title=BX103 unknown-attribute::BX103 "
    )


def test_output_file(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "bad.xml").write_text(ERROR)
    code, out, _ = run(capsys, "bad.xml", "--format", "sarif", "-o", "report.sarif")
    assert code == 1
    assert out == ""
    assert json.loads((tree / "report.sarif").read_text())["version"] == "2.1.0"


def test_colour_only_when_asked_or_on_a_terminal(
    tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tree / "bad.xml").write_text(ERROR)
    assert "\033[" not in run(capsys, "bad.xml")[1]
    assert "\033[" in run(capsys, "bad.xml", "--color", "always")[1]
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert "\033[" in run(capsys, "bad.xml")[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\033[" not in run(capsys, "bad.xml")[1]


# -- select / ignore / context flags ------------------------------------------------------------
def test_flags_override_config(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "bad.xml").write_text(ERROR)
    (tree / ".bxmlkit.toml").write_text('ignore = ["BX103"]\n')
    assert run(capsys, "bad.xml")[0] == 0
    assert run(capsys, "bad.xml", "--isolated")[0] == 1
    assert run(capsys, "bad.xml", "--select", "unknown-attribute")[0] == 0  # ignore still applies
    assert run(capsys, "bad.xml", "--select", "BX2")[0] == 0


def test_context_flag(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "clean.xml", "--context", "update-call")
    assert code == 1
    assert "BX602" in out


# -- fixes -------------------------------------------------------------------------------------
def test_fix_is_idempotent_and_byte_for_byte(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tree / "old.xml"
    path.write_text(FIXABLE)
    code, out, _ = run(capsys, "old.xml", "--fix")
    fixed = path.read_text()
    assert fixed == (
        '<?xml version="1.0"?>\n<!-- greeting -->\n  <Response>\n'
        '    <Pause duration="2"/>  <!-- v1 -->\n    <Ring answerCall="true" duration="1"/>\n'
        '    <Gather maxDigits="1" gatherUrl="https://example.com/g"/>\n  </Response>\n'
    )
    assert code == 0
    assert "Fixed 4 problems." in out
    code, out, _ = run(capsys, "old.xml", "--fix")
    assert path.read_text() == fixed
    assert code == 0
    assert "Fixed" not in out
    assert run(capsys, "old.xml")[0] == 0


def test_diff_writes_nothing(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tree / "old.xml"
    path.write_text(FIXABLE)
    code, out, err = run(capsys, "old.xml", "--diff")
    assert code == 1
    assert path.read_text() == FIXABLE
    assert '-    <Pause length="2"/>  <!-- v1 -->' in out
    assert '+    <Pause duration="2"/>  <!-- v1 -->' in out
    assert "Would fix 4 problems in 1 file." in err
    assert run(capsys, "clean.xml", "--diff")[0] == 0


def test_fix_from_stdin_prints_the_fixed_document(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "-", "--fix", stdin='<Response><Ring answerCall="False"/></Response>'
    )
    assert out == '<Response><Ring answerCall="false"/></Response>'
    assert code == 0
    assert "Fixed 1 problem." in err


# -- rules ---------------------------------------------------------------------------------
def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    from bxmlkit.lint import REGISTRY

    code, out, _ = run(capsys, "rules")
    assert code == 0
    for rule_code in REGISTRY:
        assert rule_code in out
    code, out, _ = run(capsys, "rules", "--format", "json")
    assert {row["code"] for row in json.loads(out)} == set(REGISTRY)


@pytest.mark.parametrize("name", ["BX103", "bx103", "unknown-attribute"])
def test_rule_shows_the_doc(capsys: pytest.CaptureFixture[str], name: str) -> None:
    code, out, _ = run(capsys, "rule", name)
    assert code == 0
    assert out.startswith("BX103 unknown-attribute (structure, default severity error), fixable\n")
    assert "## Why is this bad?" in out


def test_unknown_rule_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "rule", "BX10")
    assert code == 2
    assert "did you mean" in err


@pytest.mark.parametrize(
    ("given", "hint"),
    [
        pytest.param(
            "BX2",
            "did you mean one of the BX2 rules: BX201 (unreachable-verb), BX202 "
            "(gather-prompt-limit), BX203 (document-too-large), BX204 (ignored-attribute), "
            "BX205 (verb-not-allowed-in-context), BX206 (empty-response), ",
            id="family",
        ),
        pytest.param(
            "BX999",
            "did you mean one of the BX9 rules: BX900 (internal-error), BX901 "
            "(invalid-suppression), BX902 (unused-suppression)?",
            id="same-hundred",
        ),
        pytest.param(
            "BX7",
            "rule codes are BX1xx, BX2xx, BX3xx, BX4xx, BX5xx, BX6xx, BX9xx; "
            "`bxmlkit rules` lists them",
            id="no-such-group",
        ),
        pytest.param("BX1O3", "did you mean 'BX103'?", id="letter-o"),
        pytest.param("unknown-atribute", "did you mean 'unknown-attribute'?", id="name"),
    ],
)
def test_unknown_rule_suggests_sensible_codes(
    capsys: pytest.CaptureFixture[str], given: str, hint: str
) -> None:
    code, out, err = run(capsys, "rule", given)
    assert (code, out) == (2, "")
    assert err.startswith(f"bxmlkit rule: unknown rule {given!r}; {hint}")
    assert err.endswith("\n")
    assert err.count("\n") == 1


def test_never_a_traceback_on_garbage(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "garbage.xml").write_bytes(b"\x00\xff<Resp\x00onse>&&&<![CDATA[")
    (tree / "big.xml").write_bytes(b"<Response>" + b" " * 11_000_000 + b"</Response>")
    code, out, err = run(capsys, ".")
    assert code == 1
    assert "Traceback" not in out + err
    assert "garbage.xml:1:1: BX100" in out
    assert "big.xml:1:1: BX203" in out

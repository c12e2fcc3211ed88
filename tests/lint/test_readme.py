"""The linter's documentation, executed: the snippets here are the ones the guides show.

They were the README's linter section; the README now points to the guides
docs/guides/linting-in-ci.md and docs/guides/configuration.md, and the tests at the end of
this file check that the guides show exactly these snippets.
"""

from __future__ import annotations

import contextlib
import io
import shlex
import textwrap
from pathlib import Path

import pytest

from bxmlkit.cli import main

GUIDES = Path(__file__).resolve().parents[2] / "docs" / "guides"

# -- "Lint in CI" ------------------------------------------------------------------------------
MENU_XML = """\
<Response>
    <Gather gatherUrl="https://example.com/menu" maxdigits="1" timeout="10">
        <SpeakSentence voice="Julie">For sales, press 1.</SpeakSentence>
    </Gather>
    <Redirect redirectUrl="https://example.com/no-input"/>
</Response>
"""
COMMAND = "bxmlkit lint bxml/"
OUTPUT = """\
bxml/menu.xml:2:50: BX103 [*] unknown attribute "maxdigits" on <Gather>; did you mean "maxDigits"?
 2 |     <Gather gatherUrl="https://example.com/menu" maxdigits="1" timeout="10">
   |                                                  ^
bxml/menu.xml:2:64: BX103 unknown attribute "timeout" on <Gather>; BXML has firstDigitTimeout (for the first digit) and interDigitTimeout (between digits)
 2 |     <Gather gatherUrl="https://example.com/menu" maxdigits="1" timeout="10">
   |                                                                ^
bxml/menu.xml:3:24: BX501 unknown voice 'Julie': voice names are lowercase, write 'julie'
 3 |         <SpeakSentence voice="Julie">For sales, press 1.</SpeakSentence>
   |                        ^
bxml/menu.xml:5:5: BX201 <Redirect> can never run: when the <Gather> on line 2 ends, the BXML returned by its gatherUrl runs instead (after a timeout too: handle no input there)
 5 |     <Redirect redirectUrl="https://example.com/no-input"/>
   |     ^
Found 4 problems (2 errors, 2 warnings) in 1 of 1 file. [*] 1 fixable with `bxmlkit lint --fix`.
"""

# -- "Python API" ------------------------------------------------------------------------------
API = """\
from bxmlkit.lint import lint

for diagnostic in lint('<Response><Gather maxdigits="4"/></Response>'):
    print(diagnostic)
"""
API_OUTPUT = (
    '<string>:1:19: BX103 unknown attribute "maxdigits" on <Gather>; did you mean "maxDigits"?\n'
)

# -- "Configuration" ---------------------------------------------------------------------------
PYPROJECT = """\
[tool.bxmlkit]
ignore = ["BX303"]                                   # plain-http URLs are fine here
fail-on = "warning"
per-file-ignores = { "legacy/*.xml" = ["BX4"] }
per-file-context = { "conference/*.xml" = "conference" }

[tool.bxmlkit.severity]
unknown-voice = "error"

[tool.bxmlkit.rules.unknown-voice]
extra-voices = ["nova"]
"""

# -- "Suppressions" ----------------------------------------------------------------------------
SUPPRESSED = """\
<Response>
    <!-- bxmlkit: disable-next-line=unknown-voice -->
    <SpeakSentence voice="nova">Hi</SpeakSentence>
</Response>
"""

# -- "CI" --------------------------------------------------------------------------------------
CI_COMMANDS = [
    "bxmlkit lint --format sarif -o bxmlkit.sarif bxml/",
    "bxmlkit lint --fix bxml/",
    "bxmlkit lint --diff bxml/",
    "bxmlkit rule BX201",
]


def _run(command: str) -> int:
    argv = shlex.split(command)
    assert argv[0] == "bxmlkit"
    return main(argv[1:])


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bxml").mkdir()
    (tmp_path / "bxml" / "menu.xml").write_text(MENU_XML)
    return tmp_path


def test_lint_output(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(COMMAND) == 1
    assert capsys.readouterr().out == OUTPUT


def test_python_api() -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(API, {})
    assert out.getvalue() == API_OUTPUT


def test_configuration(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text(PYPROJECT)
    (project / "bxml" / "new.xml").write_text(
        '<Response><SpeakSentence voice="nova">Hi</SpeakSentence></Response>\n'
    )
    (project / "bxml" / "bad-voice.xml").write_text(
        '<Response><SpeakSentence voice="sophia">Hi</SpeakSentence></Response>\n'
    )
    assert _run("bxmlkit lint bxml/new.xml") == 0
    assert _run("bxmlkit lint bxml/bad-voice.xml") == 1
    assert "BX501" in capsys.readouterr().out


def test_suppression() -> None:
    from bxmlkit.lint import lint

    assert lint(textwrap.dedent(SUPPRESSED)) == []


@pytest.mark.parametrize("command", CI_COMMANDS)
def test_ci_commands(project: Path, command: str) -> None:
    assert _run(command) in (0, 1)


def _guide(name: str) -> str:
    return (GUIDES / name).read_text(encoding="utf-8")


def test_linting_guide_shows_these_snippets() -> None:
    guide = _guide("linting-in-ci.md")
    assert f"```console\n$ {COMMAND}\n{OUTPUT}```" in guide
    assert f"```xml\n{MENU_XML}```" in guide
    assert f"```python\n{API}```" in guide
    assert f"prints `{API_OUTPUT.strip()}`" in guide
    for command in CI_COMMANDS:
        assert f"$ {command}" in guide


def test_configuration_guide_shows_these_snippets() -> None:
    guide = _guide("configuration.md")
    assert f"```toml\n{PYPROJECT}```" in guide
    assert f"```xml\n{SUPPRESSED}```" in guide

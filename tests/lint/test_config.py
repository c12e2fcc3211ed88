"""Configuration: discovery by walking up, validation with clear errors, precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from bxmlkit.cli import main
from bxmlkit.lint import Config, ConfigError, Severity, find_config_file, lint, load_config
from bxmlkit.lint.config import config_from_mapping, resolve_rules
from bxmlkit.lint.rules import REGISTRY


def test_defaults_enable_every_rule_that_is_on_by_default() -> None:
    enabled = Config().enabled_codes()
    assert enabled == {c for c, r in REGISTRY.items() if r.enabled_by_default}
    assert "BX902" not in enabled


@pytest.mark.parametrize(
    ("select", "extend", "ignore", "expected_in", "expected_out"),
    [
        pytest.param(("BX1",), (), (), {"BX101", "BX109"}, {"BX201", "BX902"}, id="prefix"),
        pytest.param(("ALL",), (), ("BX3",), {"BX101", "BX902"}, {"BX301"}, id="all-minus-prefix"),
        pytest.param((), ("BX902",), (), {"BX902", "BX101"}, set(), id="extend-off-by-default"),
        pytest.param(
            ("BX3",), (), ("BX303",), {"BX301", "BX302"}, {"BX303", "BX101"}, id="ignore-code"
        ),
        pytest.param((), (), ("BX2",), {"BX101"}, {"BX201", "BX206"}, id="ignore-prefix"),
    ],
)
def test_selection(
    select: tuple[str, ...],
    extend: tuple[str, ...],
    ignore: tuple[str, ...],
    expected_in: set[str],
    expected_out: set[str],
) -> None:
    enabled = resolve_rules(REGISTRY.values(), select, extend, ignore)
    assert expected_in <= enabled
    assert not expected_out & enabled


def test_names_are_accepted_wherever_codes_are() -> None:
    config = config_from_mapping(
        {"select": ["unknown-voice"], "severity": {"unknown-voice": "error"}}, source="t"
    )
    assert config.select == ("BX501",)
    assert config.severity == {"BX501": Severity.ERROR}


# -- discovery -----------------------------------------------------------------------------
def test_nearest_config_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.bxmlkit]\nignore = ["BX206"]\n')
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / ".bxmlkit.toml").write_text('ignore = ["BX201"]\n')
    assert find_config_file(tmp_path / "a" / "b" / "x.xml") == tmp_path / "a" / ".bxmlkit.toml"
    assert find_config_file(tmp_path / "x.xml") == tmp_path / "pyproject.toml"


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.bxmlkit]\nignore = ["BX206"]\n')
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config_file(tmp_path / "pkg" / "x.xml") == tmp_path / "pyproject.toml"


def test_dotfile_beats_pyproject_in_the_same_directory(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.bxmlkit]\n")
    (tmp_path / ".bxmlkit.toml").write_text("")
    assert find_config_file(tmp_path / "x.xml") == tmp_path / ".bxmlkit.toml"


def test_each_file_gets_its_own_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "strict").mkdir()
    (tmp_path / "lax").mkdir()
    (tmp_path / "lax" / ".bxmlkit.toml").write_text('ignore = ["BX206"]\n')
    for folder in ("strict", "lax"):
        (tmp_path / folder / "empty.xml").write_text("<Response/>\n")
    assert main(["lint", ".", "--fail-on", "warning"]) == 1
    out = capsys.readouterr().out
    assert "strict/empty.xml:1:1: BX206" in out
    assert "lax/" not in out


def test_per_file_ignores_and_context(tmp_path: Path) -> None:
    (tmp_path / ".bxmlkit.toml").write_text(
        '[per-file-ignores]\n"legacy/*.xml" = ["BX4"]\n'
        '[per-file-context]\n"conference/**" = "conference"\n'
    )
    config = load_config(tmp_path / ".bxmlkit.toml")
    assert config.ignored_for(str(tmp_path / "legacy" / "a.xml")) == {"BX4"}
    assert config.ignored_for(str(tmp_path / "a.xml")) == set()
    assert config.context_for(str(tmp_path / "conference" / "x" / "a.xml")) == "conference"
    legacy = tmp_path / "legacy"
    legacy.mkdir()
    (legacy / "a.xml").write_text('<Response><Pause length="1"/></Response>')
    from bxmlkit.lint.engine import lint_file

    assert lint_file(str(legacy / "a.xml"), config).diagnostics == []


def test_rule_options(tmp_path: Path) -> None:
    (tmp_path / ".bxmlkit.toml").write_text(
        '[rules.BX501]\nextra-voices = ["nova"]\n[rules.document-too-large]\nmax-bytes = 10\n'
    )
    config = load_config(tmp_path / ".bxmlkit.toml")
    codes = {
        d.code
        for d in lint(
            '<Response><SpeakSentence voice="nova">x</SpeakSentence></Response>', config=config
        )
    }
    assert codes == {"BX203"}


# -- errors ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("content", "words"),
    [
        pytest.param(
            'selct = ["BX1"]',
            ["unknown key 'selct'; did you mean 'select'? allowed keys: select"],
            id="unknown-key",
        ),
        pytest.param(
            'ignor = ["BX1"]', ["[ignor] unknown key 'ignor'; did you mean 'ignore'?"], id="ignor"
        ),
        pytest.param(
            "zzzz = 1", ["unknown key 'zzzz'; allowed keys: select, extend-select"], id="far-off"
        ),
        pytest.param(
            "[rules.gather-prompt-limit]\nmax-prompt = 3",
            [
                "[rules.gather-prompt-limit.max-prompt] unknown option 'max-prompt' of rule "
                "BX202 (gather-prompt-limit); did you mean 'max-prompts'? allowed options: "
                "max-prompts"
            ],
            id="rule-option",
        ),
        pytest.param(
            'select = ["BX999"]',
            ["[select]", "unknown rule 'BX999'; did you mean one of the BX9 rules: BX900"],
            id="unknown-code",
        ),
        pytest.param(
            'select = ["unknown-voise"]', ["did you mean 'unknown-voice'"], id="did-you-mean"
        ),
        pytest.param(
            'fail-on = "fatal"',
            ["[fail-on]", "one of error, warning, info, never", "'fatal'"],
            id="fail-on",
        ),
        pytest.param('context = "phone"', ["[context]", "webhook"], id="context"),
        pytest.param("select = 3", ["must be a list of strings"], id="type"),
        pytest.param(
            'severity = { BX501 = "fatal" }',
            ["[severity.BX501]", "error, warning, info"],
            id="severity",
        ),
        pytest.param(
            "[rules.BX202]\nmax-promts = 3",
            ["[rules.BX202.max-promts]", "allowed options: max-prompts"],
            id="option-name",
        ),
        pytest.param('[rules.BX202]\nmax-prompts = "3"', ["must be an integer"], id="option-type"),
        pytest.param("[rules.BX201]\nx = 1", ["allowed options: none"], id="rule-without-options"),
        pytest.param("select = [", ["is not valid TOML"], id="toml"),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path: Path, content: str, words: list[str]) -> None:
    path = tmp_path / ".bxmlkit.toml"
    path.write_text(content + "\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(str(path))
    for word in words:
        assert word in message


def test_bad_pyproject_table_names_the_full_key(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.bxmlkit]\nignore = ["nope"]\n')
    with pytest.raises(ConfigError, match=r"\[tool\.bxmlkit\.ignore\] unknown rule 'nope'"):
        load_config(path)


def test_bad_config_exits_2_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".bxmlkit.toml").write_text('fail-on = "sometimes"\n')
    (tmp_path / "a.xml").write_text("<Response><Hangup/></Response>")
    assert main(["lint", "a.xml"]) == 2
    err = capsys.readouterr().err
    assert "configuration error" in err
    assert ".bxmlkit.toml: [fail-on] must be one of" in err
    assert main(["lint", "a.xml", "--config", "missing.toml"]) == 2

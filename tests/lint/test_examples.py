"""The deliberately broken examples show diagnostics without failing the demo, and the
pre-commit hook definition is what pre-commit expects."""

from __future__ import annotations

from pathlib import Path

import pytest

from bxmlkit.cli import main
from bxmlkit.lint import Config, lint
from bxmlkit.lint.config import find_config_file, load_config

ROOT = Path(__file__).resolve().parents[2]
BROKEN = sorted((ROOT / "examples" / "broken").glob("*.xml"))


@pytest.mark.parametrize("path", BROKEN, ids=[p.name for p in BROKEN])
def test_every_broken_example_has_errors(path: Path) -> None:
    assert any(d.severity.value == "error" for d in lint(path))


def test_broken_examples_do_not_fail_the_demo(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["lint", "examples/broken"]) == 0
    out = capsys.readouterr().out
    assert out.count("BX") > 20
    config_file = find_config_file(BROKEN[0])
    assert config_file == ROOT / "examples" / "broken" / ".bxmlkit.toml"
    assert load_config(config_file).fail_on == "never"
    assert main(["lint", "--isolated", "examples/broken"]) == 1


def test_broken_examples_cover_every_category() -> None:
    codes = {d.code for path in BROKEN for d in lint(path, config=Config())}
    for prefix in ("BX1", "BX2", "BX3", "BX4", "BX5"):
        assert any(code.startswith(prefix) for code in codes), prefix


def test_pre_commit_hook_definition() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text()
    assert "- id: bxmlkit-lint\n" in text
    assert "  entry: bxmlkit lint\n" in text
    assert "  language: python\n" in text

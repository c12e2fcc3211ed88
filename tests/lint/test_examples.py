"""The deliberately broken examples fail lint in plain sight (the demo ignores that step's exit
code, no dotfile hides it), and the pre-commit hooks receive the files users stage."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bxmlkit.cli import main
from bxmlkit.lint import Config, lint
from bxmlkit.lint.config import find_config_file

ROOT = Path(__file__).resolve().parents[2]
BROKEN = sorted((ROOT / "examples" / "broken").glob("*.xml"))


@pytest.mark.parametrize("path", BROKEN, ids=[p.name for p in BROKEN])
def test_every_broken_example_has_errors(path: Path) -> None:
    assert any(d.severity.value == "error" for d in lint(path))


def test_broken_examples_fail_lint_and_only_the_demo_ignores_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["lint", "examples/broken"]) == 1
    out = capsys.readouterr().out
    assert out.count("BX") > 20
    assert find_config_file(BROKEN[0]) is None  # no dotfile turns the failures off
    assert main(["lint", "--isolated", "examples/broken"]) == 1
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\t-$(BXMLKIT) lint examples/broken\n" in makefile  # `-`: make goes on


def test_broken_examples_cover_every_category() -> None:
    codes = {d.code for path in BROKEN for d in lint(path, config=Config())}
    for prefix in ("BX1", "BX2", "BX3", "BX4", "BX5"):
        assert any(code.startswith(prefix) for code in codes), prefix


def _hooks() -> dict[str, Any]:
    """The hooks as pre-commit itself loads them (its manifest schema fills the defaults)."""
    from pre_commit.clientlib import load_manifest
    from pre_commit.hook import Hook
    from pre_commit.prefix import Prefix

    return {
        h["id"]: Hook.create(str(ROOT), Prefix(str(ROOT)), h)
        for h in load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    }


def test_pre_commit_hook_definition() -> None:
    hooks = _hooks()
    assert sorted(hooks) == ["bxmlkit-fmt", "bxmlkit-lint"]
    assert hooks["bxmlkit-lint"].entry == "bxmlkit lint"
    assert hooks["bxmlkit-fmt"].entry == "bxmlkit fmt"
    for hook in hooks.values():
        assert hook.language == "python"
        assert hook.pass_filenames


@pytest.mark.parametrize("hook_id", ["bxmlkit-lint", "bxmlkit-fmt"])
def test_pre_commit_hook_receives_bxml_files(
    hook_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pre-commit's own file selection (identify's tags plus the hook's files/types filters)
    passes *.xml and *.bxml files to the hook, and nothing else."""
    from identify.identify import tags_from_path
    from pre_commit.commands.run import Classifier

    monkeypatch.chdir(tmp_path)
    names = ["answer.bxml", "menu.xml", "deep/flow.BXML.bxml", "notes.txt", "page.html", "x.xsd"]
    for name in names:
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text("<Response><Hangup/></Response>\n", encoding="utf-8")
    assert "xml" not in tags_from_path("answer.bxml")  # why a `types: [xml]` filter loses them
    classifier = Classifier.from_config(names, include="", exclude="^$")
    selected = list(classifier.filenames_for_hook(_hooks()[hook_id]))
    assert selected == ["answer.bxml", "menu.xml", "deep/flow.BXML.bxml"]

"""What a type checker sees of the models: construction as users write it, fully typed.

Calling a model class runs bxmlkit's metaclass at run time (content positionally or by its
field name, attributes as snake_case keywords).  Type checkers see the generated
``__init__`` signatures (``tools/typed_signatures.py``), with and without the pydantic mypy
plugin, in a user's project that has no bxmlkit configuration.  Pyright is checked too, in its
strict mode, through basedpyright: the PyPI ``pyright`` wrapper downloads the checker from npm
on first use, basedpyright ships the same checker (its version is printed by the test) in the
wheel, so the test needs no network.
"""

from __future__ import annotations

import importlib
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from mypy import api

ROOT = Path(__file__).parents[2]

#: The README's examples, positional and keyword, and an annotated list of verbs.
USER_CODE = """\
from bxmlkit import (
    Break, Comment, Gather, Hangup, PhoneNumber, PlayAudio, Response, SayAs, SpeakSentence,
    Transfer, Verb, to_xml,
)

reply = Response(
    SpeakSentence("Hello from Bandwidth.", voice="susan", locale="en_US", gender="female"),
    Gather(
        SpeakSentence("Press 1 for sales."),
        PlayAudio("/beep.wav"),
        gather_url="/menu",
        max_digits=1,
    ),
    Hangup(),
)
sentence = SpeakSentence(
    "Your code is ", SayAs("1234", interpret_as="characters"), Break(time="500ms"), " thanks"
)
verbs: list[Verb] = [sentence, Transfer(PhoneNumber("+15555550100"), call_timeout=30)]
keyword = Response(verbs=[*verbs, Comment(" done ")], leading_comments=[Comment(" menu ")])
by_name = Gather(prompts=[SpeakSentence(content=["Hi"])], max_digits=3, first_digit_timeout=2.5)
data: bytes = to_xml(reply) + to_xml(keyword)
reveal_type(Transfer(PhoneNumber("+15555550100")).targets[0])
"""

#: Mistakes the type checker must catch.
WRONG_CODE = """\
from bxmlkit import Gather, Hangup, PhoneNumber, Response, SpeakSentence

Gather(max_digits="one")
Gather(maxdigits=3)
Response(PhoneNumber("+15555550100"))
Gather(Hangup())
SpeakSentence("Hi", voice=3)
"""

PLUGIN = "[mypy]\nplugins = pydantic.mypy\n"
NO_PLUGIN = "[mypy]\n"


def _mypy(tmp_path: Path, code: str, config: str) -> list[str]:
    project = tmp_path / "project"
    project.mkdir(exist_ok=True)
    (project / "mypy.ini").write_text(config, encoding="utf-8")
    user = project / "user.py"
    user.write_text(code, encoding="utf-8")
    out, err, _status = api.run(
        [
            "--strict",
            "--config-file",
            str(project / "mypy.ini"),
            "--cache-dir",
            str(tmp_path / "cache"),
            "--no-error-summary",
            "--hide-error-context",
            str(user),
        ]
    )
    assert not err, err
    return [line.split(": ", 1)[1] for line in out.splitlines()]


@pytest.mark.parametrize("config", [PLUGIN, NO_PLUGIN], ids=["pydantic-plugin", "no-plugin"])
def test_readme_construction_type_checks_in_a_user_project(tmp_path: Path, config: str) -> None:
    assert _mypy(tmp_path, USER_CODE, config) == [
        'note: Revealed type is "bxmlkit.models.routing.PhoneNumber | bxmlkit.models.routing.SipUri'
        ' | bxmlkit.models.comment.Comment"'
    ]


@pytest.mark.parametrize("config", [PLUGIN, NO_PLUGIN], ids=["pydantic-plugin", "no-plugin"])
def test_type_checkers_catch_wrong_construction(tmp_path: Path, config: str) -> None:
    errors = [line for line in _mypy(tmp_path, WRONG_CODE, config) if line.startswith("error:")]
    assert errors == [
        'error: No overload variant of "Gather" matches argument type "str"  [call-overload]',
        'error: Unexpected keyword argument "maxdigits" for overloaded function "Gather"; '
        'did you mean "max_digits"?  [call-overload]',
        'error: No overload variant of "Response" matches argument type "PhoneNumber"  '
        "[call-overload]",
        'error: No overload variant of "Gather" matches argument type "Hangup"  [call-overload]',
        'error: No overload variant of "SpeakSentence" matches argument types "str", "int"  '
        "[call-overload]",
    ]


def test_generated_signatures_are_up_to_date() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        typed_signatures: Any = importlib.import_module("typed_signatures")
    finally:
        sys.path.remove(str(ROOT / "tools"))
    for name in typed_signatures.modules():
        path, text = typed_signatures.render(name)
        assert text == path.read_text(encoding="utf-8"), (
            f"{path.name}: run tools/typed_signatures.py"
        )


def _pyright(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, int, str, str]]:
    """(file, line, severity, rule) of every pyright diagnostic on ``files``, strict mode."""
    checker = shutil.which("basedpyright", path=str(Path(sys.executable).parent))
    assert checker is not None, "basedpyright is in the test extra: pip install -e '.[test]'"
    project = tmp_path / "pyright-project"
    project.mkdir()
    config = {"typeCheckingMode": "strict", "pythonVersion": "3.11"}
    (project / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    for name, code in files.items():
        (project / name).write_text(code, encoding="utf-8")
    run = subprocess.run(
        [checker, "--outputjson", "--pythonpath", sys.executable, *files],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = json.loads(run.stdout)
    assert report["summary"]["filesAnalyzed"] == len(files), run.stdout
    return [
        (
            Path(d["file"]).name,
            d["range"]["start"]["line"] + 1,
            d["severity"],
            d.get("rule", ""),
        )
        for d in report["generalDiagnostics"]
    ]


def test_pyright_strict_accepts_the_readme_and_catches_the_mistakes(tmp_path: Path) -> None:
    found = _pyright(tmp_path, {"user.py": USER_CODE, "wrong.py": WRONG_CODE})
    # the README's code: nothing but the reveal_type note
    assert [d for d in found if d[0] == "user.py"] == [
        ("user.py", USER_CODE.count("\n"), "information", "")
    ]
    # every wrong line of WRONG_CODE is an error, and nothing else is reported there
    wrong = [d for d in found if d[0] == "wrong.py"]
    assert all(severity == "error" for _file, _line, severity, _rule in wrong), wrong
    assert sorted({line for _file, line, _severity, _rule in wrong}) == [3, 4, 5, 6, 7]
    assert {rule for *_rest, rule in wrong} <= {"reportCallIssue", "reportArgumentType"}

"""The schema console session of docs/guides/validating.md (formerly the README's) runs as
shown: the same commands, the same output."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

GUIDE = Path(__file__).parents[1] / "docs" / "guides" / "validating.md"
ANSWER = b"<Response><SpeakSentence>Hello</SpeakSentence><Hangup/></Response>\n"


def _section() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    return text.split("## From the command line", 1)[1].split("\n## ", 1)[0]


def _menu() -> str:
    (block,) = re.findall(r"^```xml\n(.*?)^```", _section(), re.S | re.M)[:1]
    return str(block)


def _expected(command: str) -> list[str]:
    """The lines the guide shows after ``$ <command>`` (up to the next prompt)."""
    session = re.findall(r"^```console\n(.*?)^```", _section(), re.S | re.M)[0]
    lines = session.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("$ ") and line[2:].split("#")[0].strip() == command:
            following = []
            for later in lines[index + 1 :]:
                if later.startswith("$ "):
                    break
                following.append(later)
            return following
    raise AssertionError(f"{GUIDE.name} does not show `{command}`")


def _bxmlkit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bxmlkit", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_validate_session(tmp_path: Path) -> None:
    (tmp_path / "answer.xml").write_bytes(ANSWER)
    (tmp_path / "menu.xml").write_text(_menu())
    done = _bxmlkit("validate", "answer.xml", "menu.xml", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.splitlines() == _expected("bxmlkit validate answer.xml menu.xml")


def test_schema_path_session(tmp_path: Path) -> None:
    done = _bxmlkit("schema", "--path", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.strip().endswith("bxml.xsd")
    assert Path(done.stdout.strip()).is_file()


@pytest.mark.skipif(shutil.which("xmllint") is None, reason="xmllint (libxml2-utils) not installed")
def test_xmllint_session(tmp_path: Path) -> None:
    (tmp_path / "answer.xml").write_bytes(ANSWER)
    schema = _bxmlkit("schema", "--path", cwd=tmp_path).stdout.strip()
    done = subprocess.run(
        ["xmllint", "--noout", "--nonet", "--schema", schema, "answer.xml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stderr.splitlines() == _expected(
        'xmllint --noout --nonet --schema "$(bxmlkit schema --path)" answer.xml'
    )

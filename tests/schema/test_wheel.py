"""The built wheel ships the XSD inside the package, and ``schema_path`` finds it there."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import REPO

pytestmark = pytest.mark.slow

CHECK = """
import pathlib, sys
import bxmlkit, bxmlkit.schema as s
package = pathlib.Path(bxmlkit.__file__).resolve().parent
path = s.schema_path().resolve()
assert path == package / "_schema" / "bxml.xsd", path
assert (package / "_schema" / "xml.xsd").is_file()
assert str(package).startswith(sys.argv[1]), package
assert s.validate('<Response><SpeakSentence><lang xml:lang="en-US">hi</lang>'
                  '</SpeakSentence></Response>') == []
(v,) = s.validate('<Response><Gather maxDigits="0"/></Response>')
assert v.kind == "invalid-value", v
assert len(s.element_catalogue()) == 42
print(path)
"""


def test_wheel_installs_and_finds_its_xsd(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(wheels), str(REPO)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = wheels.glob("bxmlkit-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "bxmlkit/_schema/bxml.xsd" in names
    assert "bxmlkit/_schema/xml.xsd" in names

    target = tmp_path / "site"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target",
         str(target), str(wheel)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stdout + installed.stderr

    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env["PYTHONPATH"] = str(target)
    checked = subprocess.run(
        [sys.executable, "-c", CHECK, str(target.resolve())],
        capture_output=True, text=True, env=env, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.strip().endswith("_schema/bxml.xsd")

"""The lint path stays light: no pydantic, httpx, models, codec or client in the process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("pydantic", "httpx", "bxmlkit.models", "bxmlkit.codec", "bxmlkit.client")

SCRIPT = """
import sys
from bxmlkit.cli import main
code = main(["lint", "--format", "json", sys.argv[1]])
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("pydantic", "httpx")
               or m.startswith(("bxmlkit.models", "bxmlkit.codec", "bxmlkit.client")))
print("HEAVY:" + ",".join(heavy), file=sys.stderr)
sys.exit(code)
"""


def test_lint_does_not_import_the_heavy_parts(tmp_path: Path) -> None:
    document = tmp_path / "a.xml"
    document.write_text('<Response><Gather maxdigits="1"/><Say>x</Say></Response>')
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(document)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1, done.stderr
    assert "HEAVY:\n" in done.stderr, done.stderr


def test_api_does_not_import_the_heavy_parts() -> None:
    code = (
        "import sys; from bxmlkit.lint import lint; lint('<Response><Hangup/></Response>');"
        f"print([m for m in sys.modules if m.startswith({HEAVY!r})])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"

"""The lint path stays light: no pydantic, httpx, models, codec or client in the process, and
``bxmlkit lint one.xml`` on a clean document imports none of what only other paths need.

The start-up target (at most 2x ``python -c "import lxml.etree"``) is measured by
``benchmarks/bench_startup.py``, never by a timed test; this file guards its structure."""

from __future__ import annotations

import os
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


#: A clean document with the usual parts: a recording, prompts, a menu, absolute URLs.
CLEAN = """<?xml version="1.0" encoding="UTF-8"?>
<Response>
    <StartRecording recordingAvailableUrl="https://example.com/recording" multiChannel="true"/>
    <SpeakSentence voice="julie">Thank you for calling.</SpeakSentence>
    <Gather gatherUrl="https://example.com/menu" maxDigits="1" firstDigitTimeout="10">
        <SpeakSentence voice="julie">For sales, press 1.</SpeakSentence>
        <PlayAudio>https://example.com/audio/hold.mp3</PlayAudio>
    </Gather>
</Response>
"""

#: Modules ``bxmlkit lint one.xml`` on a clean document must not import, each with why it
#: stays out (each costs start-up: ``python -X importtime -m bxmlkit lint one.xml``).
NOT_ON_THE_CLEAN_PATH = {
    "pydantic": "the models are not needed to lint",
    "httpx": "the client is not needed to lint",
    "bxmlkit.models": "the models are not needed to lint",
    "bxmlkit.codec": "the codec is not needed to lint",
    "bxmlkit.client": "the client is not needed to lint",
    "dataclasses": "value classes on the lint path are plain classes (bxmlkit._frozen)",
    "shutil": "argparse is told the terminal width (bxmlkit.cli._terminal_width)",
    "pathlib": "configuration discovery and the XSD's path use os.path",
    "difflib": "did-you-mean is computed only for a wrong name",
    "copy": "the tree is copied only for a second validation round",
    "tomllib": "TOML is read only when a configuration file exists",
    "importlib.resources": "the XSD is found from the package's folder",
    "importlib.metadata": "the version is a constant",
    "bxmlkit._locate": "positions are computed only for findings",
    "bxmlkit.schema._report": "libxml2's reports are read only for an invalid document",
    "bxmlkit.schema._catalogue": "the linter reads the generated vocabulary",
    "bxmlkit.lint.output.json_report": "only the chosen output format is imported",
    "bxmlkit.lint.output.sarif": "only the chosen output format is imported",
    "bxmlkit.lint.output.github": "only the chosen output format is imported",
}


def test_lint_of_a_clean_file_imports_only_what_it_needs(tmp_path: Path) -> None:
    document = tmp_path / "one.xml"
    document.write_text(CLEAN, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "bxmlkit", "lint", str(document)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env=env,
    )
    assert (done.returncode, done.stdout) == (0, "All checks passed (1 file).\n"), done.stderr
    imported = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "bxmlkit.lint.engine" in imported and "lxml.etree" in imported  # the parse works
    unexpected = {name: why for name, why in NOT_ON_THE_CLEAN_PATH.items() if name in imported}
    assert unexpected == {}

"""The pytest plugin (installed through the pytest11 entry point), run with pytester."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

CONFTEST = """
import pytest
from tests_app import app

@pytest.fixture
def bxml_app():
    return app
"""

APP = """
def app(environ, start_response):
    path = environ["PATH_INFO"]
    start_response("200 OK", [("Content-Type", "application/xml")])
    if path == "/voice":
        return [b'<Response><Gather gatherUrl="/menu" maxDigits="1"><SpeakSentence>Press one.</SpeakSentence></Gather></Response>']
    return [b"<Response><SpeakSentence>Thanks.</SpeakSentence></Response>"]
"""

TESTS = """
from bxmlkit.sim import press

def test_passes(bxml_sim):
    result = bxml_sim.call(initiate_url="/voice", script=[press("1")])
    assert result.heard == ["Press one.", "Thanks."]
    result.assert_ok()

def test_fails(bxml_sim):
    result = bxml_sim.call(initiate_url="/voice", script=[press("1"), press("2")])
    result.assert_ok()
"""


def _project(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(tests_app=APP)
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_flows=TESTS)
    pytester.syspathinsert()


def test_the_fixture_runs_calls_and_a_failure_shows_the_transcript(
    pytester: pytest.Pytester,
) -> None:
    _project(pytester)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*bxmlkit call 1 transcript*",
            "*webhook    initiate POST /voice -> HTTP 200*",
            "*unused script step: press 2*",
        ]
    )
    assert (
        "test_passes"
        not in result.stdout.str().split("bxmlkit call 1 transcript")[0].split("FAILURES")[-1]
    )


def test_transcripts_are_saved_with_the_option(pytester: pytest.Pytester, tmp_path: Path) -> None:
    _project(pytester)
    folder = tmp_path / "transcripts"
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", f"--bxml-transcripts={folder}")
    result.assert_outcomes(passed=1, failed=1)
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["test_flows.py_test_fails-1.txt", "test_flows.py_test_passes-1.txt"]
    assert "Thanks." in (folder / "test_flows.py_test_passes-1.txt").read_text()


def test_without_a_bxml_app_fixture_the_error_says_what_to_define(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(test_alone="def test_x(bxml_sim):\n    pass\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*define a 'bxml_app' fixture*"])


def test_the_plugin_module_imports_nothing_heavy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, bxmlkit.sim.pytest_plugin; "
        "print(sorted(m for m in ('pydantic', 'httpx', 'lxml', 'bxmlkit.sim.engine') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

"""Golden outputs for every format, and SARIF checked against the SARIF 2.1.0 schema.

Regenerate the golden files after an intended change with ``UPDATE_GOLDEN=1 pytest tests/lint``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from bxmlkit._version import __version__
from bxmlkit.lint import Config
from bxmlkit.lint.engine import lint_file
from bxmlkit.lint.output import FORMATS, Report, render

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
EXTENSIONS = {"text": "txt", "json": "json", "sarif": "sarif", "github": "github.txt"}


@pytest.fixture
def report(monkeypatch: pytest.MonkeyPatch) -> Report:
    monkeypatch.chdir(GOLDEN)
    results = [
        lint_file(f"docs/{name}", Config())
        for name in ("clean.xml", "ivr.xml", "depth.xml", "broken.xml")
    ]
    return Report(results=results, rule_codes=sorted(Config().enabled_codes()))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_golden(report: Report, fmt: str) -> None:
    output = render(report, fmt).replace(__version__, "VERSION")
    expected = GOLDEN / f"expected.{EXTENSIONS[fmt]}"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(output, encoding="utf-8")
    assert output == expected.read_text(encoding="utf-8")


def test_text_colour(report: Report) -> None:
    coloured = render(Report(results=report.results, color=True), "text")
    assert "\033[1m\033[31mBX103\033[0m" in coloured
    assert "\033[" not in render(report, "text")


def test_text_caret_under_tabs(report: Report) -> None:
    lines = render(report, "text").splitlines()
    index = lines.index(next(line for line in lines if ":3:17: BX501" in line))
    source, caret = lines[index + 1], lines[index + 2]
    assert source.index('voice="Julie"') == caret.index("^")


def test_github_escaping() -> None:
    from bxmlkit.lint import Diagnostic, Severity
    from bxmlkit.lint.engine import FileResult

    diagnostic = Diagnostic("a,b:c.xml", 1, 2, "BX100", "syntax-error", Severity.ERROR, "50%\nnext")
    out = render(Report(results=[FileResult("a,b:c.xml", [diagnostic])]), "github")
    assert (
        out
        == "::error file=a%2Cb%3Ac.xml,line=1,col=2,title=BX100 syntax-error::BX100 50%25%0Anext\n"
    )


# -- SARIF -----------------------------------------------------------------------------------
def _sarif(report: Report) -> dict[str, object]:
    return json.loads(render(report, "sarif"))  # type: ignore[no-any-return]


def test_sarif_matches_the_schema(report: Report) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((HERE / "sarif-2.1.0-subset.schema.json").read_text())
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.Draft4Validator(schema).validate(_sarif(report))


def test_sarif_schema_rejects_broken_logs(report: Report) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((HERE / "sarif-2.1.0-subset.schema.json").read_text())
    log = _sarif(report)
    log["version"] = "2.0.0"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, schema)
    log = _sarif(report)
    log["runs"][0]["results"][0]["level"] = "fatal"  # type: ignore[index]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, schema)


def test_sarif_is_what_github_code_scanning_needs(report: Report) -> None:
    from bxmlkit.lint.rules import REGISTRY

    log = _sarif(report)
    assert log["version"] == "2.1.0"
    runs: Any = log["runs"]
    (run,) = runs
    driver = run["tool"]["driver"]
    assert driver["name"] == "bxmlkit"
    rules = driver["rules"]
    assert [r["id"] for r in rules] == sorted(Config().enabled_codes())
    for rule in rules:
        assert rule["shortDescription"]["text"]
        assert "## " not in rule["fullDescription"]["text"]
        assert rule["help"]["text"] == REGISTRY[rule["id"]].doc()
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert not physical["artifactLocation"]["uri"].startswith("/")
        assert physical["region"]["startLine"] >= 1
        assert physical["region"]["startColumn"] >= 1

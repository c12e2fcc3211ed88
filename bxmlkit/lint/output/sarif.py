"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning, with every rule's documentation.

GitHub code scanning reads ``runs[].tool.driver.rules`` (``id``, ``name``,
``shortDescription``, ``fullDescription``, ``help``, ``defaultConfiguration.level``,
``properties.tags``) and ``runs[].results`` (``ruleId``, ``ruleIndex``, ``level``,
``message.text`` and one physical location with a repository-relative ``uri`` and a
``region`` whose ``startLine``/``startColumn`` are 1-based).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bxmlkit._version import __version__
from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import doc_sections

if TYPE_CHECKING:
    from bxmlkit.lint.output import Report

__all__ = ["SARIF_SCHEMA", "SARIF_VERSION", "render"]

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    if path in ("-", "<stdin>"):
        return "stdin"
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path(os.getcwd()))
        except ValueError:
            return candidate.as_uri()
    return candidate.as_posix()


def _rule(code: str) -> dict[str, Any]:
    from bxmlkit.lint.rules import REGISTRY

    rule = REGISTRY[code]
    doc = rule.doc()
    sections = doc_sections(doc)
    first = doc.split("\n", 1)[0].strip()
    full = sections.get("What it does", first)
    why = sections.get("Why is this bad?", "")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": f"{full}\n\n{why}".strip()},
        "help": {"text": doc, "markdown": f"# {rule.code} {rule.name}\n\n{doc}"},
        "defaultConfiguration": {"level": _LEVEL[rule.default_severity]},
        "properties": {"tags": ["bxml", rule.category], "precision": "high"},
    }


def render(report: Report) -> str:
    """The SARIF log as JSON text."""
    from bxmlkit.lint.rules import REGISTRY

    diagnostics = report.diagnostics
    codes = sorted(set(report.rule_codes) | {d.code for d in diagnostics})
    codes = [c for c in codes if c in REGISTRY]
    index = {code: i for i, code in enumerate(codes)}
    results = []
    for d in diagnostics:
        region: dict[str, int] = {"startLine": max(d.line, 1)}
        if d.column:
            region["startColumn"] = d.column
        result: dict[str, Any] = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": _LEVEL[d.severity],
            "message": {"text": d.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(d.path)},
                        "region": region,
                    }
                }
            ],
        }
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "bxmlkit",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_rule(code) for code in codes],
                    }
                },
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"

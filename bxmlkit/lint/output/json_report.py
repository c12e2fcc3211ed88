"""``--format json``: one JSON object with every diagnostic and a summary."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING

from bxmlkit.lint.diagnostic import Severity

if TYPE_CHECKING:
    from bxmlkit.lint.output import Report

__all__ = ["render"]


def render(report: Report) -> str:
    """The JSON report (stable key order, two-space indent)."""
    counts = report.counts()
    payload = {
        "version": 1,
        "diagnostics": [d.as_dict() for d in report.diagnostics],
        "summary": {
            "files": len(report.results),
            "errors": _count(counts, "error"),
            "warnings": _count(counts, "warning"),
            "info": _count(counts, "info"),
            "fixed": report.fixed,
        },
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _count(counts: Mapping[Severity, int], level: str) -> int:
    return sum(n for severity, n in counts.items() if str(severity) == level)

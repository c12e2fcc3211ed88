"""``--format github``: GitHub Actions workflow commands, shown as annotations on the PR."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bxmlkit.lint.diagnostic import Severity

if TYPE_CHECKING:
    from bxmlkit.lint.output import Report

__all__ = ["render"]

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    """One ``::error file=...,line=...,col=...,title=...::message`` line per diagnostic."""
    lines = []
    for d in report.diagnostics:
        props = [f"file={_property(d.path)}"]
        if d.line:
            props.append(f"line={d.line}")
        if d.column:
            props.append(f"col={d.column}")
        props.append(f"title={_property(f'{d.code} {d.name}')}")
        lines.append(f"::{_LEVEL[d.severity]} {','.join(props)}::{_data(d.code + ' ' + d.message)}")
    return "".join(line + "\n" for line in lines)

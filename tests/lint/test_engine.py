"""The engine: parallel runs match serial ones, crashes are contained, context resolution."""

from __future__ import annotations

from pathlib import Path

import pytest

from bxmlkit.lint import Config
from bxmlkit.lint.engine import PARALLEL_THRESHOLD, lint_bytes, lint_paths, resolve_context


def test_parallel_results_equal_serial_results(tmp_path: Path) -> None:
    files = []
    for n in range(PARALLEL_THRESHOLD + 20):
        path = tmp_path / f"doc{n:04d}.xml"
        body = '<Gather maxdigits="1"/>' if n % 7 == 0 else "<Hangup/>"
        path.write_text(f"<Response>{body}</Response>\n")
        files.append((str(path), Config()))
    serial = [(r.path, r.diagnostics) for r in lint_paths(files, jobs=1)]
    parallel = [(r.path, r.diagnostics) for r in lint_paths(files, jobs=2)]
    assert parallel == serial
    assert sum(1 for _, d in serial if d) == len(range(0, len(files), 7))


@pytest.mark.parametrize(
    ("configured", "root", "expected"),
    [
        ("auto", "Response", "webhook"),
        ("auto", "Bxml", "update-call"),
        ("auto", None, "webhook"),
        ("conference", "Bxml", "conference"),
    ],
)
def test_resolve_context(configured: str, root: str | None, expected: str) -> None:
    assert resolve_context(configured, root) == expected


def test_comment_context_beats_the_argument() -> None:
    data = b"<!-- bxmlkit: context=update-call -->\n<Response><Hangup/></Response>"
    assert [d.code for d in lint_bytes(data, context="webhook")] == ["BX602"]


def test_per_file_ignores_apply_to_the_path(tmp_path: Path) -> None:
    config = Config(per_file_ignores=(("legacy/*.xml", ("BX4",)),), root=str(tmp_path))
    data = b'<Response><Pause length="1"/></Response>'
    assert lint_bytes(data, path=str(tmp_path / "legacy" / "a.xml"), config=config) == []
    assert [d.code for d in lint_bytes(data, path=str(tmp_path / "a.xml"), config=config)] == [
        "BX402"
    ]


def test_quick_rejects_change_nothing_on_the_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    from bxmlkit.lint import engine, lint

    root = Path(__file__).resolve().parents[2]
    paths = sorted(root.glob("examples/**/*.xml")) + sorted(root.glob("tests/**/corpus/**/*.xml"))
    assert paths
    with_prefilter = [lint(p, config={"select": ["ALL"]}) for p in paths]
    monkeypatch.setattr(engine, "PREFILTER", False)
    assert [lint(p, config={"select": ["ALL"]}) for p in paths] == with_prefilter

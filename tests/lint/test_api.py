"""The Python API: ``bxmlkit.lint.lint(source, *, config=None)`` and its value objects."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest

from bxmlkit.errors import SourceError
from bxmlkit.lint import ConfigError, Diagnostic, Severity, lint

BAD = '<Response><Gather maxdigits="4"/></Response>'


def test_sources(tmp_path: Path) -> None:
    path = tmp_path / "a.xml"
    path.write_text(BAD)
    expected = [("BX103", 1, 19)]
    for source, name in [
        (BAD, "<string>"),
        (BAD.encode(), "<bytes>"),
        (path, str(path)),
        (io.BytesIO(BAD.encode()), "<stream>"),
    ]:
        diagnostics = lint(source)
        assert [(d.code, d.line, d.column) for d in diagnostics] == expected
        assert diagnostics[0].path == name


def test_missing_path_raises_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError):
        lint(tmp_path / "missing.xml")


def test_bad_config_raises() -> None:
    with pytest.raises(ConfigError):
        lint(BAD, config={"select": ["BX0000"]})
    with pytest.raises(ConfigError):
        lint(BAD, context="phone")


def test_diagnostic_is_a_small_frozen_sortable_value() -> None:
    (diagnostic,) = lint(BAD)
    assert str(diagnostic) == (
        '<string>:1:19: BX103 unknown attribute "maxdigits" on <Gather>; did you mean "maxDigits"?'
    )
    assert diagnostic.name == "unknown-attribute"
    assert diagnostic.severity is Severity.ERROR
    assert diagnostic.fix is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        diagnostic.line = 2  # type: ignore[misc]
    a = Diagnostic("a.xml", 2, 1, "BX201", "unreachable-verb", Severity.WARNING, "m")
    b = Diagnostic("a.xml", 1, 9, "BX501", "unknown-voice", Severity.WARNING, "m")
    c = Diagnostic("a.xml", 1, 9, "BX204", "ignored-attribute", Severity.WARNING, "m")
    assert sorted([a, b, c]) == [c, b, a]
    assert hash(a) == hash(a.replace()) and a.replace(line=3) > a


def test_results_are_sorted() -> None:
    diagnostics = lint(
        '<Response><SpeakSentence voice="x" locale="y" gender="z">a</SpeakSentence></Response>'
    )
    assert diagnostics == sorted(diagnostics)


def test_str_is_the_document_not_a_file_name() -> None:
    assert lint("response.xml")[0].code == "BX100"

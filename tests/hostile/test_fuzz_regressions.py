"""Inputs the fuzzer (fuzz/fuzz_parse.py) found, kept as regression tests; the fix laws that
tests/lint/test_properties.py does not state; and a short run of the harness itself.

tests/lint/test_properties.py already proves that ``lint()`` never raises on arbitrary bytes,
text and mutated documents, and that fixes are idempotent; tests/codec/test_roundtrip.py
proves the round trip of generated models.  This file adds: ``--fix`` never makes a document
that parsed stop parsing, and never reports a code more often than before (the engine withholds
a fix that would reveal a hidden problem).
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bxmlkit._parser import decode_for_positions
from bxmlkit.lint import Diagnostic, lint
from bxmlkit.lint.config import Config
from bxmlkit.lint.engine import lint_file
from bxmlkit.lint.fix import encoding_of

ROOT = Path(__file__).resolve().parents[2]
HARNESS = ROOT / "fuzz" / "fuzz_parse.py"

#: Found by the lint target: BX101's unwrap fix left text that sat inside <xml> outside the
#: root, so --fix turned a parseable document into a BX100 (fixed in wrong_root.py).
WRAPPER_WITH_TEXT = b"""<?xml version="1.0" encoding="UTF-8"?>
<!-- What bandwidth-sdk 15.x emitted -->
<xml>J    <Response>
        <Ring duration="2" answerCall="True"/>
        <StartStream destination="wss://example.com/stream" destination_username="u"/>
        <Pause length="2"/>
    </Response>
</xml>
"""

#: A fix that renames an attribute exposes its value: maxdigits="0" (BX103, fixable) becomes
#: maxDigits="0" (BX104).  The document is no worse, but a diagnostic is new.
RENAME_REVEALS_VALUE = b"""<Response>
    <Gather gatherUrl="https://example.com/menu" maxdigits="0">
        <SpeakSentence>For sales, press 1.</SpeakSentence>
    </Gather>
</Response>
"""

#: The <xml> wrapper hides the inner document from the other rules; unwrapping shows them.
WRAPPER_HIDES_PROBLEMS = b"""<xml>
    <Response>
        0" recordCompleteUrl="https://example.com/recorded"/>
    </Response>
</xml>
"""


def _fix(data: bytes) -> tuple[str, list[Diagnostic], list[Diagnostic]]:
    """(fixed text, diagnostics before, diagnostics after), by the engine ``lint --fix`` runs."""
    before = lint(data)
    text = decode_for_positions(data)
    assert encoding_of(data, text) is not None
    result = lint_file("-", Config(), data=data, fix=True, write=False)
    if result.fixed is not None:
        text = result.fixed[1]
    return text, before, result.diagnostics


def test_unwrap_fix_keeps_the_document_well_formed() -> None:
    text, before, after = _fix(WRAPPER_WITH_TEXT)
    assert "BX101" in {d.code for d in before}
    assert "BX100" not in {d.code for d in after}, [str(d) for d in after]
    assert "<xml>" in text  # not unwrapped: the text inside would land outside the root


def test_unwrap_fix_still_applies_without_text(tmp_path: Path) -> None:
    from bxmlkit.cli import main

    path = tmp_path / "wrapped.xml"
    path.write_bytes(b"<xml>\n  <Response>\n    <Hangup/>\n  </Response>\n</xml>\n")
    assert main(["lint", "--isolated", "--fix", str(path)]) == 0
    assert path.read_bytes() == b"  <Response>\n    <Hangup/>\n  </Response>\n"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(RENAME_REVEALS_VALUE, id="rename-reveals-BX104"),
        pytest.param(WRAPPER_HIDES_PROBLEMS, id="unwrap-reveals-BX107-BX206"),
        pytest.param((ROOT / "examples/broken/legacy-v1.xml").read_bytes(), id="legacy-v1-BX201"),
    ],
)
def test_fix_adds_no_diagnostic(data: bytes) -> None:
    _, before, after = _fix(data)
    new = Counter(d.code for d in after) - Counter(d.code for d in before)
    assert not new, dict(new)


FRAGMENTS = [b"<xml>", b"</xml>", b"J", b"&lt;", b"<!-- c -->", b" maxdigits='4'",
             b"<Pause length='2'/>", b" answerCall='True'", b"\n", b"<Hangup/>"]  # fmt: skip
SEEDS = [WRAPPER_WITH_TEXT, RENAME_REVEALS_VALUE, (ROOT / "examples/ivr.xml").read_bytes()]


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(data)))
        data[position:position] = draw(st.sampled_from(FRAGMENTS))
    return bytes(data)


@settings(max_examples=60, deadline=None)
@given(documents())
def test_fix_never_breaks_a_parseable_document(data: bytes) -> None:
    if encoding_of(data, decode_for_positions(data)) is None:
        return
    _, before, after = _fix(data)
    if "BX100" not in {d.code for d in before}:
        assert "BX100" not in {d.code for d in after}, [str(d) for d in after]
    assert "BX900" not in {d.code for d in after}


@pytest.mark.parametrize("target", ["parse", "lint"])
def test_harness_short_run(target: str) -> None:
    """The harness runs (atheris when installed, else Hypothesis) and finds nothing."""
    proc = subprocess.run(
        [sys.executable, str(HARNESS), "--target", target, "--engine", "hypothesis",
         "--examples", "40", "-max_total_time=10"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "no failure" in proc.stderr


def test_harness_reproduces_a_saved_input(tmp_path: Path) -> None:
    saved = tmp_path / "crash-input"
    saved.write_bytes(WRAPPER_WITH_TEXT)
    proc = subprocess.run(
        [sys.executable, str(HARNESS), "--target", "lint", "--engine", "hypothesis", str(saved)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert f"{saved}: ok" in proc.stderr


def test_fix_leaves_a_utf7_document_alone(tmp_path: Path) -> None:
    """Found by the lint target: in a document declaring UTF-7, libxml2 (and the rules) read
    "a+=" as "a=", so every fix offset after it was one character off; --fix wrote
    '<StartTranscriptionstabilizedd="true"'.  Now such a document is not fixed at all."""
    from bxmlkit.cli import main

    data = (
        b'<?xml version="1.0" encoding="UTF-7"?>\n<Response>\n'
        b'  <Redirect a+="1" redirectUrl="https://e.com/x"/>\n'
        b'  <StartTranscription sta-bilized="true" name="t"/>\n</Response>\n'
    )
    path = tmp_path / "utf7.xml"
    path.write_bytes(data)
    assert main(["lint", "--isolated", "--fix", str(path)]) == 1
    assert path.read_bytes() == data

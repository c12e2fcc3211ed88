"""``bxmlkit.vocabulary``: generated from the XSD, never edited; the facts every face reads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bxmlkit import schema, vocabulary
from bxmlkit.schema import generate

from .conftest import REPO


def test_vocabulary_is_what_the_xsd_generates() -> None:
    on_disk = generate.TARGET.read_text(encoding="utf-8")
    assert on_disk == generate.generate(), (
        "bxmlkit/vocabulary.py is stale: run python -m bxmlkit.schema.generate"
    )


def test_check_mode_reports_a_stale_file(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bxmlkit.schema.generate", "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_a_changed_xsd_changes_the_vocabulary(tmp_path: Path) -> None:
    xsd = schema.schema_path()
    copy = tmp_path / "bxml.xsd"
    (tmp_path / "xml.xsd").write_bytes((xsd.parent / "xml.xsd").read_bytes())
    text = xsd.read_text(encoding="utf-8")
    copy.write_text(
        text.replace('"bxmlkit:max-document-bytes">65536<', '"bxmlkit:max-document-bytes">32768<'),
        encoding="utf-8",
    )
    generated = generate.generate(copy)
    assert "MAX_DOCUMENT_BYTES: Final = 32768" in generated
    assert generated != generate.generate()


def test_vocabulary_agrees_with_the_catalogue() -> None:
    catalogue = schema.element_catalogue()
    assert set(vocabulary.ELEMENTS) == set(catalogue)
    assert schema.root_names() == vocabulary.ROOTS
    for name, element in vocabulary.ELEMENTS.items():
        spec = catalogue[name]
        assert element.category == spec.category
        assert element.children == tuple(spec.children)
        assert set(element.attributes) == set(spec.attributes)
        for attribute, declared in element.attributes.items():
            assert declared.value.expected == spec.attributes[attribute].value.expected()
            assert declared.required == spec.attributes[attribute].required


def test_facts_from_the_appinfo() -> None:
    assert vocabulary.MAX_DOCUMENT_BYTES == 64 * 1024
    assert set(vocabulary.DTMF_ALPHABET) == set("0123456789*#abcdABCD,wW")
    assert "Gather" not in vocabulary.CONFERENCE_VERBS
    assert "SpeakSentence" in vocabulary.CONFERENCE_VERBS
    assert {
        "Bridge",
        "Conference",
        "Forward",
        "Transfer",
    } == vocabulary.TRANSFER_ANSWER_FORBIDDEN_VERBS
    gather = vocabulary.ELEMENTS["Gather"].attributes
    assert gather["gatherUrl"].value.kind == "url"
    assert gather["partialResultCallback"].value.kind == "url"
    assert gather["interDigitTimeout"].value.kind == "duration"
    assert vocabulary.ELEMENTS["PhoneNumber"].text is not None
    assert vocabulary.ELEMENTS["PhoneNumber"].text.kind == "phone-number"
    assert vocabulary.VARIANTS[("SipUri", "Refer")].attributes == {}


def test_vocabulary_imports_neither_pydantic_nor_lxml() -> None:
    code = (
        "import sys, bxmlkit.vocabulary\n"
        "assert 'pydantic' not in sys.modules and 'lxml' not in sys.modules, sorted(sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
